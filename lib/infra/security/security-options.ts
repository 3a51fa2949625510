// The security headers' settings from this environment, shared by proxy.ts (pages) and the API wrappers.
import { env } from "@/lib/infra/env";
import { inlinedStyleHashes } from "./inlined-style-hashes";
import type { SecurityOptions } from "./security-headers";

export const securityOptions: SecurityOptions = {
  production: env.APP_ENV === "production",
  devServer: process.env.NODE_ENV === "development",
  embedAncestors: env.EMBED_FRAME_ANCESTORS,
  styleHashes: inlinedStyleHashes(),
};
