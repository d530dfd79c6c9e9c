-- Field encryption at rest (issue 10): organisations' wrapped data and lookup keys, and the
-- keyed hash the import's duplicate check compares now that names and phone numbers are
-- encrypted (packages/db/src/field-encryption.ts), and the sealed copy of questionnaire answers
-- (the plain "answers" column keeps only the codes the evaluation aggregates in SQL). Rows written
-- before this migration are plaintext: `npm run fields:rotate -w @vi/db` encrypts them (and fills
-- contactLookup and answersSealed) in batches.

-- AlterTable
ALTER TABLE "IntakeRegistration" ADD COLUMN     "answersSealed" TEXT;

-- AlterTable
ALTER TABLE "PersonContact" ADD COLUMN     "contactLookup" TEXT;

-- AlterTable
ALTER TABLE "QuestionnaireResponse" ADD COLUMN     "answersSealed" TEXT;

-- CreateTable
CREATE TABLE "OrganizationKey" (
    "id" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "wrappedKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganizationKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationKey_organizationId_purpose_generation_key" ON "OrganizationKey"("organizationId", "purpose", "generation");

-- The gateway (runtime role of 0308) reads keys and adds an organisation's first ones, but never
-- replaces or removes one: that would make encrypted values unreadable. Re-wrapping and new
-- generations are the rotation command's, run as the owner.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'vi_runtime') THEN
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "OrganizationKey" FROM vi_runtime;
  END IF;
END
$$;
