-- DropIndex
DROP INDEX "schemas_guid_key";

-- CreateIndex
CREATE INDEX "schemas_guid_idx" ON "schemas"("guid");
