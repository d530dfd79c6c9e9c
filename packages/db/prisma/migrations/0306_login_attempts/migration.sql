-- Login throttle in the database (issue 9): attempts are reserved here before the password hash
-- is checked, in one statement per limiter, so parallel guesses and several gateway processes
-- share one count. See apps/gateway/src/auth/login-throttle.ts.

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "limiter" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "level" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("limiter","key")
);

-- CreateIndex
CREATE INDEX "LoginThrottle_updatedAt_idx" ON "LoginThrottle"("updatedAt");
