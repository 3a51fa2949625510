import next from "eslint-config-next";
import { dirname, join, normalize, relative } from "node:path";

// The arrows between the parts of the app (ARCHITECTURE.md), checked on every import: infrastructure knows no
// feature, features know neither the worker's composition root nor the app's routes, and nothing imports the CLI.

const root = import.meta.dirname;

/** The part of the project a path (relative to the root, with or without extension) belongs to. */
function partOf(path) {
  const [top, second] = path.split("/");
  if (top === "lib") {
    if (second === "infra" || second === "generated") return { kind: "infra", name: second };
    if (second === "worker" || second === "cli") return { kind: second, name: second };
    return { kind: "feature", name: second };
  }
  if (top === "components" || top === "app") return { kind: top, name: second };
  return { kind: "other", name: top };
}

const allowed = {
  infra: ["infra"],
  feature: ["infra", "feature"],
  worker: ["infra", "feature", "worker"],
  cli: ["infra", "feature", "worker", "cli", "other"],
  components: ["infra", "feature", "components"],
  app: ["infra", "feature", "components", "app", "worker"],
};

function target(file, spec) {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith(".")) return relative(root, normalize(join(dirname(file), spec)));
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: { type: "problem", messages: { arrow: "{{from}} may not import {{to}} ({{spec}}): see ARCHITECTURE.md" } },
  create(context) {
    const file = relative(root, context.filename);
    const from = partOf(file);
    const may = allowed[from.kind];
    if (!may) return {};
    const check = (node, spec) => {
      if (typeof spec !== "string") return;
      const path = target(context.filename, spec);
      if (!path) return;
      const to = partOf(path);
      if (to.kind === "other" && from.kind !== "cli") return; // prisma/, tests/ helpers and root files are not parts
      if (!may.includes(to.kind)) {
        context.report({
          node,
          messageId: "arrow",
          data: { from: `${from.kind} ${from.name}`, to: `${to.kind} ${to.name}`, spec },
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

const boundaries = { rules: { arrows: rule } };

const config = [
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      ".data/**",
      "node_modules/**",
      "playwright-report/**",
      "test-results/**",
      "next-env.d.ts",
    ],
  },
  ...next,
  {
    // zod as configured for the pages' CSP (lib/infra/validation/zod.ts); types may come straight from "zod".
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/infra/validation/zod.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "zod",
              message: 'Import z from "@/lib/infra/validation/zod" (set up for the CSP).',
              allowTypeImports: true,
            },
          ],
          patterns: [{ group: ["zod/*"], message: 'Import z from "@/lib/infra/validation/zod".' }],
        },
      ],
    },
  },
  {
    // The public pages link with plain <a> on purpose (app/[locale]/layout.tsx): a visitor's next page comes whole
    // from the page cache, and the browser fetches nothing ahead of a click.
    files: ["app/**", "components/**"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    // The arrows between the app's parts (ARCHITECTURE.md): infrastructure imports no feature, and so on.
    files: ["app/**", "components/**", "lib/**"],
    plugins: { boundaries },
    rules: { "boundaries/arrows": "error" },
  },
];

export default config;
