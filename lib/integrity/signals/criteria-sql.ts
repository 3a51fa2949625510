// The SQL condition for a set of signatures chosen by InvalidationCriteria (alias `s`), shared by the preview and
// the invalidation so that both always mean the same rows. The email domain is matched through the expression index
// signature_campaign_email_domain_idx (the domain reversed, "C" collation): a domain and its subdomains are one
// range of that index, so the lookup stays an index range scan at any number of signatures.
import { sql, type RawBuilder, type SqlBool } from "kysely";
import { db } from "@/lib/infra/db";
import type { InvalidationCriteria } from "./schema";

/** Rows of `s` under `domain` (a domain or a subdomain of it), as an index range plus the exact test. */
export function domainMatch(domain: RawBuilder<string>): RawBuilder<SqlBool> {
  // The domain of `s.email_key`, reversed, exactly as the index stores it.
  const reversed = sql`reverse(split_part(s.email_key, '@', 2)) COLLATE "C"`;
  const host = sql`split_part(s.email_key, '@', 2)`;
  return sql<SqlBool>`(${reversed} >= reverse(${domain}) COLLATE "C" AND ${reversed} < (reverse(${domain}) || '/') COLLATE "C"
    AND (${host} = ${domain} OR right(${host}, length(${domain}) + 1) = '.' || ${domain}))`;
}

/** The same condition as text, for a statement that names the domain by a column (`column`, SQL with no values). */
export function domainMatchSql(column: string): string {
  return domainMatch(sql.raw(column)).compile(db).sql;
}

/** Every condition given must hold. */
export function criteriaCondition(criteria: InvalidationCriteria): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [];
  if (criteria.network) parts.push(sql`s.network_hash = ${criteria.network}`);
  if (criteria.domain) parts.push(domainMatch(sql<string>`${criteria.domain}::text`));
  // Only a live signature can be struck out: one already invalidated belongs to its first action.
  if (criteria.reason) parts.push(sql`s.status = 'suspected' AND s.spam_reason = ${criteria.reason}`);
  else parts.push(sql`s.status IN ('pending', 'confirmed', 'suspected')`);
  if (criteria.from) parts.push(sql`s.created_at >= ${criteria.from}`);
  if (criteria.to) parts.push(sql`s.created_at < ${criteria.to}`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}
