-- CreateTable
CREATE TABLE "audit_events" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "at" BIGINT NOT NULL,
    "request_id" TEXT NOT NULL,
    "principal" TEXT NOT NULL,
    "auth_method" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "subject" TEXT,
    "outcome" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "schema_id" INTEGER,
    "version" INTEGER,
    "before_hash" TEXT,
    "after_hash" TEXT,
    "reason" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_id_key" ON "audit_events"("id");

-- CreateIndex
CREATE INDEX "audit_events_subject_seq_idx" ON "audit_events"("subject", "seq");

-- CreateIndex
CREATE INDEX "audit_events_principal_seq_idx" ON "audit_events"("principal", "seq");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- AppendOnly: the database itself refuses to change or remove an audit record.
CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE ON "audit_events"
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE is refused');
END;

CREATE TRIGGER "audit_events_no_delete" BEFORE DELETE ON "audit_events"
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only: DELETE is refused');
END;
