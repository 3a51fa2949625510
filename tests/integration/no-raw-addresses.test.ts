// No raw IP address and no user agent is stored anywhere: after organizers sign in (and fail to), people sign and
// write letters from one address with one browser, every text, JSON and binary column of every table is searched for
// that address and that user agent. better-auth's session and rate_limit tables included.
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as letterRoute } from "@/app/api/campaigns/[slug]/letters/route";
import { POST as signRoute } from "@/app/api/campaigns/[slug]/signatures/route";
import { closeDb, pool } from "@/lib/infra/db";
import { nowMs } from "@/lib/infra/clock";
import { stopBoss } from "@/lib/infra/queue/boss";
import { sweepRateWindows } from "@/lib/integrity/sweep-rate-windows";
import { campaignWithTopics, formToken, jsonRequest, params, signer } from "./helpers";
import { appOrigin, createOrganization, createOrganizer, password } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

type Column = { schema: string; table: string; column: string; type: string };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every "schema.table.column" of a text, JSON, binary or array column holding one of the needles (any case). */
async function columnsHolding(needles: string[]): Promise<string[]> {
  const { rows: columns } = await pool.query<Column>(
    `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column, c.data_type AS type
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY', 'USER-DEFINED')`,
  );
  const found: string[] = [];
  const lowered = needles.map((n) => n.toLowerCase());
  for (const c of columns) {
    const text = c.type === "bytea" ? `encode(${quote(c.column)}, 'escape')` : `${quote(c.column)}::text`;
    const test = lowered.map((_, i) => `strpos(lower(${text}), $${i + 1}) > 0`).join(" OR ");
    const { rows } = await pool.query<{ hit: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${quote(c.schema)}.${quote(c.table)} WHERE ${test}) AS hit`,
      lowered,
    );
    if (rows[0]!.hit) found.push(`${c.schema}.${c.table}.${c.column}`);
  }
  return found;
}

/** What a browser at `ip` sends (the test's X-Forwarded-For plays the connection's address: tests/setup/peer-address.ts). */
const from = (ip: string, userAgent: string) => ({ "x-forwarded-for": ip, "user-agent": userAgent });

describe("stored data", () => {
  it("holds no raw IP address and no user agent, after signing in, signing and writing a letter", async () => {
    const ip = `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const userAgent = `Mozilla/5.0 (X11; Linux x86_64) NoRawTrace/${randomUUID()}`;
    const organization = await createOrganization();
    const organizer = await createOrganizer(organization.id);

    const signIn = (pass: string) =>
      authPost(
        new Request(`${appOrigin}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: appOrigin, ...from(ip, userAgent) },
          body: JSON.stringify({ email: organizer.email, password: pass }),
        }),
      );
    expect((await signIn("not the password at all")).status).toBe(401);
    const ok = await signIn(password);
    expect(ok.status).toBe(200);
    const cookie = ok.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const session = await authPost(
      new Request(`${appOrigin}/api/auth/sign-out`, {
        method: "POST",
        headers: { origin: appOrigin, cookie, ...from(ip, userAgent) },
      }),
    );
    expect(session.status).toBe(200);
    // A second sign-in leaves a session row to search.
    expect((await signIn(password)).status).toBe(200);

    const campaign = await campaignWithTopics();
    const signed = await signRoute(
      jsonRequest(`/api/campaigns/${campaign.slug}/signatures`, signer(), { headers: from(ip, userAgent) }),
      params({ slug: campaign.slug }),
    );
    expect(signed.status).toBe(202);
    const suspected = await signRoute(
      jsonRequest(`/api/campaigns/${campaign.slug}/signatures`, signer({ website: "x" }), {
        headers: from(ip, userAgent),
      }),
      params({ slug: campaign.slug }),
    );
    expect(suspected.status).toBe(202);
    const letter = await letterRoute(
      jsonRequest(
        `/api/campaigns/${campaign.slug}/letters`,
        {
          topics: ["prison-camps"],
          subject: "Human rights at the summit",
          body: "Please raise the prison camps at the summit. ".repeat(4),
          language: "en",
          name: "Jane Writer",
          email: `writer-${randomUUID().slice(0, 8)}@example.test`,
          city: "Albany",
          region: "NY",
          country: "US",
          formToken: formToken("letter"),
        },
        { headers: from(ip, userAgent) },
      ),
      params({ slug: campaign.slug }),
    );
    expect(letter.status).toBe(202);

    // The search finds what is there: the rows these requests wrote exist, under keyed hashes.
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM session WHERE user_id = $1`, [
      organizer.userId,
    ]);
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(await columnsHolding([`${organizer.email}`])).toContain("public.user.email");

    expect(await columnsHolding([ip, userAgent, "NoRawTrace"])).toEqual([]);
  });

  it("lets better-auth's throttling rows expire: the sweep deletes those older than two hours", async () => {
    const old = `sweep-old-${randomUUID()}`;
    const recent = `sweep-recent-${randomUUID()}`;
    await pool.query(`INSERT INTO rate_limit (id, key, count, last_request) VALUES ($1, $2, 3, $3), ($4, $5, 1, $6)`, [
      randomUUID(),
      old,
      nowMs() - 3 * 3600_000,
      randomUUID(),
      recent,
      nowMs() - 60_000,
    ]);
    await sweepRateWindows();
    const { rows } = await pool.query<{ key: string }>(`SELECT key FROM rate_limit WHERE key = ANY($1)`, [
      [old, recent],
    ]);
    expect(rows.map((r) => r.key)).toEqual([recent]);
  });
});
