// A 503 means nothing was stored: while the campaign's row is locked for longer than a request waits (as a long
// organizer transaction or a stuck migration would), signatures and letters answer 503, and once the lock goes,
// none of them appears, no email is queued, and nothing is counted. Postgres itself cancels the statement at the
// request's deadline (lib/infra/db.ts, writeWithinDeadline), so nothing commits after the answer was given.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { POST as postLetter } from "@/app/api/campaigns/[slug]/letters/route";
import { POST as sign } from "@/app/api/campaigns/[slug]/signatures/route";
import { closeDb, pool } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { testDatabaseUrl } from "../../vitest.config";
import { campaignWithTopics, formToken, jsonRequest, params, signer } from "./helpers";

afterAll(async () => {
  await closeDb();
});

const letter = () => ({
  topics: ["prison-camps"],
  subject: "Human rights at the summit",
  body: "Dear Mr. President,\n\nI am writing because my students told me what they lived through in the camps. Please raise the prison camps at the summit.\n\nSincerely,",
  language: "en",
  writerRole: "supporter",
  name: "Jane Writer",
  email: `writer-${randomUUID().slice(0, 8)}@example.test`,
  street: "1 Main St",
  city: "Albany",
  region: "NY",
  postalCode: "12207",
  country: "US",
  alsoSign: false,
  formToken: formToken("letter"),
});

describe("a request that gives up", () => {
  it("stores nothing and sends nothing, though the lock it waited on is released later", async () => {
    const campaign = await campaignWithTopics();
    const holder = new pg.Client({ connectionString: testDatabaseUrl });
    await holder.connect();
    // A signature's or letter's row needs a key-share lock on its campaign's row: this holds it past the deadline.
    await holder.query("BEGIN");
    await holder.query("SELECT 1 FROM campaign WHERE id = $1 FOR UPDATE", [campaign.id]);

    const signers = Array.from({ length: 6 }, () => signer());
    const letters = Array.from({ length: 3 }, () => letter());
    const started = Date.now();
    const answers = await Promise.all([
      ...signers.map((s) =>
        sign(jsonRequest(`/api/campaigns/${campaign.slug}/signatures`, s), params({ slug: campaign.slug })),
      ),
      ...letters.map((l) =>
        postLetter(jsonRequest(`/api/campaigns/${campaign.slug}/letters`, l), params({ slug: campaign.slug })),
      ),
    ]);
    const waited = Date.now() - started;
    // The lock is held well past every answer, then released: a statement still waiting would now go through.
    setTimeout(() => void holder.query("COMMIT").then(() => holder.end()), 3000);

    for (const res of answers) {
      expect(res.status, await res.clone().text()).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await res.json()).error.code).toBe("service_unavailable");
    }
    expect(waited).toBeLessThan((env.DATABASE_QUERY_TIMEOUT_SECONDS + 3) * 1000);

    await new Promise((r) => setTimeout(r, 5000)); // past the release: anything still pending has landed by now
    const emails = [...signers.map((s) => s.email), ...letters.map((l) => l.email)];
    const { rows } = await pool.query<{ signatures: number; letters: number; messages: number }>(
      `SELECT (SELECT count(*) FROM signature WHERE campaign_id = $1)::int AS signatures,
              (SELECT count(*) FROM letter WHERE campaign_id = $1)::int AS letters,
              (SELECT count(*) FROM outbox_message WHERE "to" = ANY($2))::int AS messages`,
      [campaign.id, emails],
    );
    expect(rows[0]).toEqual({ signatures: 0, letters: 0, messages: 0 });

    // And the campaign answers as usual once the lock is gone.
    const after = await sign(
      jsonRequest(`/api/campaigns/${campaign.slug}/signatures`, signer()),
      params({ slug: campaign.slug }),
    );
    expect(after.status).toBe(202);
  }, 60_000);
});
