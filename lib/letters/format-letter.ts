// The letter exactly as it is delivered: subject, then the body as written, then the writer's name and place.
// The composer's preview, the confirmation mail's copy and the delivery all use this one layout.
import { formatPlace } from "@/lib/infra/geo/format-place";
import { regionName } from "@/lib/infra/geo/regions";

export type LetterForDelivery = {
  subject: string;
  body: string;
  name: string;
  city?: string | null;
  /** Already a display name ("New York", "서울특별시"), not a code. */
  region?: string | null;
  /** Already a display name. */
  country: string;
  /** The letter's language, which orders the place ("대한민국 서울특별시" in Korean); English order when not given. */
  language?: string;
};

export function letterSignature(
  letter: Pick<LetterForDelivery, "name" | "city" | "region" | "country" | "language">,
): string {
  const place = formatPlace([letter.city, letter.region, letter.country], letter.language ?? "en");
  return place ? `${letter.name}\n${place}` : letter.name;
}

/** The text the target reads, below the subject line. The body is included verbatim. */
export function formatLetter(letter: Omit<LetterForDelivery, "subject">): string {
  return `${letter.body}\n\n${letterSignature(letter)}`;
}

/** Country and region as the letter shows them, in the letter's language ("New York, United States"). */
export function placeNames(
  country: string,
  region: string | null | undefined,
  language: string,
): { country: string; region: string | null } {
  const names = new Intl.DisplayNames([language], { type: "region", fallback: "code" });
  return { country: names.of(country) ?? country, region: regionName(country, region, language) };
}
