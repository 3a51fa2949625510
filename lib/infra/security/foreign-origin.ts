// Whether a request says another site started it: its Origin or Referer names an origin other than the app's. Older
// browsers send no Sec-Fetch-Site but do send these; a missing header names no site (a client other than a browser).
export function namesForeignOrigin(headers: Headers, appOrigin: string): boolean {
  const origin = headers.get("origin");
  if (origin !== null && origin !== appOrigin) return true;
  const referer = headers.get("referer");
  return referer !== null && originOf(referer) !== appOrigin;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
