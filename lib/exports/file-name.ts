/** A dated attachment name, e.g. signers-human-rights-2026-11-27.csv (UTC date). */
export function exportFileName(kind: string, slug: string, now = new Date(), extension = "csv"): string {
  return `${kind}-${slug.replace(/[^a-z0-9-]/gi, "")}-${now.toISOString().slice(0, 10)}.${extension}`;
}

export function csvHeaders(fileName: string): Record<string, string> {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${fileName}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}
