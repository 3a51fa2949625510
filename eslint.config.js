import next from "eslint-config-next";

const config = [
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
  ...next,
];

export default config;
