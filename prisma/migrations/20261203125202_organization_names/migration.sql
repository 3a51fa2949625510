-- CreateTable
CREATE TABLE "organization_translation" (
    "organization_id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "organization_translation_pkey" PRIMARY KEY ("organization_id","locale")
);

-- AddForeignKey
ALTER TABLE "organization_translation" ADD CONSTRAINT "organization_translation_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
