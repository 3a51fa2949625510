import next from "eslint-config-next";

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
];

export default config;
