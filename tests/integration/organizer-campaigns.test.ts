// Campaign management: create and edit in both languages, validation errors per field in the reader's language,
// open and close (closing stops signatures).
import { afterAll, describe, expect, it } from "vitest";
import * as campaigns from "@/app/api/organizer/campaigns/route";
import * as campaign from "@/app/api/organizer/campaigns/[id]/route";
import * as openRoute from "@/app/api/organizer/campaigns/[id]/open/route";
import * as closeRoute from "@/app/api/organizer/campaigns/[id]/close/route";
import { POST as sign } from "@/app/api/campaigns/[slug]/signatures/route";
import { closeDb, prisma } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { jsonRequest, params, signer } from "./helpers";
import { organizerRequest, organizerSession, validCampaign } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

const slug = () => `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

describe("campaign management", () => {
  it("creates a draft in both languages with topics, edits it, opens it to signatures and closes it", async () => {
    const editor = await organizerSession("editor");
    const input = validCampaign(slug());
    const created = await campaigns.POST(
      organizerRequest("POST", "/api/organizer/campaigns", { cookie: editor.cookie, body: input }),
      params({}),
    );
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const row = await prisma.campaign.findUniqueOrThrow({
      where: { id },
      include: { translations: true, topics: { include: { translations: true } } },
    });
    expect(row).toMatchObject({
      status: "draft",
      organizationId: editor.organization.id,
      goal: 1000,
      targetEmail: "president@example.test",
      risk: "standard",
    });
    expect(row.translations.map((t) => t.locale).sort()).toEqual(["en", "ko"]);
    expect(row.topics[0]!.translations).toHaveLength(2);

    // A draft takes no signatures.
    expect(
      (await sign(jsonRequest(`/api/campaigns/${input.slug}/signatures`, signer()), params({ slug: input.slug })))
        .status,
    ).toBe(404);

    const edited = {
      ...input,
      goal: 5000,
      risk: "at_risk",
      texts: { ...input.texts, ko: { ...input.texts.ko, title: "새 제목" } },
    };
    const patch = await campaign.PATCH(
      organizerRequest("PATCH", `/api/organizer/campaigns/${id}`, { cookie: editor.cookie, body: edited }),
      params({ id }),
    );
    expect(patch.status).toBe(200);
    const read = await (
      await campaign.GET(
        organizerRequest("GET", `/api/organizer/campaigns/${id}`, { cookie: editor.cookie }),
        params({ id }),
      )
    ).json();
    expect(read.input.goal).toBe(5000);
    // At risk: the sign form pre-selects "initials and country".
    expect(read.input.risk).toBe("at_risk");
    expect(read.input.texts.ko.title).toBe("새 제목");
    expect(read.input.topics[0].key).toBe("prison-camps");

    expect(
      (await openRoute.POST(organizerRequest("POST", "/x", { cookie: editor.cookie }), params({ id }))).status,
    ).toBe(200);
    expect(
      (await sign(jsonRequest(`/api/campaigns/${input.slug}/signatures`, signer()), params({ slug: input.slug })))
        .status,
    ).toBe(202);

    expect(
      (await closeRoute.POST(organizerRequest("POST", "/x", { cookie: editor.cookie }), params({ id }))).status,
    ).toBe(200);
    const closed = await sign(
      jsonRequest(`/api/campaigns/${input.slug}/signatures`, signer()),
      params({ slug: input.slug }),
    );
    expect(closed.status).toBe(404);
    expect((await closed.json()).error.code).toBe("campaign_closed");
    // Closing starts the retention period; closing again does not restart it; reopening stops it.
    const closedAt = (await prisma.campaign.findUniqueOrThrow({ where: { id } })).closedAt;
    expect(closedAt).toBeInstanceOf(Date);
    await closeRoute.POST(organizerRequest("POST", "/x", { cookie: editor.cookie }), params({ id }));
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id } })).closedAt).toEqual(closedAt);
    await openRoute.POST(organizerRequest("POST", "/x", { cookie: editor.cookie }), params({ id }));
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id } })).closedAt).toBeNull();
  });

  it.each([
    [
      "en",
      {
        title: "This field is required.",
        goal: "This number is too small.",
        email: "Enter an email address like name@example.com.",
        closes: "The closing date must come after the opening date.",
      },
    ],
    [
      "ko",
      {
        title: "필수 입력 항목입니다.",
        goal: "숫자가 너무 작습니다.",
        email: null,
        closes: "마감 시각은 시작 시각보다 뒤여야 합니다.",
      },
    ],
  ] as const)("answers 422 with per-field errors in %s", async (locale, expected) => {
    const editor = await organizerSession("editor");
    const input = validCampaign("Not A Slug!");
    const bad = {
      ...input,
      goal: 0,
      targetEmail: "not-an-email",
      opensAt: "2027-01-02T00:00:00Z",
      closesAt: "2027-01-01T00:00:00Z",
      texts: { en: input.texts.en, ko: { ...input.texts.ko, title: "  " } },
      topics: [
        { ...input.topics[0]!, texts: { ...input.topics[0]!.texts, en: { ...input.topics[0]!.texts.en, fact: "" } } },
      ],
    };
    const res = await campaigns.POST(
      organizerRequest("POST", "/api/organizer/campaigns", {
        cookie: editor.cookie,
        body: bad,
        headers: { "accept-language": locale },
      }),
      params({}),
    );
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields).sort()).toEqual([
      "closesAt",
      "goal",
      "slug",
      "targetEmail",
      "texts.ko.title",
      "topics.0.texts.en.fact",
    ]);
    expect(error.fields["texts.ko.title"]).toEqual({ code: "required", message: expected.title });
    expect(error.fields.goal).toEqual({ code: "too_small", message: expected.goal });
    expect(error.fields.closesAt.message).toBe(expected.closes);
    expect(error.fields.slug.code).toBe("invalid_slug");
    if (expected.email) expect(error.fields.targetEmail.message).toBe(expected.email);
    else expect(error.fields.targetEmail.message).toMatch(/[가-힣]/);
    expect(await prisma.campaign.count({ where: { organizationId: editor.organization.id } })).toBe(0);
  });

  it("reports a slug already in use on its field", async () => {
    const editor = await organizerSession("editor");
    const input = validCampaign(slug());
    expect(
      (await campaigns.POST(organizerRequest("POST", "/x", { cookie: editor.cookie, body: input }), params({}))).status,
    ).toBe(201);
    const again = await campaigns.POST(
      organizerRequest("POST", "/x", { cookie: editor.cookie, body: input, headers: { "accept-language": "ko" } }),
      params({}),
    );
    expect(again.status).toBe(422);
    expect((await again.json()).error.fields.slug).toEqual({
      code: "slug_taken",
      message: "다른 캠페인이 이미 이 주소를 사용합니다.",
    });
  });
});
