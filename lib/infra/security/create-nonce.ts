// A fresh, unguessable nonce per page request: 128 random bits, base64 (what CSP's 'nonce-…' expects).

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
