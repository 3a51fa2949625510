-- AlterTable
ALTER TABLE "letter" ADD COLUMN     "body_fingerprint" TEXT;

-- CreateIndex
CREATE INDEX "letter_campaign_id_body_fingerprint_idx" ON "letter"("campaign_id", "body_fingerprint");
