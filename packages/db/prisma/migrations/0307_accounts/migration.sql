-- Accounts (issue 9): password change, administrators' temporary passwords and an optional TOTP
-- second factor (required for administrators' user management, see apps/gateway/src/auth/).
-- totpSecret is stored as apps/gateway/src/auth/totp.ts seals it; issue 10 encrypts it there.

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3),
ADD COLUMN     "totpEnabledAt" TIMESTAMP(3),
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpSecret" TEXT;
