-- The outbox row is the only job for a message: workers claim due rows themselves (no pg-boss send job, no relay).
-- enqueued_at (when the relay queued a job) goes; available_at, claimed_by and claimed_until take its place.
-- DropIndex
DROP INDEX "outbox_message_enqueued_at_idx";

-- AlterTable
ALTER TABLE "outbox_message" DROP COLUMN "enqueued_at",
ADD COLUMN     "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "claimed_by" TEXT,
ADD COLUMN     "claimed_until" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "outbox_message_status_available_at_idx" ON "outbox_message"("status", "available_at");

-- CreateIndex
CREATE INDEX "outbox_message_status_claimed_until_idx" ON "outbox_message"("status", "claimed_until");

-- Messages a worker of the previous version was sending: their claim runs out as a job's lease would have.
UPDATE "outbox_message" SET "claimed_until" = "updated_at" + interval '2 minutes' WHERE "status" = 'sending';
