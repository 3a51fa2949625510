-- CreateEnum
CREATE TYPE "suppression_reason" AS ENUM ('hard_bounce', 'complaint', 'unsubscribe');

-- CreateEnum
CREATE TYPE "mail_report_kind" AS ENUM ('hard_bounce', 'soft_bounce', 'complaint');

-- CreateTable
CREATE TABLE "suppressed_address" (
    "email_key" TEXT NOT NULL,
    "reason" "suppression_reason" NOT NULL,
    "source_message_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suppressed_address_pkey" PRIMARY KEY ("email_key")
);

-- CreateTable
CREATE TABLE "mail_report" (
    "id" BIGSERIAL NOT NULL,
    "message_id" UUID NOT NULL,
    "kind" "mail_report_kind" NOT NULL,
    "code" TEXT NOT NULL,
    "digest" BYTEA NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mail_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mail_report_message_id_digest_key" ON "mail_report"("message_id", "digest");

-- AddForeignKey
ALTER TABLE "mail_report" ADD CONSTRAINT "mail_report_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "outbox_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
