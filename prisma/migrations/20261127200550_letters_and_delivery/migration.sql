-- CreateEnum
CREATE TYPE "letter_delivery" AS ENUM ('individual', 'digest');

-- CreateEnum
CREATE TYPE "letter_status" AS ENUM ('pending', 'confirmed', 'queued', 'delivered', 'withdrawn', 'rejected');

-- AlterTable
ALTER TABLE "campaign" ADD COLUMN     "digest_interval_minutes" INTEGER NOT NULL DEFAULT 1440,
ADD COLUMN     "hold_until" TIMESTAMPTZ(3),
ADD COLUMN     "last_digest_at" TIMESTAMPTZ(3),
ADD COLUMN     "letter_delivery" "letter_delivery" NOT NULL DEFAULT 'individual',
ADD COLUMN     "sender_email" TEXT,
ADD COLUMN     "throttle_per_minute" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN     "campaign_id" UUID,
ADD COLUMN     "letter_id" UUID;

-- AlterTable
ALTER TABLE "signature" ADD COLUMN     "delivery_message_id" UUID;

-- CreateTable
CREATE TABLE "campaign_topic" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "campaign_topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_topic_translation" (
    "topic_id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "fact" TEXT NOT NULL,
    "ask" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "paragraph" TEXT NOT NULL,

    CONSTRAINT "campaign_topic_translation_pkey" PRIMARY KEY ("topic_id","locale")
);

-- CreateTable
CREATE TABLE "letter" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "email" TEXT,
    "email_key" TEXT,
    "name" TEXT NOT NULL,
    "street" TEXT,
    "city" TEXT,
    "region" TEXT,
    "postal_code" TEXT,
    "country" CHAR(2) NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "writer_role" TEXT,
    "show_name" BOOLEAN NOT NULL DEFAULT false,
    "wants_updates" BOOLEAN NOT NULL DEFAULT false,
    "also_sign" BOOLEAN NOT NULL DEFAULT false,
    "status" "letter_status" NOT NULL DEFAULT 'pending',
    "ip_hash" TEXT,
    "confirm_token_hash" BYTEA,
    "confirm_token_expires_at" TIMESTAMPTZ(3),
    "last_notified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),
    "queued_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "rejected_at" TIMESTAMPTZ(3),
    "delivery_message_id" UUID,

    CONSTRAINT "letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "letter_topic" (
    "letter_id" UUID NOT NULL,
    "topic_id" UUID NOT NULL,

    CONSTRAINT "letter_topic_pkey" PRIMARY KEY ("letter_id","topic_id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" BIGSERIAL NOT NULL,
    "message_id" UUID NOT NULL,
    "status" "outbox_status" NOT NULL,
    "attempt" INTEGER NOT NULL,
    "detail" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "campaign_topic_campaign_id_key_key" ON "campaign_topic"("campaign_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "letter_confirm_token_hash_key" ON "letter"("confirm_token_hash");

-- CreateIndex
CREATE INDEX "letter_campaign_id_status_confirmed_at_idx" ON "letter"("campaign_id", "status", "confirmed_at");

-- CreateIndex
CREATE INDEX "letter_delivery_message_id_idx" ON "letter"("delivery_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "letter_campaign_id_email_key_key" ON "letter"("campaign_id", "email_key");

-- CreateIndex
CREATE INDEX "letter_topic_topic_id_idx" ON "letter_topic"("topic_id");

-- CreateIndex
CREATE INDEX "outbox_event_message_id_at_idx" ON "outbox_event"("message_id", "at");

-- CreateIndex
CREATE INDEX "outbox_message_letter_id_idx" ON "outbox_message"("letter_id");

-- CreateIndex
CREATE INDEX "outbox_message_campaign_id_kind_created_at_idx" ON "outbox_message"("campaign_id", "kind", "created_at");

-- CreateIndex
CREATE INDEX "signature_delivery_message_id_idx" ON "signature"("delivery_message_id");

-- AddForeignKey
ALTER TABLE "campaign_topic" ADD CONSTRAINT "campaign_topic_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_topic_translation" ADD CONSTRAINT "campaign_topic_translation_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "campaign_topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signature" ADD CONSTRAINT "signature_delivery_message_id_fkey" FOREIGN KEY ("delivery_message_id") REFERENCES "outbox_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter" ADD CONSTRAINT "letter_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter" ADD CONSTRAINT "letter_delivery_message_id_fkey" FOREIGN KEY ("delivery_message_id") REFERENCES "outbox_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_topic" ADD CONSTRAINT "letter_topic_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_topic" ADD CONSTRAINT "letter_topic_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "campaign_topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_event" ADD CONSTRAINT "outbox_event_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "outbox_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
