// The signer export's CSV is written by Postgres (COPY) and finished in Node (lib/exports/spreadsheet-csv); every
// other CSV here is built by lib/infra/csv's toCsv. Both must give organizers the same bytes: the same formula rule,
// quoting, empty cells and CRLF record ends. Tricky values (leading = + - @ tab CR, quotes, commas, line breaks,
// Hangul, emoji, empty and NULL) go through both and are compared byte for byte.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, pool } from "@/lib/infra/db";
import { toCsv } from "@/lib/infra/csv";
import { signerColumns, signerCsvStream, signerCopySql, type SignerExportOptions } from "@/lib/exports/signer-csv";
import { createCampaign } from "./helpers";

afterAll(async () => {
  await closeDb();
});

type Signer = {
  name: string;
  email: string;
  country: string;
  region: string | null;
  postalCode: string | null;
  locale: string;
  showName: boolean;
};

const tricky = [
  "=",
  "+",
  "-",
  "@",
  "\t",
  "\r",
  "\n",
  "\r\n",
  '"',
  ",",
  "'",
  " ",
  "a",
  "Z",
  "1",
  "김",
  "정은",
  "😀",
  "\\",
  ".",
];
const oneCharacter = tricky.filter((t) => [...t].length === 1);
const text = (maxLength: number) => fc.array(fc.constantFrom(...tricky), { maxLength }).map((parts) => parts.join(""));
const signerArb: fc.Arbitrary<Signer> = fc.record({
  name: text(6),
  email: text(4),
  // char(2): exactly two characters, or Postgres pads the value (in both paths alike).
  country: fc.tuple(fc.constantFrom(...oneCharacter), fc.constantFrom(...oneCharacter)).map(([a, b]) => a + b),
  region: fc.option(text(4), { nil: null }),
  postalCode: fc.option(text(3), { nil: null }),
  locale: fc.constantFrom("en", "ko", "=1", "-"),
  showName: fc.boolean(),
});

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Inserts the signers as confirmed, consenting, one second apart (the export's order), and returns their campaign. */
async function campaignOf(signers: Signer[]): Promise<{ id: string; confirmedAt: Date[] }> {
  const campaign = await createCampaign();
  const start = Date.UTC(2026, 10, 1, 12);
  const confirmedAt = signers.map((_, i) => new Date(start + i * 1000));
  await pool.query(
    `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, postal_code, locale, status, confirmed_at, wants_updates, show_name)
     SELECT gen_random_uuid(), $1, email, 'key' || n, name, country, region, postal_code, locale, 'confirmed', confirmed_at, true, show_name
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::boolean[]) WITH ORDINALITY
            AS t(email, name, country, region, postal_code, locale, confirmed_at, show_name, n)`,
    [
      campaign.id,
      signers.map((s) => s.email),
      signers.map((s) => s.name),
      signers.map((s) => s.country),
      signers.map((s) => s.region),
      signers.map((s) => s.postalCode),
      signers.map((s) => s.locale),
      confirmedAt,
      signers.map((s) => s.showName),
    ],
  );
  return { id: campaign.id, confirmedAt };
}

/** The same export built in Node: the values as stored, through lib/infra/csv's toCsv, with the byte-order mark. */
function builtInNode(signers: Signer[], confirmedAt: Date[], options: SignerExportOptions): Buffer {
  const rows = signers.map((s, i) => [
    s.name,
    s.email,
    s.country,
    s.region,
    ...(options.includeAddresses ? [s.postalCode, null, null] : []),
    s.locale,
    confirmedAt[i]!.toISOString().replace(/\.\d{3}Z$/, "Z"),
    s.showName ? "yes" : "no",
    "initials", // the column's default: these rows are inserted without a choice
  ]);
  return Buffer.from("\uFEFF" + toCsv(signerColumns(options), rows), "utf8");
}

describe("the signer CSV from Postgres and the CSV built in Node", () => {
  it("agree byte for byte on hand-picked tricky values", async () => {
    const signers: Signer[] = [
      {
        name: '=HYPERLINK("http://evil")',
        email: "+1@x.test",
        country: "KR",
        region: "=cmd|' /C calc'!A0",
        postalCode: "-1",
        locale: "ko",
        showName: true,
      },
      {
        name: "@SUM(A1)",
        email: "\ttab@x.test",
        country: "US",
        region: "\rCR",
        postalCode: null,
        locale: "en",
        showName: false,
      },
      {
        name: 'Kim, "Ji" Min\nSecond line',
        email: "a@x.test",
        country: "KR",
        region: "Line\nbreak",
        postalCode: "",
        locale: "ko",
        showName: true,
      },
      { name: "김정은 😀", email: "", country: "KR", region: "", postalCode: "04524", locale: "ko", showName: true },
      { name: "", email: "b@x.test", country: "US", region: null, postalCode: '"', locale: "en", showName: false },
      {
        name: '"=quoted"',
        email: ",@x.test",
        country: "US",
        region: "\\.",
        postalCode: "\r\n",
        locale: "en",
        showName: false,
      },
    ];
    const { id, confirmedAt } = await campaignOf(signers);
    for (const options of [{}, { includeAddresses: true }]) {
      const fromPostgres = await bytesOf(signerCsvStream(id, options));
      expect(fromPostgres.toString("utf8")).toBe(builtInNode(signers, confirmedAt, options).toString("utf8"));
    }
  });

  it("agree byte for byte on generated values", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(signerArb, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (signers, includeAddresses) => {
          const { id, confirmedAt } = await campaignOf(signers);
          const fromPostgres = await bytesOf(signerCsvStream(id, { includeAddresses }));
          expect(fromPostgres.toString("utf8")).toBe(
            builtInNode(signers, confirmedAt, { includeAddresses }).toString("utf8"),
          );
        },
      ),
      { numRuns: 40, seed: 20261128 },
    );
  }, 120_000);
});

describe("the COPY statement", () => {
  it("takes only a UUID as the campaign id, since COPY has no bind parameters", () => {
    expect(() => signerCopySql("x'; DROP TABLE signature; --")).toThrow(/not a UUID/);
    expect(signerCopySql("0b6d14f0-0000-4000-8000-000000000000")).toContain("'0b6d14f0-0000-4000-8000-000000000000'");
  });
});
