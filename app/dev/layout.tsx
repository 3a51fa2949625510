import type { ReactNode } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { mailboxAvailable } from "@/lib/infra/mail/read-mailbox";

export const metadata = { title: "Local mailbox · Open Letters", robots: { index: false } };

// Developer tools: only where mail is kept locally, never in production.
export default async function DevLayout({ children }: { children: ReactNode }) {
  if (!mailboxAvailable((await headers()).get("host"))) notFound();
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
