// The proof-of-work rule, shared by the server (verifying) and the browser (solving): SHA-256 of
// `${token}:${nonce}` must start with `difficulty` zero bits.

export function powInput(token: string, nonce: string | number): string {
  return `${token}:${nonce}`;
}

export function hasLeadingZeroBits(digest: Uint8Array, bits: number): boolean {
  let remaining = bits;
  for (const byte of digest) {
    if (remaining <= 0) return true;
    if (remaining >= 8) {
      if (byte !== 0) return false;
      remaining -= 8;
    } else {
      return byte >> (8 - remaining) === 0;
    }
  }
  return remaining <= 0;
}
