-- CreateEnum
CREATE TYPE "mailing_kind" AS ENUM ('milestone', 'update');

-- CreateEnum
CREATE TYPE "campaign_event_kind" AS ENUM ('delivered', 'response', 'meeting', 'other');

-- AlterTable
ALTER TABLE "campaign" ADD COLUMN     "deadline" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "campaign_mailing" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "kind" "mailing_kind" NOT NULL,
    "milestone" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enqueued_at" TIMESTAMPTZ(3),

    CONSTRAINT "campaign_mailing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_mailing_translation" (
    "mailing_id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "campaign_mailing_translation_pkey" PRIMARY KEY ("mailing_id","locale")
);

-- CreateTable
CREATE TABLE "campaign_mailing_recipient" (
    "mailing_id" UUID NOT NULL,
    "recipient_key" TEXT NOT NULL,

    CONSTRAINT "campaign_mailing_recipient_pkey" PRIMARY KEY ("mailing_id","recipient_key")
);

-- CreateTable
CREATE TABLE "campaign_event" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "kind" "campaign_event_kind" NOT NULL,
    "happened_on" DATE NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_event_translation" (
    "event_id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "campaign_event_translation_pkey" PRIMARY KEY ("event_id","locale")
);

-- CreateIndex
CREATE INDEX "campaign_mailing_enqueued_at_idx" ON "campaign_mailing"("enqueued_at");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_mailing_campaign_id_milestone_key" ON "campaign_mailing"("campaign_id", "milestone");

-- CreateIndex
CREATE INDEX "campaign_event_campaign_id_happened_on_idx" ON "campaign_event"("campaign_id", "happened_on");

-- AddForeignKey
ALTER TABLE "campaign_mailing" ADD CONSTRAINT "campaign_mailing_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_mailing_translation" ADD CONSTRAINT "campaign_mailing_translation_mailing_id_fkey" FOREIGN KEY ("mailing_id") REFERENCES "campaign_mailing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_mailing_recipient" ADD CONSTRAINT "campaign_mailing_recipient_mailing_id_fkey" FOREIGN KEY ("mailing_id") REFERENCES "campaign_mailing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_event" ADD CONSTRAINT "campaign_event_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_event_translation" ADD CONSTRAINT "campaign_event_translation_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "campaign_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
