// The organizer routes of "what happened" and of updates: editors and owners add and remove timeline entries (both
// languages, audited), set the deadline, preview an update and send a test of it to themselves; viewers may not,
// other organizations' campaigns are 404, and bad input is a 422 naming each field while nothing is stored.
import { afterAll, describe, expect, it } from "vitest";
import { POST as addRoute } from "@/app/api/organizer/campaigns/[id]/timeline/route";
import { DELETE as removeRoute } from "@/app/api/organizer/campaigns/[id]/timeline/[eventId]/route";
import { PUT as deadlineRoute } from "@/app/api/organizer/campaigns/[id]/deadline/route";
import { POST as previewRoute } from "@/app/api/organizer/campaigns/[id]/updates/preview/route";
import { POST as testRoute } from "@/app/api/organizer/campaigns/[id]/updates/test/route";
import { POST as sendRoute } from "@/app/api/organizer/campaigns/[id]/updates/route";
import { closeDb, pool } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { getPublicTimeline } from "@/lib/timeline/get-timeline";
import { createCampaign, params } from "./helpers";
import { organizerRequest, organizerSession } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

async function setup(role: "owner" | "editor" | "viewer" = "editor") {
  const campaign = await createCampaign();
  const session = await organizerSession(role, campaign.organizationId);
  return { campaign, session };
}

const entry = {
  kind: "delivered",
  happenedOn: "2018-06-11",
  textEn: "The letters were handed to the White House.",
  textKo: "편지를 백악관에 전달했습니다.",
};

const update = { subjectEn: "News", bodyEn: "Hello.\n\nMore.", subjectKo: "소식", bodyKo: "안녕하세요." };

describe("the timeline", () => {
  it("takes an entry from an editor in both languages, audited, and shows it on the public page", async () => {
    const { campaign, session } = await setup();
    const res = await addRoute(
      organizerRequest("POST", `/api/organizer/campaigns/${campaign.id}/timeline`, {
        cookie: session.cookie,
        body: entry,
      }),
      params({ id: campaign.id }),
    );
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect(await getPublicTimeline(campaign.slug, "en")).toEqual({
      deadline: null,
      events: [{ id, kind: "delivered", happenedOn: "2018-06-11", text: entry.textEn }],
    });
    expect((await getPublicTimeline(campaign.slug, "ko"))!.events[0]!.text).toBe(entry.textKo);
    const audit = await pool.query(`SELECT action, details FROM audit_event WHERE target_id = $1`, [campaign.id]);
    expect(audit.rows).toEqual([
      { action: "timeline.added", details: { eventId: id, kind: "delivered", happenedOn: "2018-06-11" } },
    ]);

    const removed = await removeRoute(
      organizerRequest("DELETE", `/api/organizer/campaigns/${campaign.id}/timeline/${id}`, { cookie: session.cookie }),
      params({ id: campaign.id, eventId: id }),
    );
    expect(removed.status).toBe(200);
    expect((await getPublicTimeline(campaign.slug, "en"))!.events).toEqual([]);
    const actions = await pool.query(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY created_at`, [
      campaign.id,
    ]);
    expect(actions.rows.map((r) => r.action)).toEqual(["timeline.added", "timeline.removed"]);
  });

  it("refuses bad input field by field, a viewer, and another organization's campaign, storing nothing", async () => {
    const { campaign, session } = await setup();
    const bad = await addRoute(
      organizerRequest("POST", `/api/organizer/campaigns/${campaign.id}/timeline`, {
        cookie: session.cookie,
        body: { kind: "party", happenedOn: "2018-02-30", textEn: " ", textKo: entry.textKo },
      }),
      params({ id: campaign.id }),
    );
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(Object.keys(body.error.fields).sort()).toEqual(["happenedOn", "kind", "textEn"]);
    expect(body.error.fields.happenedOn.code).toBe("invalid_date");

    const viewer = await organizerSession("viewer", campaign.organizationId);
    const asViewer = await addRoute(
      organizerRequest("POST", `/api/organizer/campaigns/${campaign.id}/timeline`, {
        cookie: viewer.cookie,
        body: entry,
      }),
      params({ id: campaign.id }),
    );
    expect(asViewer.status).toBe(403);
    const stranger = await organizerSession("owner");
    const asStranger = await addRoute(
      organizerRequest("POST", `/api/organizer/campaigns/${campaign.id}/timeline`, {
        cookie: stranger.cookie,
        body: entry,
      }),
      params({ id: campaign.id }),
    );
    expect(asStranger.status).toBe(404);
    const rows = await pool.query(`SELECT 1 FROM campaign_event WHERE campaign_id = $1`, [campaign.id]);
    expect(rows.rows).toEqual([]);
  });

  it("sets and clears the deadline, which the public read gives as an ISO moment", async () => {
    const { campaign, session } = await setup("owner");
    const put = (deadline: string) =>
      deadlineRoute(
        organizerRequest("PUT", `/api/organizer/campaigns/${campaign.id}/deadline`, {
          cookie: session.cookie,
          body: { deadline },
        }),
        params({ id: campaign.id }),
      );
    expect((await put("2018-06-12T09:00")).status).toBe(200);
    expect((await getPublicTimeline(campaign.slug, "en"))!.deadline).toBe("2018-06-12T09:00:00.000Z");
    const bad = await put("June 12");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.deadline.code).toBe("invalid_date");
    expect((await getPublicTimeline(campaign.slug, "en"))!.deadline).toBe("2018-06-12T09:00:00.000Z");
    expect((await put("")).status).toBe(200);
    expect((await getPublicTimeline(campaign.slug, "en"))!.deadline).toBeNull();
    const audit = await pool.query(
      `SELECT details FROM audit_event WHERE target_id = $1 AND action = 'deadline.changed' ORDER BY created_at`,
      [campaign.id],
    );
    expect(audit.rows.map((r) => r.details)).toEqual([
      { from: null, to: "2018-06-12T09:00:00.000Z" },
      { from: "2018-06-12T09:00:00.000Z", to: null },
    ]);
  });
});

describe("the update composer's routes", () => {
  it("previews in both languages and sends a test of both to the organizer only", async () => {
    const { campaign, session } = await setup();
    const preview = await previewRoute(
      organizerRequest("POST", `/api/organizer/campaigns/${campaign.id}/updates/preview`, {
        cookie: session.cookie,
        body: update,
      }),
      params({ id: campaign.id }),
    );
    expect(preview.status).toBe(200);
    const { en, ko } = await preview.json();
    expect(en.subject).toBe("News");
    expect(en.text).toContain("Hello.\n\nMore.");
    expect(en.text).toMatch(/Unsubscribe with one click: http/);
    expect(ko.subject).toBe("소식");

    const test = await testRoute(
      organizerRequest("POST", `/api/organizer/campaigns/${campaign.id}/updates/test`, {
        cookie: session.cookie,
        body: update,
      }),
      params({ id: campaign.id }),
    );
    expect(test.status).toBe(201);
    const rows = await pool.query(
      `SELECT "to", locale FROM outbox_message WHERE campaign_id = $1 AND kind = 'campaign.update' ORDER BY locale`,
      [campaign.id],
    );
    expect(rows.rows).toEqual([
      { to: session.email, locale: "en" },
      { to: session.email, locale: "ko" },
    ]);
    // Nothing was stored as an update to signers.
    expect((await pool.query(`SELECT 1 FROM campaign_mailing WHERE campaign_id = $1`, [campaign.id])).rows).toEqual([]);
  });

  it("sends only for editors and owners, and refuses an empty update field by field", async () => {
    const { campaign, session } = await setup();
    const viewer = await organizerSession("viewer", campaign.organizationId);
    const send = (cookie: string, body: unknown) =>
      sendRoute(
        organizerRequest("POST", `/api/organizer/campaigns/${campaign.id}/updates`, { cookie, body }),
        params({ id: campaign.id }),
      );
    expect((await send(viewer.cookie, update)).status).toBe(403);
    const bad = await send(session.cookie, { ...update, subjectKo: "", bodyEn: " " });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["bodyEn", "subjectKo"]);
    expect((await pool.query(`SELECT 1 FROM campaign_mailing WHERE campaign_id = $1`, [campaign.id])).rows).toEqual([]);
    expect((await send(session.cookie, update)).status).toBe(201);
    expect((await pool.query(`SELECT kind FROM campaign_mailing WHERE campaign_id = $1`, [campaign.id])).rows).toEqual([
      { kind: "update" },
    ]);
  });
});
