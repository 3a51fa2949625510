-- AlterTable
ALTER TABLE "campaign" ADD COLUMN     "letter_hold_hours" INTEGER;

-- AlterTable
ALTER TABLE "letter" ADD COLUMN     "reply_consent" BOOLEAN NOT NULL DEFAULT false;
