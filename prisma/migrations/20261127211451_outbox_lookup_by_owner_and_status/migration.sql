-- DropIndex
DROP INDEX "outbox_message_letter_id_idx";

-- DropIndex
DROP INDEX "outbox_message_signature_id_idx";

-- CreateIndex
CREATE INDEX "outbox_message_signature_id_status_idx" ON "outbox_message"("signature_id", "status");

-- CreateIndex
CREATE INDEX "outbox_message_letter_id_status_idx" ON "outbox_message"("letter_id", "status");
