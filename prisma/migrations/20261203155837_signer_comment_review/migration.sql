-- CreateEnum
CREATE TYPE "comment_review" AS ENUM ('approved', 'rejected');

-- AlterTable
ALTER TABLE "signature" ADD COLUMN     "comment_review" "comment_review",
ADD COLUMN     "comment_reviewed_at" TIMESTAMPTZ(3);
