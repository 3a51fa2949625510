// Whom a campaign's letters and signatures go to: each target's name and office, in the order organizers set.
import type { PublicTarget } from "@/lib/campaigns/get-public-campaign";

export function TargetList({ targets, label, id }: { targets: PublicTarget[]; label: string; id?: string }) {
  return (
    <ul className="target-list" aria-label={label} id={id} data-testid={id}>
      {targets.map((target, i) => (
        <li key={i}>
          <span className="target-name">{target.name}</span>
          {target.office && <span className="target-office muted">, {target.office}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The targets as one phrase in `locale` ("The President, The White House and the Minister, …"). */
export function targetPhrase(targets: PublicTarget[], locale: string): string {
  const names = targets.map((t) => (t.office ? `${t.name} (${t.office})` : t.name));
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(names);
}
