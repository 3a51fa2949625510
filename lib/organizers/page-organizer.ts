// For admin pages (server components): the signed-in organizer's scope, or a redirect to the sign-in page.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentOrganizer } from "./current-organizer";
import { scopeFor, type Scope } from "./scope";

export async function pageScope(locale: string): Promise<Scope> {
  const organizer = await currentOrganizer(await headers());
  if (!organizer) redirect(`/${locale}/admin/sign-in`);
  return scopeFor(organizer);
}
