-- AlterEnum
ALTER TYPE "letter_status" ADD VALUE 'suspected';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "signature_status" ADD VALUE 'suspected';
ALTER TYPE "signature_status" ADD VALUE 'invalidated';

-- AlterTable
ALTER TABLE "letter" ADD COLUMN     "network_hash" TEXT,
ADD COLUMN     "spam_reason" TEXT;

-- AlterTable
ALTER TABLE "signature" ADD COLUMN     "invalidated_at" TIMESTAMPTZ(3),
ADD COLUMN     "network_hash" TEXT,
ADD COLUMN     "spam_reason" TEXT;

-- CreateTable
CREATE TABLE "rate_window" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(0) NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "rate_window_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE INDEX "rate_window_window_start_idx" ON "rate_window"("window_start");

-- CreateIndex
CREATE INDEX "signature_campaign_id_network_hash_idx" ON "signature"("campaign_id", "network_hash");
