-- Who acted on a hate-crime referral, as foreign keys to "User" (issue 12): who recorded the
-- person's consent, who sent the referral, and the receiving organisation's adviser or
-- psychologist who took it. ON DELETE RESTRICT, not SET NULL: the consent record has to keep
-- naming who recorded it (the controller must be able to show the consent, GDPR art. 7(1)), and the
-- audit trail's userId for these writes has to keep resolving to a login. The application never
-- deletes a user (it disables one: "User"."disabledAt"), so RESTRICT only stops a manual DELETE
-- that would otherwise blank who did what.

-- An id that names no user (possible only after such a manual DELETE before this migration) is
-- cleared so the constraint can be added; the CREATE/UPDATE audit events of the referral still
-- hold that actor's id.
UPDATE "HateCrimeReferral" r SET "consentRecordedById" = NULL
  WHERE "consentRecordedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = r."consentRecordedById");
UPDATE "HateCrimeReferral" r SET "sentById" = NULL
  WHERE "sentById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = r."sentById");
UPDATE "HateCrimeReferral" r SET "handlerId" = NULL
  WHERE "handlerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = r."handlerId");

-- AddForeignKey
ALTER TABLE "HateCrimeReferral" ADD CONSTRAINT "HateCrimeReferral_consentRecordedById_fkey" FOREIGN KEY ("consentRecordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeReferral" ADD CONSTRAINT "HateCrimeReferral_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeReferral" ADD CONSTRAINT "HateCrimeReferral_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
