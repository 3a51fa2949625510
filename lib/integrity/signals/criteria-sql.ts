// The condition for a set of signatures chosen by InvalidationCriteria (alias `s`), shared by the preview and the
// invalidation so that both always mean the same rows. A domain is matched as one range of the expression index
// signature_campaign_email_domain_idx (the domain reversed, "C" collation): an index range scan at any size.
import { sql, type Expression, type RawBuilder } from "kysely";
import { db } from "@/lib/infra/db";
import type { InvalidationCriteria } from "./schema";

/** The domain of `s.email_key`, reversed, exactly as the index stores it. */
const reversedDomain = sql`reverse(split_part(s.email_key, '@', 2)) COLLATE "C"`;

/** Rows under `domain` (a domain or a subdomain of it), as an index range plus the exact test. */
export function domainMatch(domain: Expression<string>): RawBuilder<boolean> {
  return sql<boolean>`(${reversedDomain} >= reverse(${domain}) COLLATE "C"
    AND ${reversedDomain} < (reverse(${domain}) || '/') COLLATE "C"
    AND (split_part(s.email_key, '@', 2) = ${domain}
         OR right(split_part(s.email_key, '@', 2), length(${domain}) + 1) = '.' || ${domain}))`;
}

/** The criteria as one condition on `s`: everything given must hold. */
export function criteriaCondition(criteria: InvalidationCriteria): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [];
  if (criteria.network) parts.push(sql`s.network_hash = ${criteria.network}`);
  if (criteria.domain) parts.push(domainMatch(sql<string>`${criteria.domain}::text`));
  // Only a live signature can be struck out: one already invalidated belongs to its first action.
  if (criteria.reason) parts.push(sql`s.status = 'suspected' AND s.spam_reason = ${criteria.reason}`);
  else parts.push(sql`s.status IN ('pending', 'confirmed', 'suspected')`);
  if (criteria.from) parts.push(sql`s.created_at >= ${criteria.from}`);
  if (criteria.to) parts.push(sql`s.created_at < ${criteria.to}`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/**
 * The same condition as SQL text with positional parameters from `$${first}`, for invalidate-signatures.ts until it
 * moves to Kysely (then this goes). Compiled from criteriaCondition, so both still mean the same rows.
 */
export function criteriaSql(criteria: InvalidationCriteria, first: number): { sql: string; params: unknown[] } {
  const compiled = criteriaCondition(criteria).compile(db);
  const text = compiled.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + first - 1}`);
  return { sql: text, params: [...compiled.parameters] };
}
