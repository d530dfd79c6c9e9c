-- Shared state for several gateway processes behind one load balancer (issue 11, part 4).
-- "RateLimitWindow": the public form endpoints' fixed-window counters, taken in one statement per
-- request (apps/gateway/src/courses/public-form-limiter.ts), so two processes do not double the
-- limit. "ScheduledJobRun": the period each scheduled job last ran for, claimed under the job's
-- advisory lock (apps/gateway/src/scale-out/periodic-job.ts), so the hourly retention job and the
-- session sweep run once per period across all processes and restarts. The runtime role gets
-- read/write on both through the default privileges of migration 0308.

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "limiter" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("limiter","key")
);

-- CreateTable
CREATE TABLE "ScheduledJobRun" (
    "job" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "result" JSONB,

    CONSTRAINT "ScheduledJobRun_pkey" PRIMARY KEY ("job","period")
);

-- CreateIndex
CREATE INDEX "RateLimitWindow_expiresAt_idx" ON "RateLimitWindow"("expiresAt");

-- CreateIndex
CREATE INDEX "ScheduledJobRun_startedAt_idx" ON "ScheduledJobRun"("startedAt");
