// Source codes end to end: a signature or letter arriving with `?source=` keeps its code (a code of another shape is
// dropped, never refused), and organizers find it per source in the counts (the dashboard's) and the counts CSV.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { POST as postLetter } from "@/app/api/campaigns/[slug]/letters/route";
import { POST as sign } from "@/app/api/campaigns/[slug]/signatures/route";
import * as countsRoute from "@/app/api/organizer/campaigns/[id]/counts/route";
import * as countsExport from "@/app/api/organizer/campaigns/[id]/exports/counts/route";
import { closeDb, pool } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { confirmLetter } from "@/lib/letters/confirm-letter";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { formToken, jsonRequest, params, signer } from "./helpers";
import { campaignWithData, freshIp, organizerRequest, organizerSession } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

async function tokenFor(column: "signature_id" | "letter_id", email: string): Promise<string> {
  const table = column === "signature_id" ? "signature" : "letter";
  const { rows } = await pool.query<{ token: string }>(
    `SELECT m.payload->>'token' AS token FROM outbox_message m JOIN ${table} x ON x.id = m.${column}
      WHERE x.email = $1 AND m.kind = $2`,
    [email, `${table}.confirm`],
  );
  return rows[0]!.token;
}

async function signAndConfirm(slug: string, source: unknown): Promise<string> {
  const input = signer(source === undefined ? {} : { source });
  const res = await sign(
    jsonRequest(`/api/campaigns/${slug}/signatures`, input, { headers: { "x-forwarded-for": freshIp() } }),
    params({ slug }),
  );
  expect(res.status).toBe(202);
  expect((await confirmSignature(await tokenFor("signature_id", input.email))).status).toBe("confirmed");
  return input.email;
}

describe("source codes", () => {
  it("keeps each signature's and letter's code and counts them per source for the dashboard and the CSV", async () => {
    const owner = await organizerSession("owner");
    const { campaign } = await campaignWithData(owner.organization.id);
    const slug = campaign.slug;

    await signAndConfirm(slug, "share-kakao");
    await signAndConfirm(slug, "share-kakao");
    const upper = await signAndConfirm(slug, "Newsletter");
    const bad = await signAndConfirm(slug, "<script>");

    const writer = `writer-${randomUUID().slice(0, 8)}@example.test`;
    const letterRes = await postLetter(
      jsonRequest(
        `/api/campaigns/${slug}/letters`,
        {
          topics: ["camps"],
          subject: "Human rights at the summit",
          body: "Dear Mr. President,\n\nPlease raise the prison camps at the summit, beside denuclearization. It matters to me and to many.",
          language: "en",
          name: "Jane Writer",
          email: writer,
          city: "Albany",
          country: "US",
          region: "NY",
          formToken: formToken("letter"),
          source: "share-x",
        },
        { headers: { "x-forwarded-for": freshIp() } },
      ),
      params({ slug }),
    );
    expect(letterRes.status).toBe(202);
    expect((await confirmLetter(await tokenFor("letter_id", writer))).status).toBe("confirmed");

    const stored = await pool.query<{ email: string; source: string | null }>(
      `SELECT email, source FROM signature WHERE email = ANY($1)`,
      [[upper, bad]],
    );
    expect(Object.fromEntries(stored.rows.map((r) => [r.email, r.source]))).toEqual({
      [upper]: "newsletter",
      [bad]: null,
    });
    expect((await pool.query(`SELECT source FROM letter WHERE email = $1`, [writer])).rows).toEqual([
      { source: "share-x" },
    ]);

    // The dashboard's counts: the fixture's two signers and two held letters, and the dropped code, have no source.
    const countsRes = await countsRoute.GET(
      organizerRequest("GET", `/api/organizer/campaigns/${campaign.id}/counts`, { cookie: owner.cookie }),
      params({ id: campaign.id }),
    );
    expect(countsRes.status).toBe(200);
    const { perSource } = (await countsRes.json()) as {
      perSource: { source: string | null; signatures: number; letters: number }[];
    };
    expect(perSource).toEqual([
      { source: null, signatures: 3, letters: 2 },
      { source: "share-kakao", signatures: 2, letters: 0 },
      { source: "newsletter", signatures: 1, letters: 0 },
      { source: "share-x", signatures: 0, letters: 1 },
    ]);

    const csv = await countsExport.GET(
      organizerRequest("GET", "/x", { cookie: owner.cookie }),
      params({ id: campaign.id }),
    );
    const rows = (parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[]).map((r) => [
      r.section,
      r.key,
      r.detail,
      Number(r.count),
    ]);
    expect(rows.filter((r) => r[0] === "source")).toEqual([
      ["source", "(none)", "signatures", 3],
      ["source", "(none)", "letters", 2],
      ["source", "share-kakao", "signatures", 2],
      ["source", "share-kakao", "letters", 0],
      ["source", "newsletter", "signatures", 1],
      ["source", "newsletter", "letters", 0],
      ["source", "share-x", "signatures", 0],
      ["source", "share-x", "letters", 1],
    ]);
  });
});
