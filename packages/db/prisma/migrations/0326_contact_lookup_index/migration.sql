-- CreateIndex
CREATE INDEX "PersonContact_organizationId_contactLookup_idx" ON "PersonContact"("organizationId", "contactLookup");
