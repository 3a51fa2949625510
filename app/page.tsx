import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { negotiateLocale } from "@/lib/infra/i18n/config";

// "/" sends people to the start page in their browser's language.
export default async function RootPage() {
  const locale = negotiateLocale((await headers()).get("accept-language"));
  redirect(`/${locale}`);
}
