// Pretendard (SIL Open Font License 1.1, npm "pretendard"): the font the project ships for Latin and Hangul alike.
// Read from the installed package at run time (a bundler must not load a font as a module), never downloaded; the
// same way the delivery bundle's PDF finds it (lib/delivery/bundle/pdf-page.ts).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const files = {
  regular: "dist/public/static/alternative/Pretendard-Regular.ttf",
  bold: "dist/public/static/alternative/Pretendard-Bold.ttf",
} as const;
const loaded = new Map<keyof typeof files, Buffer>();

export function pretendard(weight: keyof typeof files): Buffer {
  let data = loaded.get(weight);
  if (!data) loaded.set(weight, (data = readFileSync(join(/* turbopackIgnore: true */ folder(), files[weight]))));
  return data;
}

function folder(): string {
  const atRoot = join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "pretendard");
  if (existsSync(join(atRoot, "package.json"))) return atRoot;
  return dirname(createRequire(import.meta.url).resolve("pretendard/package.json"));
}
