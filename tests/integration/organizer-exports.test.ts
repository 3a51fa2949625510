// Exports: the signer CSV parsed back and compared with the database (consent filter, formula cells, RFC 4180
// quoting, no letters or addresses by default), the counts CSV, the export log, and a large export in bounded memory.
import type pg from "pg";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import * as signersExport from "@/app/api/organizer/campaigns/[id]/exports/signers/route";
import * as countsExport from "@/app/api/organizer/campaigns/[id]/exports/counts/route";
import * as exportLog from "@/app/api/organizer/exports/route";
import { closeDb, prisma, pool } from "@/lib/infra/db";
import { signerCsvStream } from "@/lib/exports/signer-csv";
import { stopBoss } from "@/lib/infra/queue/boss";
import { params } from "./helpers";
import { campaignWithData, organizerRequest, organizerSession } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

const parseCsv = (text: string) =>
  parse(text, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: false }) as Record<
    string,
    string
  >[];

async function exportSigners(cookie: string, id: string, query = "") {
  const res = await signersExport.GET(
    organizerRequest("GET", `/api/organizer/campaigns/${id}/exports/signers${query}`, { cookie }),
    params({ id }),
  );
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes, text: bytes.toString("utf8") };
}

describe("signer CSV", () => {
  it("lists exactly the confirmed signers who agreed to hear from the organizers, as in the database", async () => {
    const owner = await organizerSession("owner");
    const { campaign } = await campaignWithData(owner.organization.id);
    const { res, text } = await exportSigners(owner.cookie, campaign.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="signers-${campaign.slug}-${today}.csv"`);

    const rows = parseCsv(text);
    const expected = await prisma.signature.findMany({
      where: { campaignId: campaign.id, status: "confirmed", wantsUpdates: true },
      orderBy: [{ confirmedAt: "asc" }, { id: "asc" }],
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toEqual(
      expected.map((s) => ({
        name: s.name,
        email: s.email,
        country: s.country,
        region: s.region ?? "",
        language: s.locale,
        confirmed_at: s.confirmedAt!.toISOString().replace(/\.\d{3}Z$/, "Z"),
        name_public: s.showName ? "yes" : "no",
        appears_to_target_as: s.appearance,
      })),
    );
    // No letter bodies, no addresses by default.
    expect(Object.keys(rows[0]!)).not.toContain("letter_body");
    expect(text).not.toContain("http://a.example");
  });

  it("neutralises formula cells and quotes commas, quotes and line breaks (RFC 4180)", async () => {
    const owner = await organizerSession("owner");
    const { campaign } = await campaignWithData(owner.organization.id);
    const tricky = [
      '=HYPERLINK("http://evil")',
      "+1+1",
      "-2",
      "@SUM(A1)",
      "\tTab",
      'Kim, "Ji" Min\nSecond line',
      "김정은",
    ];
    await prisma.signature.createMany({
      data: tricky.map((name, i) => ({
        campaignId: campaign.id,
        email: `t${i}-${randomUUID().slice(0, 6)}@example.test`,
        emailKey: `t${i}-${randomUUID().slice(0, 6)}@example.test`,
        name,
        country: "KR",
        region: i === 0 ? "=cmd|' /C calc'!A0" : null,
        locale: "ko",
        status: "confirmed" as const,
        confirmedAt: new Date(Date.now() + 1000 + i),
        wantsUpdates: true,
      })),
    });
    const { text, bytes } = await exportSigners(owner.cookie, campaign.id);
    // UTF-8 byte-order mark, so that spreadsheets read Korean names correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain("\r\n");
    const names = parseCsv(text).map((r) => r.name);
    expect(names.slice(-tricky.length)).toEqual([
      '\'=HYPERLINK("http://evil")',
      "'+1+1",
      "'-2",
      "'@SUM(A1)",
      "'\tTab",
      'Kim, "Ji" Min\nSecond line',
      "김정은",
    ]);
    expect(parseCsv(text).find((r) => r.name?.startsWith("'=HYP"))!.region).toBe("'=cmd|' /C calc'!A0");
    expect(text).toContain('"Kim, ""Ji"" Min\nSecond line"');
  });

  it("includes letters and addresses only when asked", async () => {
    const owner = await organizerSession("owner");
    const { campaign, suffix, letters } = await campaignWithData(owner.organization.id);
    await prisma.letter.update({
      where: { id: letters[0] },
      data: {
        street: "1 Secret Street",
        email: `signer1-${suffix}@example.test`,
        emailKey: `signer1-${suffix}@example.test`,
      },
    });
    const plain = await exportSigners(owner.cookie, campaign.id);
    expect(plain.text).not.toContain("Secret Street");
    const full = await exportSigners(owner.cookie, campaign.id, "?include=letters,addresses");
    const row = parseCsv(full.text).find((r) => r.email === `signer1-${suffix}@example.test`)!;
    expect(row.street).toBe("1 Secret Street");
    expect(row.letter_body).toContain(suffix);
  });

  it("records every export (who, what, when), visible to owners only", async () => {
    const owner = await organizerSession("owner");
    const editor = await organizerSession("editor", owner.organization.id);
    const { campaign } = await campaignWithData(owner.organization.id);
    await exportSigners(editor.cookie, campaign.id, "?include=letters");
    await countsExport.GET(organizerRequest("GET", "/x", { cookie: owner.cookie }), params({ id: campaign.id }));
    const log = await exportLog.GET(
      organizerRequest("GET", "/api/organizer/exports", { cookie: owner.cookie }),
      params({}),
    );
    expect(log.status).toBe(200);
    const { exports } = await log.json();
    expect(
      exports.map((e: { kind: string; user: { email: string }; options: object; campaign: { id: string } }) => [
        e.kind,
        e.user.email,
        e.options,
        e.campaign.id,
      ]),
    ).toEqual([
      ["counts", owner.email, {}, campaign.id],
      ["signers", editor.email, { includeLetters: true, includeAddresses: false }, campaign.id],
    ]);
    expect((await exportLog.GET(organizerRequest("GET", "/x", { cookie: editor.cookie }), params({}))).status).toBe(
      403,
    );
  });
});

describe("counts CSV", () => {
  it("has totals, per day, country, region and topic, matching the database", async () => {
    const owner = await organizerSession("owner");
    const { campaign } = await campaignWithData(owner.organization.id);
    await pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, locale, status, confirmed_at)
       SELECT gen_random_uuid(), $1, 'x' || g || '@e.test', 'x' || g || '@e.test', 'X', 'KR', NULL, 'ko', 'confirmed', timestamptz '2026-11-01 12:00Z' + (g % 3) * interval '1 day'
         FROM generate_series(1, 9) g`,
      [campaign.id],
    );
    const res = await countsExport.GET(
      organizerRequest("GET", "/x", { cookie: owner.cookie }),
      params({ id: campaign.id }),
    );
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="counts-camp-[a-f0-9]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parseCsv(await res.text()).map((r) => [r.section, r.key, r.detail, Number(r.count)]);
    expect(rows).toContainEqual(["total", "confirmed_signatures", "", 11]);
    expect(rows).toContainEqual(["total", "pending_signatures", "", 1]);
    expect(rows).toContainEqual(["total", "letters_held", "", 2]);
    expect(rows).toContainEqual(["day", "2026-11-01", "", 3]);
    expect(rows).toContainEqual(["country", "KR", "", 9]);
    expect(rows).toContainEqual(["country", "US", "", 2]);
    expect(rows).toContainEqual(["region", "US", "CA", 2]);
    expect(rows).toContainEqual(["topic", "camps", "Camps", 0]);
  });
});

describe("a large signer export", () => {
  it("streams 200,000 rows in bounded memory, every row present", async () => {
    const owner = await organizerSession("owner");
    const { campaign } = await campaignWithData(owner.organization.id);
    const n = 200_000;
    await holdDeliveries(campaign.id);
    // A bulk load, not a request: it may take longer than the app's query timeout on a busy machine.
    await pool.query({
      text: `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, locale, status, confirmed_at, wants_updates)
       SELECT gen_random_uuid(), $1, 'bulk' || g || '@example.test', 'bulk' || g || '@example.test', 'Signer number ' || g, 'US', 'CA', 'en',
              'confirmed', now() - (g || ' seconds')::interval, true
         FROM generate_series(1, $2::int) g`,
      values: [campaign.id, n],
      query_timeout: 300_000,
    } as pg.QueryConfig);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let rows = 0;
    let tail = "";
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    for await (const chunk of signerCsvStream(campaign.id)) {
      const text = tail + chunk.toString("utf8");
      const lines = text.split("\r\n");
      tail = lines.pop()!;
      rows += lines.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    clearInterval(sampler);
    // Header + the bulk rows + the fixture's one consenting signer.
    expect(rows).toBe(1 + n + 1);
    const grownMb = (peak - before) / 1024 / 1024;
    // The whole file is ~15 MB as text and would be far more as JS strings; streaming keeps growth small.
    expect(grownMb).toBeLessThan(60);
  }, 120_000);

  it("frees its database connection when the download is cut off mid-way", async () => {
    const owner = await organizerSession("owner");
    const { campaign } = await campaignWithData(owner.organization.id);
    await holdDeliveries(campaign.id);
    await pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, locale, status, confirmed_at, wants_updates)
       SELECT gen_random_uuid(), $1, 'cut' || g || '@example.test', 'cut' || g || '@example.test', 'Signer ' || g, 'US', 'CA', 'en', 'confirmed', now() - (g || ' seconds')::interval, true
         FROM generate_series(1, 50000) g`,
      [campaign.id],
    );
    const copying = () =>
      pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND query LIKE $1`,
        [`%${campaign.id}%`],
      );
    const stream = signerCsvStream(campaign.id);
    for await (const chunk of stream) {
      expect((chunk as Buffer).length).toBeGreaterThan(0);
      break; // the downloader goes away after the first chunk: for-await destroys the stream
    }
    // The connection that ran the COPY is closed, not handed back mid-copy; the server ends its side of it.
    await expect.poll(async () => (await copying()).rows[0]!.n, { timeout: 10_000 }).toBe(0);
    expect((await pool.query<{ ok: number }>("SELECT 1 AS ok")).rows[0]!.ok).toBe(1);
    expect(await text(signerCsvStream(campaign.id))).toContain("cut50000@example.test");
  }, 60_000);
});

/**
 * These bulk signers are about exports: other files' delivery ticks (which see every campaign in the shared test
 * database) must not hand them to the target as 50,000-row digests.
 */
async function holdDeliveries(campaignId: string) {
  await pool.query(`UPDATE campaign SET hold_until = now() + interval '100 years' WHERE id = $1`, [campaignId]);
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
