-- CreateTable
CREATE TABLE "CrimeCodeMapping" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "incidentType" "IncidentType" NOT NULL,
    "description" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrimeCodeMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CrimeCodeMapping_organizationId_code_key" ON "CrimeCodeMapping"("organizationId", "code");

-- AddForeignKey
ALTER TABLE "CrimeCodeMapping" ADD CONSTRAINT "CrimeCodeMapping_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
