// The SQL condition for a set of signatures chosen by InvalidationCriteria (alias `s`), shared by the preview and
// the invalidation so that both always mean the same rows. The email domain is matched through the expression index
// signature_campaign_email_domain_idx (the domain reversed, "C" collation): a domain and its subdomains are one
// range of that index, so the lookup stays an index range scan at any number of signatures.
import type { InvalidationCriteria } from "./schema";

/** The domain of `s.email_key`, reversed, exactly as the index stores it. */
export const reversedDomainSql = `reverse(split_part(s.email_key, '@', 2)) COLLATE "C"`;

/** Rows under `domainParam` (a domain or a subdomain of it), as an index range plus the exact test. */
export function domainMatchSql(domainParam: string): string {
  return `(${reversedDomainSql} >= reverse(${domainParam}) COLLATE "C" AND ${reversedDomainSql} < (reverse(${domainParam}) || '/') COLLATE "C"
    AND (split_part(s.email_key, '@', 2) = ${domainParam} OR right(split_part(s.email_key, '@', 2), length(${domainParam}) + 1) = '.' || ${domainParam}))`;
}

/** `WHERE` conditions (joined with AND) and their parameters, numbered from `$${first}`. */
export function criteriaSql(criteria: InvalidationCriteria, first: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  const parts: string[] = [];
  if (criteria.network) parts.push(`s.network_hash = ${p(criteria.network)}`);
  if (criteria.domain) parts.push(domainMatchSql(`${p(criteria.domain)}::text`));
  // Only a live signature can be struck out: one already invalidated belongs to its first action.
  if (criteria.reason) parts.push(`s.status = 'suspected' AND s.spam_reason = ${p(criteria.reason)}`);
  else parts.push(`s.status IN ('pending', 'confirmed', 'suspected')`);
  if (criteria.from) parts.push(`s.created_at >= ${p(criteria.from)}`);
  if (criteria.to) parts.push(`s.created_at < ${p(criteria.to)}`);
  return { sql: parts.join(" AND "), params };
}
