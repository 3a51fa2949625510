// The database side of the record: the rows of a delivered bundle, read again and re-hashed with the source key,
// compared with the manifest. A row edited, back-dated or deleted since the bundle was made shows up here.
import { sourceRowHash } from "./source-row-hash";
import type { LetterRow, Manifest, RowKind, SignerRow } from "./types";

type Found = { kind: RowKind; id: string };

export function findChangedRows(
  manifest: Pick<Manifest, "rows">,
  rows: Iterable<{ kind: "signature"; row: SignerRow } | { kind: "letter"; row: LetterRow }>,
  sourceKey: Buffer,
): { changed: Found[]; missing: Found[]; unexpected: Found[] } {
  const expected = new Map(manifest.rows.map((r) => [`${r.kind}:${r.id}`, r]));
  const changed: Found[] = [];
  const unexpected: Found[] = [];
  for (const { kind, row } of rows) {
    const key = `${kind}:${row.id}`;
    const listed = expected.get(key);
    if (!listed) unexpected.push({ kind, id: row.id });
    else if (sourceRowHash(kind, row, sourceKey) !== listed.source) changed.push({ kind, id: row.id });
    expected.delete(key);
  }
  return { changed, missing: [...expected.values()].map(({ kind, id }) => ({ kind, id })), unexpected };
}
