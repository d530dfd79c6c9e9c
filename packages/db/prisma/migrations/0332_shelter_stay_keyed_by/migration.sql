-- Aftercare after a shelter stay: which later admission gave a stay its personKey. A CPR number typed
-- when a woman is admitted again at the same shelter is taken up by her earlier stays there that had
-- none; if that admission is then cancelled as registered by mistake (e.g. the wrong earlier woman was
-- chosen), the key must go back with it, or the evaluation's repeat-stay figures would join her earlier
-- stays with another woman's. Stays keyed before this migration have no record of it (NULL).

-- AlterTable
ALTER TABLE "ShelterStay" ADD COLUMN     "keyedByStayId" UUID;

-- CreateIndex
CREATE INDEX "ShelterStay_keyedByStayId_idx" ON "ShelterStay"("keyedByStayId");

-- AddForeignKey
ALTER TABLE "ShelterStay" ADD CONSTRAINT "ShelterStay_keyedByStayId_fkey" FOREIGN KEY ("keyedByStayId") REFERENCES "ShelterStay"("id") ON DELETE SET NULL ON UPDATE CASCADE;
