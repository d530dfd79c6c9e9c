-- The referral's hate-crime motive becomes an encrypted text column (field-encryption.ts,
-- ENCRYPTED_COLUMNS), like the other handed-over fields. Written by hand: Prisma's diff drops and
-- re-adds the column, which would lose the stored motives and the CHECK constraint on it
-- (HateCrimeReferral_motive_check, migration 0318). Codes stored before this migration stay
-- readable and are encrypted by the next run of the key-rotation command (`npm run fields:rotate -w @vi/db`
-- re-encrypts every value not under the active key, plain ones included).
ALTER TABLE "HateCrimeReferral" ALTER COLUMN "hateMotive" TYPE TEXT USING "hateMotive"::text;
