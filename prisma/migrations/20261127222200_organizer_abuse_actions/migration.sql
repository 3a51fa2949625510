-- DropIndex
DROP INDEX "signature_campaign_id_network_hash_idx";

-- AlterTable
ALTER TABLE "signature" ADD COLUMN     "invalidated_from" "signature_status",
ADD COLUMN     "invalidation_id" UUID;

-- CreateTable
CREATE TABLE "abuse_action" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "user_id" TEXT,
    "kind" TEXT NOT NULL,
    "criteria" JSONB NOT NULL DEFAULT '{}',
    "affected" INTEGER NOT NULL,
    "uncounted" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restored_at" TIMESTAMPTZ(3),
    "restored_by_id" TEXT,
    "restored" INTEGER,
    "recounted" INTEGER,

    CONSTRAINT "abuse_action_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "abuse_action_campaign_id_created_at_idx" ON "abuse_action"("campaign_id", "created_at");

-- CreateIndex
CREATE INDEX "signature_campaign_id_network_hash_status_created_at_idx" ON "signature"("campaign_id", "network_hash", "status", "created_at");

-- CreateIndex
CREATE INDEX "signature_campaign_id_created_at_idx" ON "signature"("campaign_id", "created_at");

-- AddForeignKey
ALTER TABLE "abuse_action" ADD CONSTRAINT "abuse_action_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "abuse_action" ADD CONSTRAINT "abuse_action_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "abuse_action" ADD CONSTRAINT "abuse_action_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "abuse_action" ADD CONSTRAINT "abuse_action_restored_by_id_fkey" FOREIGN KEY ("restored_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex (not expressible in schema.prisma): a signature's email domain reversed, in "C" collation, so that a
-- domain and all its subdomains form one index range (lib/abuse-signals/criteria-sql.ts).
CREATE INDEX "signature_campaign_email_domain_idx" ON "signature"("campaign_id", (reverse(split_part("email_key", '@', 2))) COLLATE "C");
