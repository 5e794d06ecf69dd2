-- CreateTable
CREATE TABLE "registry_nodes" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "started_at" BIGINT NOT NULL,
    "seen_at" BIGINT NOT NULL,

    CONSTRAINT "registry_nodes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "registry_nodes_seen_at_idx" ON "registry_nodes"("seen_at");
