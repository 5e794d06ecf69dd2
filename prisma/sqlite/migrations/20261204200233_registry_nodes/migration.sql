-- CreateTable
CREATE TABLE "registry_nodes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "host" TEXT NOT NULL,
    "started_at" BIGINT NOT NULL,
    "seen_at" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "registry_nodes_seen_at_idx" ON "registry_nodes"("seen_at");
