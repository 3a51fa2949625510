// For admin pages (server components): the signed-in organizer's scope, or a redirect to the sign-in page that
// brings the organizer back to this page afterwards (its path comes from proxy.ts).
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestPathHeader, signInPath } from "./auth/return-path";
import { currentOrganizer } from "./current-organizer";
import { scopeFor, type Scope } from "./scope";

export async function pageScope(locale: string): Promise<Scope> {
  const requestHeaders = await headers();
  const organizer = await currentOrganizer(requestHeaders);
  if (!organizer) redirect(signInPath(locale, requestHeaders.get(requestPathHeader)));
  return scopeFor(organizer);
}
