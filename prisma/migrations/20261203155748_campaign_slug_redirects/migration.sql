-- CreateTable
CREATE TABLE "campaign_slug_redirect" (
    "slug" TEXT NOT NULL,
    "campaign_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaign_slug_redirect_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "campaign_slug_redirect_campaign_id_idx" ON "campaign_slug_redirect"("campaign_id");

-- AddForeignKey
ALTER TABLE "campaign_slug_redirect" ADD CONSTRAINT "campaign_slug_redirect_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
