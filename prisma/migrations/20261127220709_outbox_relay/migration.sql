-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN     "enqueued_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "outbox_message_enqueued_at_idx" ON "outbox_message"("enqueued_at");
