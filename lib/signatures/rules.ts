// A signature's rules as plain data, shared by the zod schema (./schema.ts, the server) and the sign form's check in
// the browser (./check-signature-form.ts), which must not load zod.

/** Maximum lengths after trimming and NFC, in code points (as zod 4.6 counts). */
export const limits = { name: 100, email: 254, region: 100, postalCode: 16, comment: 1000 } as const;

/** Any postal code, once trimmed and upper-cased; countries with a known format check it too (lib/infra/geo/regions.ts). */
export const postalCodeFormat = /^[A-Z0-9][A-Z0-9 -]*$/;

/** zod's default email pattern (z.regexes.email, zod 4.6), given to z.email() explicitly so both sides use this one. */
export const emailFormat =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
