-- AlterTable
ALTER TABLE "QuestionnaireResponse" ADD COLUMN     "locale" TEXT;

-- CreateTable
CREATE TABLE "TranslationOverride" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TranslationOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TranslationOverride_organizationId_locale_key_key" ON "TranslationOverride"("organizationId", "locale", "key");

-- AddForeignKey
ALTER TABLE "TranslationOverride" ADD CONSTRAINT "TranslationOverride_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The languages the domain offers participants (PARTICIPANT_LOCALES in packages/domain/src/i18n):
-- a row in any other language could not be shown or scored. A new language extends both checks.
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_locale_check"
  CHECK ("locale" IS NULL OR "locale" IN ('da', 'en', 'ar', 'tr', 'so', 'ur', 'fa', 'pl', 'uk'));
ALTER TABLE "TranslationOverride" ADD CONSTRAINT "TranslationOverride_locale_check"
  CHECK ("locale" IN ('da', 'en', 'ar', 'tr', 'so', 'ur', 'fa', 'pl', 'uk'));
