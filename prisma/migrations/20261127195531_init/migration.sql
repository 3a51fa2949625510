-- CreateEnum
CREATE TYPE "campaign_status" AS ENUM ('draft', 'open', 'closed');

-- CreateEnum
CREATE TYPE "signature_status" AS ENUM ('pending', 'confirmed');

-- CreateEnum
CREATE TYPE "outbox_status" AS ENUM ('pending', 'sending', 'sent', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "campaign_status" NOT NULL DEFAULT 'draft',
    "goal" INTEGER NOT NULL,
    "target_email" TEXT NOT NULL,
    "default_locale" TEXT NOT NULL DEFAULT 'en',
    "opens_at" TIMESTAMPTZ(3),
    "closes_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_translation" (
    "campaign_id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "target_name" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "letter" TEXT NOT NULL,
    "sources" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "campaign_translation_pkey" PRIMARY KEY ("campaign_id","locale")
);

-- CreateTable
CREATE TABLE "signature" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "email_key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "region" TEXT,
    "postal_code" TEXT,
    "comment" TEXT,
    "show_name" BOOLEAN NOT NULL DEFAULT false,
    "wants_updates" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL,
    "status" "signature_status" NOT NULL DEFAULT 'pending',
    "ip_hash" TEXT,
    "confirm_token_hash" BYTEA,
    "confirm_token_expires_at" TIMESTAMPTZ(3),
    "last_notified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),

    CONSTRAINT "signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_count_shard" (
    "campaign_id" UUID NOT NULL,
    "shard" SMALLINT NOT NULL,
    "confirmed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "campaign_count_shard_pkey" PRIMARY KEY ("campaign_id","shard")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "message_id" TEXT NOT NULL,
    "status" "outbox_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "response" TEXT,
    "signature_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_slug_key" ON "organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_slug_key" ON "campaign"("slug");

-- CreateIndex
CREATE INDEX "campaign_organization_id_idx" ON "campaign"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "signature_confirm_token_hash_key" ON "signature"("confirm_token_hash");

-- CreateIndex
CREATE INDEX "signature_campaign_id_status_confirmed_at_idx" ON "signature"("campaign_id", "status", "confirmed_at");

-- CreateIndex
CREATE UNIQUE INDEX "signature_campaign_id_email_key_key" ON "signature"("campaign_id", "email_key");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_message_id_key" ON "outbox_message"("message_id");

-- CreateIndex
CREATE INDEX "outbox_message_signature_id_idx" ON "outbox_message"("signature_id");

-- CreateIndex
CREATE INDEX "outbox_message_status_created_at_idx" ON "outbox_message"("status", "created_at");

-- AddForeignKey
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_translation" ADD CONSTRAINT "campaign_translation_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signature" ADD CONSTRAINT "signature_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_count_shard" ADD CONSTRAINT "campaign_count_shard_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "signature"("id") ON DELETE SET NULL ON UPDATE CASCADE;
