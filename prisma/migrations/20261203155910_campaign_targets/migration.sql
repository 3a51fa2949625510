-- CreateEnum
CREATE TYPE "target_plan" AS ENUM ('one_by_one', 'digest', 'bundle_only');

-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN     "target_id" UUID;

-- CreateTable
CREATE TABLE "campaign_target" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "email" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "plan" "target_plan" NOT NULL DEFAULT 'one_by_one',
    "interval_minutes" INTEGER NOT NULL DEFAULT 1440,
    "last_scheduled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_target_translation" (
    "target_id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "office" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "campaign_target_translation_pkey" PRIMARY KEY ("target_id","locale")
);

-- CreateTable
CREATE TABLE "target_signature" (
    "target_id" UUID NOT NULL,
    "signature_id" UUID NOT NULL,
    "message_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_signature_pkey" PRIMARY KEY ("target_id","signature_id")
);

-- CreateTable
CREATE TABLE "target_letter" (
    "target_id" UUID NOT NULL,
    "letter_id" UUID NOT NULL,
    "message_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_letter_pkey" PRIMARY KEY ("target_id","letter_id")
);

-- CreateIndex
CREATE INDEX "campaign_target_campaign_id_position_idx" ON "campaign_target"("campaign_id", "position");

-- CreateIndex
CREATE INDEX "target_signature_signature_id_idx" ON "target_signature"("signature_id");

-- CreateIndex
CREATE INDEX "target_signature_message_id_idx" ON "target_signature"("message_id");

-- CreateIndex
CREATE INDEX "target_letter_letter_id_idx" ON "target_letter"("letter_id");

-- CreateIndex
CREATE INDEX "target_letter_message_id_idx" ON "target_letter"("message_id");

-- CreateIndex
CREATE INDEX "outbox_message_target_id_created_at_idx" ON "outbox_message"("target_id", "created_at");

-- AddForeignKey
ALTER TABLE "campaign_target" ADD CONSTRAINT "campaign_target_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_target_translation" ADD CONSTRAINT "campaign_target_translation_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "campaign_target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_signature" ADD CONSTRAINT "target_signature_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "campaign_target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_signature" ADD CONSTRAINT "target_signature_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "signature"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_signature" ADD CONSTRAINT "target_signature_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "outbox_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_letter" ADD CONSTRAINT "target_letter_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "campaign_target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_letter" ADD CONSTRAINT "target_letter_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_letter" ADD CONSTRAINT "target_letter_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "outbox_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "campaign_target"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: every campaign's single target becomes its first campaign_target, with the same address, language, plan
-- and schedule, and everything already handed to it stays handed (so nothing is delivered twice).
INSERT INTO "campaign_target" ("id", "campaign_id", "position", "email", "language", "plan", "interval_minutes", "last_scheduled_at")
SELECT gen_random_uuid(), c."id", 0, c."target_email", c."default_locale",
       CASE c."letter_delivery" WHEN 'digest' THEN 'digest'::"target_plan" ELSE 'one_by_one'::"target_plan" END,
       c."digest_interval_minutes", c."last_digest_at"
  FROM "campaign" c;

INSERT INTO "campaign_target_translation" ("target_id", "locale", "name")
SELECT t."id", ct."locale", ct."target_name"
  FROM "campaign_target" t JOIN "campaign_translation" ct ON ct."campaign_id" = t."campaign_id";

INSERT INTO "target_signature" ("target_id", "signature_id", "message_id")
SELECT t."id", s."id", s."delivery_message_id"
  FROM "signature" s JOIN "campaign_target" t ON t."campaign_id" = s."campaign_id"
 WHERE s."delivery_message_id" IS NOT NULL;

INSERT INTO "target_letter" ("target_id", "letter_id", "message_id")
SELECT t."id", l."id", l."delivery_message_id"
  FROM "letter" l JOIN "campaign_target" t ON t."campaign_id" = l."campaign_id"
 WHERE l."delivery_message_id" IS NOT NULL OR l."status" IN ('queued', 'delivered');

UPDATE "outbox_message" m SET "target_id" = t."id"
  FROM "campaign_target" t
 WHERE t."campaign_id" = m."campaign_id" AND m."kind" LIKE 'delivery.%';
