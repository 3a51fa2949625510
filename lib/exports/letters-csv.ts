// The letters CSV: UTF-8 with a byte-order mark (spreadsheets read Korean names), CRLF records, formulas
// neutralised (lib/infra/csv). Like the signer export it keeps the writer's name as given and says, per letter, how
// the target sees them (appears_to_target_as, shown_to_target_as).
import { toCsv } from "@/lib/infra/csv";
import type { ExportedLetter } from "./campaign-letters";

export const lettersHeader = [
  "name",
  "email",
  "country",
  "region",
  "city",
  "language",
  "confirmed_at",
  "status",
  "name_public",
  "appears_to_target_as",
  "shown_to_target_as",
  "topics",
  "subject",
  "body",
];

const byteOrderMark = "\uFEFF";

export function lettersCsv(letters: ExportedLetter[]): string {
  return (
    byteOrderMark +
    toCsv(
      lettersHeader,
      letters.map((l) => [
        l.name,
        l.email,
        l.country,
        l.region,
        l.city,
        l.language,
        l.confirmed_at ? l.confirmed_at.toISOString().replace(/\.\d{3}Z$/, "Z") : "",
        l.status,
        l.show_name ? "yes" : "no",
        l.appearance,
        l.shownToTarget,
        l.topics,
        l.subject,
        l.body,
      ]),
    )
  );
}
