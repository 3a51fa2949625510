import next from "eslint-config-next";
import boundaries from "./eslint/boundaries.js";

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
    // The arrows between the app's parts (ARCHITECTURE.md): infrastructure imports no feature, and so on.
    files: ["app/**", "components/**", "lib/**"],
    plugins: { boundaries },
    rules: { "boundaries/arrows": "error" },
  },
];

export default config;
