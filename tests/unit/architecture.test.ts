// @vitest-environment node
// The house's rules hold (ARCHITECTURE.md): `npm run lint` refuses an import against the arrows, and no two folders
// of lib/ import each other, directly or around a loop.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

describe("the lint rule for the arrows between parts", () => {
  const eslint = new ESLint({ cwd: root });
  const problems = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: join(root, file) }))[0]!.messages.filter(
      (m) => m.ruleId === "boundaries/arrows",
    );

  it.each([
    [
      "lib/infra/mail/example.ts",
      'import { signPetition } from "@/lib/signatures/sign-petition";\nexport { signPetition };',
    ],
    ["lib/infra/example.ts", 'import { mailKinds } from "../worker/mail-kinds";\nexport { mailKinds };'],
    [
      "lib/signatures/example.ts",
      'import { startWorkers } from "@/lib/worker/start-workers";\nexport { startWorkers };',
    ],
    ["lib/letters/example.ts", 'import { Composer } from "@/components/letters/composer";\nexport { Composer };'],
    ["components/letters/example.tsx", 'import { mailKinds } from "@/lib/worker/mail-kinds";\nexport { mailKinds };'],
  ])(
    "refuses %s importing across an arrow",
    async (file, code) => {
      expect(await problems(file, code)).toHaveLength(1);
    },
    60_000,
  );

  it.each([
    [
      "lib/letters/example.ts",
      'import { signPetition } from "@/lib/signatures/sign-petition";\nexport { signPetition };',
    ],
    [
      "lib/worker/example.ts",
      'import { signPetition } from "@/lib/signatures/sign-petition";\nexport { signPetition };',
    ],
    ["lib/infra/mail/example.ts", 'import { env } from "@/lib/infra/env";\nexport { env };'],
  ])(
    "lets %s import along the arrows",
    async (file, code) => {
      expect(await problems(file, code)).toEqual([]);
    },
    60_000,
  );
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated") return [];
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The parts whose imports must not loop: lib/<feature>, and each folder or loose file of lib/infra. */
function folderOf(path: string): string | null {
  const parts = relative(root, path).split("/");
  if (parts[0] !== "lib" || parts.length < 3 || parts[1] === "generated") return null;
  return parts[1] === "infra" ? `infra/${parts[2]!.replace(/\.tsx?$/, "")}` : parts[1]!;
}

function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const specifier = /(?:from|import\()\s*["']([^"']+)["']/g;
  for (const file of sources(join(root, "lib"))) {
    const from = folderOf(file)!;
    for (const [, spec] of readFileSync(file, "utf8").matchAll(specifier)) {
      const target = spec!.startsWith("@/")
        ? join(root, spec!.slice(2))
        : spec!.startsWith(".")
          ? normalize(join(dirname(file), spec!))
          : null;
      const to = target && folderOf(`${target}.ts`);
      if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

describe("lib's folders", () => {
  const graph = importGraph();

  it("import each other without a loop", () => {
    const loops: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of graph.get(node) ?? []) {
        if (path.includes(next)) loops.push([...path.slice(path.indexOf(next)), next].join(" → "));
        else visit(next, [...path, next]);
      }
    };
    for (const node of graph.keys()) visit(node, [node]);
    expect(loops).toEqual([]);
  });

  it("of infrastructure import no feature", () => {
    const outOfInfra = [...graph].flatMap(([from, tos]) =>
      from.startsWith("infra") ? [...tos].filter((to) => !to.startsWith("infra")).map((to) => `${from} → ${to}`) : [],
    );
    expect(outOfInfra).toEqual([]);
    expect(graph.get("infra/http")).toBeDefined(); // the graph is really read
  });
});

describe("lib's database access", () => {
  const uses = (pattern: RegExp) =>
    sources(join(root, "lib"))
      .filter((file) => !relative(root, file).startsWith("lib/infra/db/"))
      .filter((file) => pattern.test(readFileSync(file, "utf8")))
      .map((file) => relative(root, file));

  it("goes through Kysely: Prisma Client only for better-auth's adapter", () => {
    expect(uses(/\bprisma\s*\.|import\s*\{[^}]*\bprisma\b[^}]*\}\s*from\s*["']@\/lib\/infra\/db["']/)).toEqual([
      "lib/organizers/auth/auth.ts",
    ]);
  });

  it("runs statements together only in transaction() (lib/infra/db/transaction.ts)", () => {
    expect(uses(/\b(withTransaction|transactionOn)\b|["']BEGIN["']/)).toEqual([]);
  });
});
