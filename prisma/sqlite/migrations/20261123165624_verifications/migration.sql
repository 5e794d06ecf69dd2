-- CreateTable
CREATE TABLE "verifications" (
    "run_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "schema_id" INTEGER NOT NULL,
    "consumer" TEXT NOT NULL,
    "consumer_version" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "scenarios" TEXT NOT NULL,
    "seed" TEXT,
    "tool" TEXT,
    "ts" BIGINT NOT NULL,

    PRIMARY KEY ("run_id", "version")
);

-- CreateIndex
CREATE INDEX "verifications_subject_version_idx" ON "verifications"("subject", "version");

-- CreateIndex
CREATE INDEX "verifications_consumer_consumer_version_idx" ON "verifications"("consumer", "consumer_version");
