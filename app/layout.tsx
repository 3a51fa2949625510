import type { ReactNode } from "react";
import { connection } from "next/server";
import "./globals.css";

// The <html> element is rendered by app/[locale]/layout.tsx, which knows the language.
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page carries a CSP nonce made per request (proxy.ts) that Next writes into its scripts, so no page may be
  // prerendered: a prerendered page's scripts would have no nonce and would not run. Data is cached instead.
  await connection();
  return children;
}
