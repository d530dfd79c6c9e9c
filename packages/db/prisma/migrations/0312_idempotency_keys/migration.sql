-- Idempotency keys (issue 10): a creating mutation sent again with the same Idempotency-Key header
-- by the same user gets the stored answer instead of running twice. See
-- apps/gateway/src/idempotency.ts. No foreign key to "User": the rows expire within a day and a
-- user's deletion must not wait on them.

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "response" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_expiresAt_idx" ON "IdempotencyKey"("expiresAt");
