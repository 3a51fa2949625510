import { defineConfig } from "prisma/config";

// Migrations are created and applied by prisma/create-migration.ts and prisma/migrate.ts (Prisma's WebAssembly
// schema engine); a machine with the native engine can run `prisma migrate deploy` on the same folder.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
