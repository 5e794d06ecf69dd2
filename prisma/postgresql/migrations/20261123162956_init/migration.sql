-- CreateTable
CREATE TABLE "schemas" (
    "id" INTEGER NOT NULL,
    "guid" TEXT NOT NULL,
    "schema_type" TEXT NOT NULL,
    "schema" TEXT NOT NULL,
    "references" TEXT NOT NULL,
    "metadata" TEXT,
    "rule_set" TEXT,
    "ts" BIGINT NOT NULL,

    CONSTRAINT "schemas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subject_versions" (
    "subject" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "schema_id" INTEGER NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "ts" BIGINT NOT NULL,

    CONSTRAINT "subject_versions_pkey" PRIMARY KEY ("subject","version")
);

-- CreateTable
CREATE TABLE "schema_references" (
    "schema_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "schema_references_pkey" PRIMARY KEY ("schema_id","position")
);

-- CreateTable
CREATE TABLE "configs" (
    "scope" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "configs_pkey" PRIMARY KEY ("scope")
);

-- CreateTable
CREATE TABLE "modes" (
    "scope" TEXT NOT NULL,
    "mode" TEXT NOT NULL,

    CONSTRAINT "modes_pkey" PRIMARY KEY ("scope")
);

-- CreateIndex
CREATE UNIQUE INDEX "schemas_guid_key" ON "schemas"("guid");

-- CreateIndex
CREATE INDEX "subject_versions_schema_id_idx" ON "subject_versions"("schema_id");

-- CreateIndex
CREATE INDEX "schema_references_subject_version_idx" ON "schema_references"("subject", "version");

-- AddForeignKey
ALTER TABLE "subject_versions" ADD CONSTRAINT "subject_versions_schema_id_fkey" FOREIGN KEY ("schema_id") REFERENCES "schemas"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schema_references" ADD CONSTRAINT "schema_references_schema_id_fkey" FOREIGN KEY ("schema_id") REFERENCES "schemas"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
