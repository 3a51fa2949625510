// A production secret must not be one anybody can read: the start script and the worker refuse an APP_SECRET that
// appears in the project's sources or documentation (an example, a test's secret, the development fallback).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./local-database";

const projectFolders = ["app", "components", "lib", "prisma", "tests", ".ci"];
const projectFiles = [
  "README.md",
  "ARCHITECTURE.md",
  ".env.example",
  "package.json",
  "vitest.config.ts",
  "playwright.config.ts",
];

/** Whether `value` appears in the project's sources or documentation (where a deployment may have copied it from). */
export function writtenInProject(value: string, root: string = projectRoot): boolean {
  const files = [...projectFiles.map((f) => join(root, f)), ...projectFolders.flatMap((d) => listFiles(join(root, d)))];
  return files.some((file) => {
    try {
      return readFileSync(file, "utf8").includes(value);
    } catch {
      return false;
    }
  });
}

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === "generated" || name === "node_modules") return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Throws the environment error for APP_SECRET when production's secret is written in the project. */
export function refuseKnownSecret(source: Record<string, string | undefined> = process.env): void {
  if (source.APP_ENV !== "production" || !source.APP_SECRET || !writtenInProject(source.APP_SECRET)) return;
  throw new Error(
    "Invalid environment (see .env.example):\n  APP_SECRET: is a value written in the project's code or documentation: use a secret of your own",
  );
}
