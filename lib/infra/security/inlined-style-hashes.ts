// Next writes the app's stylesheet into every page as a <style> element (next.config.js, inlineCss), so that a page
// paints as soon as it arrives instead of waiting for a second request. The policy allows exactly these stylesheets,
// by the sha256 of their text (lib/infra/security/security-headers.ts): no other inline style applies. They are the
// build's own files, read once when the server starts (turbopackIgnore: the build output is read, not bundled).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function inlinedStyleHashes(
  staticDir = join(/*turbopackIgnore: true*/ process.cwd(), ".next", "static"),
): string[] {
  let files: string[];
  try {
    files = readdirSync(/*turbopackIgnore: true*/ staticDir, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".css"),
    );
  } catch {
    return []; // no build here (`next dev`, unit tests): nothing is inlined
  }
  return files.sort().map((f) => {
    const text = readFileSync(/*turbopackIgnore: true*/ join(/*turbopackIgnore: true*/ staticDir, f));
    return `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  });
}
