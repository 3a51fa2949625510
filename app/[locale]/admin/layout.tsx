import type { ReactNode } from "react";

// Organizer pages read the session on every request: never cached, never indexed.
export const dynamic = "force-dynamic";
export const metadata = { robots: { index: false, follow: false } };

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <div className="page admin">{children}</div>;
}
