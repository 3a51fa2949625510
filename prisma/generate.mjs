// Runs `prisma generate` offline (Prisma Client and the Kysely row types). The Prisma CLI insists on finding its native schema engine before it
// generates the client, although generating never uses it; pointing it at a stub that exits 1 satisfies the check.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const stubDir = join(tmpdir(), "open-letters-prisma");
const stub = join(stubDir, "no-schema-engine.sh");
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'the native schema engine is not used: see prisma/engine.ts' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  // The Kysely types' generator is found on the PATH, as npm scripts have it.
  PATH: `${join(process.cwd(), "node_modules", ".bin")}${process.platform === "win32" ? ";" : ":"}${process.env.PATH}`,
};
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
