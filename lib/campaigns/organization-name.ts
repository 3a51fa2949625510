// An organization's name in the reader's language: its translation when it has one ("주최: …" on Korean pages), else
// the name it was created with. For queries that join the organization as `o`.
import { sql } from "kysely";

export function organizationNameIn(locale: string) {
  return sql<string>`coalesce((select ot.name from organization_translation ot where ot.organization_id = o.id and ot.locale = ${locale}), o.name)`;
}
