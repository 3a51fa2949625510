// Organizers manage a campaign's targets through the campaign API the form uses: editors add, change, reorder and
// remove them; each mistake is answered per field in the reader's language and stores nothing; viewers cannot; the
// public page reads the list in both languages.
import { afterAll, describe, expect, it } from "vitest";
import * as campaigns from "@/app/api/organizer/campaigns/route";
import * as campaign from "@/app/api/organizer/campaigns/[id]/route";
import { closeDb, pool } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { campaignTargets } from "@/lib/campaigns/campaign-targets";
import { getPublicCampaign } from "@/lib/campaigns/get-public-campaign";
import { params } from "./helpers";
import { organizerRequest, organizerSession, validCampaign } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

const slug = () => `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

const president = {
  email: "president@whitehouse.example.test",
  language: "en",
  plan: "one_by_one",
  intervalMinutes: 60,
  texts: { en: { name: "The President", office: "The White House" }, ko: { name: "대통령", office: "백악관" } },
};
const advisor = {
  email: "nsa@whitehouse.example.test",
  language: "ko",
  plan: "bundle_only",
  intervalMinutes: 1440,
  texts: {
    en: { name: "The National Security Advisor", office: "" },
    ko: { name: "국가안보보좌관", office: "" },
  },
};

describe("a campaign's targets in the campaign form", () => {
  it("are created, changed, reordered and removed by an editor, and listed on the public page", async () => {
    const editor = await organizerSession("editor");
    const input = { ...validCampaign(slug()), targets: [president, advisor] };
    const created = await campaigns.POST(
      organizerRequest("POST", "/api/organizer/campaigns", { cookie: editor.cookie, body: input }),
      params({}),
    );
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const stored = await campaignTargets(id);
    expect(stored.map((t) => [t.position, t.email, t.language, t.plan, t.intervalMinutes])).toEqual([
      [0, president.email, "en", "one_by_one", 60],
      [1, advisor.email, "ko", "bundle_only", 1440],
    ]);
    // The campaign's single-target columns follow the first target.
    const { rows } = await pool.query(
      `SELECT c.target_email, t.target_name FROM campaign c JOIN campaign_translation t ON t.campaign_id = c.id
        WHERE c.id = $1 ORDER BY t.locale`,
      [id],
    );
    expect(rows).toEqual([
      { target_email: president.email, target_name: "The President" },
      { target_email: president.email, target_name: "대통령" },
    ]);

    await pool.query(`UPDATE campaign SET status = 'open' WHERE id = $1`, [id]);
    expect((await getPublicCampaign(input.slug, "en"))!.targets).toEqual([
      { name: "The President", office: "The White House" },
      { name: "The National Security Advisor", office: "" },
    ]);
    expect((await getPublicCampaign(input.slug, "ko"))!.targets).toEqual([
      { name: "대통령", office: "백악관" },
      { name: "국가안보보좌관", office: "" },
    ]);

    // Reordered and changed, matched by id; then one removed.
    const [first, second] = stored;
    const edited = {
      ...input,
      targets: [
        { ...advisor, id: second!.id, plan: "digest" },
        { ...president, id: first!.id, email: "potus@whitehouse.example.test" },
      ],
    };
    const patch = await campaign.PATCH(
      organizerRequest("PATCH", `/api/organizer/campaigns/${id}`, { cookie: editor.cookie, body: edited }),
      params({ id }),
    );
    expect(patch.status).toBe(200);
    const after = await campaignTargets(id);
    expect(after.map((t) => [t.id, t.email, t.plan])).toEqual([
      [second!.id, advisor.email, "digest"],
      [first!.id, "potus@whitehouse.example.test", "one_by_one"],
    ]);

    const removed = await campaign.PATCH(
      organizerRequest("PATCH", `/api/organizer/campaigns/${id}`, {
        cookie: editor.cookie,
        body: { ...input, targets: [edited.targets[1]] },
      }),
      params({ id }),
    );
    expect(removed.status).toBe(200);
    expect((await campaignTargets(id)).map((t) => t.id)).toEqual([first!.id]);
  });

  it.each(["en", "ko"] as const)(
    "answers 422 with an error beside each target field in %s, storing nothing",
    async (locale) => {
      const editor = await organizerSession("editor");
      const input = {
        ...validCampaign(slug()),
        targets: [
          { ...president, email: "not-an-email" },
          { ...advisor, texts: { ...advisor.texts, ko: { name: "  ", office: "" } }, plan: "weekly" },
          { ...president, email: "PRESIDENT@whitehouse.example.test", intervalMinutes: 1 },
        ],
      };
      const res = await campaigns.POST(
        organizerRequest("POST", "/api/organizer/campaigns", {
          cookie: editor.cookie,
          body: input,
          headers: { "accept-language": locale },
        }),
        params({}),
      );
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(Object.keys(error.fields).sort()).toEqual([
        "targets.0.email",
        "targets.1.plan",
        "targets.1.texts.ko.name",
        "targets.2.intervalMinutes",
      ]);
      expect(error.fields["targets.0.email"].code).toBe("invalid_email");
      expect(error.fields["targets.1.texts.ko.name"].code).toBe("required");
      expect(error.fields["targets.2.intervalMinutes"].code).toBe("too_small");
      for (const field of Object.values(error.fields) as { message: string }[])
        if (locale === "ko") expect(field.message).toMatch(/[가-힣]/);
        else expect(field.message).not.toMatch(/[가-힣]/);
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM campaign WHERE slug = $1`, [input.slug]);
      expect(rows[0].n).toBe(0);
    },
  );

  it("says when two targets share a delivery address", async () => {
    const editor = await organizerSession("editor");
    const input = {
      ...validCampaign(slug()),
      targets: [president, { ...advisor, email: " PRESIDENT@whitehouse.example.test " }],
    };
    const res = await campaigns.POST(
      organizerRequest("POST", "/api/organizer/campaigns", { cookie: editor.cookie, body: input }),
      params({}),
    );
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(Object.keys(error.fields)).toEqual(["targets.1.email"]);
    expect(error.fields["targets.1.email"].code).toBe("duplicate");
  });

  it("are not a viewer's to change", async () => {
    const viewer = await organizerSession("viewer");
    const res = await campaigns.POST(
      organizerRequest("POST", "/api/organizer/campaigns", {
        cookie: viewer.cookie,
        body: { ...validCampaign(slug()), targets: [president] },
      }),
      params({}),
    );
    expect(res.status).toBe(403);
  });
});
