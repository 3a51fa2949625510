-- CreateTable
CREATE TABLE "signing_key" (
    "key_id" TEXT NOT NULL,
    "organization_id" UUID NOT NULL,
    "public_key" TEXT NOT NULL,
    "sealed_private_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "signing_key_pkey" PRIMARY KEY ("key_id")
);

-- CreateTable
CREATE TABLE "delivery_bundle" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "key_id" TEXT NOT NULL,
    "manifest" BYTEA NOT NULL,
    "manifest_sha256" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "signatures" INTEGER NOT NULL,
    "letters" INTEGER NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_bundle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_bundle_file" (
    "bundle_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "delivery_bundle_file_pkey" PRIMARY KEY ("bundle_id","name")
);

-- CreateIndex
CREATE INDEX "signing_key_organization_id_idx" ON "signing_key"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_bundle_manifest_sha256_key" ON "delivery_bundle"("manifest_sha256");

-- CreateIndex
CREATE INDEX "delivery_bundle_campaign_id_created_at_idx" ON "delivery_bundle"("campaign_id", "created_at");

-- AddForeignKey
ALTER TABLE "signing_key" ADD CONSTRAINT "signing_key_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_bundle" ADD CONSTRAINT "delivery_bundle_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_bundle_file" ADD CONSTRAINT "delivery_bundle_file_bundle_id_fkey" FOREIGN KEY ("bundle_id") REFERENCES "delivery_bundle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
