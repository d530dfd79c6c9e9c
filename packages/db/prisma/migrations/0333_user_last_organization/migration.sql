-- The organisation a user last switched to, so the next login starts there (apps/gateway
-- auth/login.ts). SET NULL: a deleted organisation only means the next login starts at the first.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastOrganizationId" UUID;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_lastOrganizationId_fkey" FOREIGN KEY ("lastOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
