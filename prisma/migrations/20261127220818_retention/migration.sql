-- AlterTable
ALTER TABLE "campaign" ADD COLUMN     "anonymised_at" TIMESTAMPTZ(3),
ADD COLUMN     "closed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "signature" ALTER COLUMN "email_key" DROP NOT NULL;

-- Campaigns closed before this column existed: their last change is the best record of when.
UPDATE "campaign" SET "closed_at" = "updated_at" WHERE "status" = 'closed';
