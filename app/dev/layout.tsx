import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { env, usesLocalMailbox } from "@/lib/env";

export const metadata = { title: "Local mailbox · Open Letters", robots: { index: false } };

// Developer tools: only where mail is kept locally, never in production.
export default function DevLayout({ children }: { children: ReactNode }) {
  if (env.APP_ENV === "production" || !usesLocalMailbox) notFound();
  return (
    <html lang="en">
      <body>
        <main id="main" className="page">
          {children}
        </main>
      </body>
    </html>
  );
}
