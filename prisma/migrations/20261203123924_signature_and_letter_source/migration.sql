-- AlterTable
ALTER TABLE "letter" ADD COLUMN     "source" TEXT;

-- AlterTable
ALTER TABLE "signature" ADD COLUMN     "source" TEXT;
