import type { WallSigner } from "@/lib/signer-wall/read-signer-wall";
import { regionName } from "@/lib/infra/geo/regions";

type Props = {
  locale: string;
  signers: WallSigner[];
  labels: { list: string; reason: string; signedOn: (date: string) => string };
};

/**
 * The wall's entries: the name as the signer chose to appear, isolated (<bdi>) so a right-to-left override in it
 * cannot reorder the text around it; the region and country named in the page's language; the day; an approved reason.
 */
export function SignerWallList({ locale, signers, labels }: Props) {
  const countries = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  return (
    <ol className="signer-wall" aria-label={labels.list} data-testid="signer-wall">
      {signers.map((s, i) => {
        const place = [regionName(s.country, s.region, locale), countries.of(s.country) ?? s.country]
          .filter(Boolean)
          .join(", ");
        return (
          <li key={`${s.confirmedOn}-${i}`} className="signer-wall-entry" data-testid="wall-entry">
            <p>
              <strong>
                <bdi>{s.name}</bdi>
              </strong>{" "}
              · <span>{place}</span> ·{" "}
              <time dateTime={s.confirmedOn} className="muted">
                {labels.signedOn(day.format(new Date(`${s.confirmedOn}T00:00:00Z`)))}
              </time>
            </p>
            {s.reason && (
              <blockquote className="signer-wall-reason" aria-label={labels.reason}>
                <p dir="auto">{s.reason}</p>
              </blockquote>
            )}
          </li>
        );
      })}
    </ol>
  );
}
