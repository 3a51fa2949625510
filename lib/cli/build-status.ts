// Whether `next build` must run: no build yet, or sources changed since the last one.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function buildIsStale(root: string): boolean {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib"].map((d) => newestSource(join(root, d)));
  const files = ["next.config.js", "proxy.ts", "instrumentation.ts", "package.json", "package-lock.json"].map((f) =>
    existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0,
  );
  return Math.max(...sources, ...files) > built;
}
