-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "withdrawnReason" TEXT;
