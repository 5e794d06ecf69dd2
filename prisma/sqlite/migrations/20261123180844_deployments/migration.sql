-- CreateTable
CREATE TABLE "deployments" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participant" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "produces" TEXT NOT NULL,
    "consumes" TEXT NOT NULL,
    "deployed_at" BIGINT NOT NULL,
    "undeployed_at" BIGINT
);

-- CreateIndex
CREATE INDEX "deployments_environment_participant_idx" ON "deployments"("environment", "participant");
