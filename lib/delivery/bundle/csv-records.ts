// The CSV files' rows, in the target's language: signers.csv lists those who chose to be shown (a counted-only
// signer is in the counts and in bundle.json's rows, with nothing but an id); letters.csv every letter in full.
import type { Formats } from "./formats-for";
import type { BundleLabels } from "./labels";
import type { IncludedLetter, IncludedSigner, IncludedWriter } from "./types";

type Cells = (string | number)[];

function place(person: IncludedWriter, f: Formats): [string, string, string, string] {
  if (person.appearance === "counted") return ["", "", "", ""];
  if (person.appearance === "initials") return ["", "", f.country(person.country), person.country];
  return [
    person.city ?? "",
    person.region ? f.region(person.country, person.region) : "",
    f.country(person.country),
    person.country,
  ];
}

export function signerRecord(signer: IncludedSigner, f: Formats, t: BundleLabels): Cells | null {
  if (signer.appearance === "counted") return null;
  return [signer.id, signer.name, ...place(signer, f), t.csv[signer.appearance]];
}

export function letterRecord(
  letter: IncludedLetter,
  f: Formats,
  t: BundleLabels,
  topicTitle: (key: string) => string,
): Cells {
  const w = letter.writer;
  const [city, region, country] = place(w, f);
  return [
    letter.id,
    f.language(letter.language),
    w.appearance === "counted" ? t.csv.counted : w.name,
    city,
    region,
    country,
    letter.topics.map(topicTitle).join("; "),
    letter.individuality === "own-words" ? t.csv.yes : t.csv.no,
    letter.subject,
    letter.body,
    letter.translation ? f.language(letter.translation.language) : "",
    letter.translation?.subject ?? "",
    letter.translation?.body ?? "",
  ];
}
