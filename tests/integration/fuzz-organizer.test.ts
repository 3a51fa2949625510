// Fuzzing the organizer API with generated input: every route with garbage ids, cookies, origins, query strings and
// bodies; the campaign and invitation bodies field by field. Never a 5xx, errors in the documented shape, nothing
// stored that the schema forbids, Korean and emoji saved and exported exactly. Seed and runs: fuzz/config.ts.
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import * as campaigns from "@/app/api/organizer/campaigns/route";
import * as campaign from "@/app/api/organizer/campaigns/[id]/route";
import * as openRoute from "@/app/api/organizer/campaigns/[id]/open/route";
import * as closeRoute from "@/app/api/organizer/campaigns/[id]/close/route";
import * as counts from "@/app/api/organizer/campaigns/[id]/counts/route";
import * as deliveries from "@/app/api/organizer/campaigns/[id]/deliveries/route";
import * as signersExport from "@/app/api/organizer/campaigns/[id]/exports/signers/route";
import * as countsExport from "@/app/api/organizer/campaigns/[id]/exports/counts/route";
import * as held from "@/app/api/organizer/campaigns/[id]/held-letters/route";
import * as release from "@/app/api/organizer/letters/[id]/release/route";
import * as reject from "@/app/api/organizer/letters/[id]/reject/route";
import * as exportLog from "@/app/api/organizer/exports/route";
import * as invitations from "@/app/api/organizer/invitations/route";
import * as accept from "@/app/api/organizer/invitations/accept/route";
import * as signals from "@/app/api/organizer/campaigns/[id]/signals/route";
import * as invalidations from "@/app/api/organizer/campaigns/[id]/invalidations/route";
import * as invalidationPreview from "@/app/api/organizer/campaigns/[id]/invalidations/preview/route";
import * as nearCopies from "@/app/api/organizer/campaigns/[id]/near-copies/reject/route";
import * as reasonApprove from "@/app/api/organizer/reasons/[id]/approve/route";
import * as reasonReject from "@/app/api/organizer/reasons/[id]/reject/route";
import * as restore from "@/app/api/organizer/invalidations/[id]/restore/route";
import * as team from "@/app/api/organizer/team/route";
import * as member from "@/app/api/organizer/members/[id]/route";
import * as invitation from "@/app/api/organizer/invitations/[id]/route";
import * as resendInvitation from "@/app/api/organizer/invitations/[id]/resend/route";
import * as signerLookup from "@/app/api/organizer/campaigns/[id]/signers/lookup/route";
import * as signerErase from "@/app/api/organizer/campaigns/[id]/signers/erase/route";
import * as signatures from "@/app/api/campaigns/[slug]/signatures/route";
import * as duplicate from "@/app/api/organizer/campaigns/[id]/duplicate/route";
import * as lettersExport from "@/app/api/organizer/campaigns/[id]/exports/letters/route";
import * as lettersPrint from "@/app/api/organizer/campaigns/[id]/exports/letters-print/route";
import { neutraliseFormula } from "@/lib/infra/csv";
import { closeDb, prisma, pool } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { campaignInputFor } from "@/lib/organizers/campaigns/campaign-schema";

const campaignInput = campaignInputFor(["example.test"]);
import { acceptInvitationInput, invitationInput } from "@/lib/organizers/team/invitation-schema";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { emailKey } from "@/lib/infra/validation/normalize-email";
import { formToken, params } from "./helpers";
import { appOrigin, campaignWithData, organizerSession, password, validCampaign } from "./organizer-helpers";
import {
  acceptLanguage,
  anyText,
  contentType,
  fieldValue,
  garbageParam,
  hostileText,
  koreanEmojiText,
  mutated,
  rawBody,
  wrongType,
} from "./fuzz/arbitraries";
import { fuzz, fuzzTimeout } from "./fuzz/config";
import { expectContract, expectStorableStrings, request, type Sent } from "./fuzz/contract";
import { freshEmails, latestMessage, uniqueEmail } from "./fuzz/fixtures";
import { campaignArb, freshSlugs, koreanCampaign, storedCampaign } from "./fuzz/organizer-fixtures";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type Fixture = Awaited<ReturnType<typeof campaignWithData>>;
const allowed = [200, 201, 400, 401, 403, 404, 409, 413, 415, 422] as const;
const sameOrigin = { origin: appOrigin };

/** Every organizer route: its method, and which fixture id (campaign or letter) its [id] takes. */
const routes: {
  name: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  handler: Handler;
  id?: (f: Fixture) => string;
  body?: true;
}[] = [
  { name: "GET campaigns", method: "GET", handler: campaigns.GET as Handler },
  { name: "POST campaigns", method: "POST", handler: campaigns.POST as Handler, body: true },
  { name: "GET campaign", method: "GET", handler: campaign.GET, id: (f) => f.campaign.id },
  { name: "PATCH campaign", method: "PATCH", handler: campaign.PATCH, id: (f) => f.campaign.id, body: true },
  { name: "POST open", method: "POST", handler: openRoute.POST, id: (f) => f.campaign.id },
  { name: "POST close", method: "POST", handler: closeRoute.POST, id: (f) => f.campaign.id },
  { name: "GET counts", method: "GET", handler: counts.GET, id: (f) => f.campaign.id },
  { name: "GET deliveries", method: "GET", handler: deliveries.GET, id: (f) => f.campaign.id },
  { name: "GET signers export", method: "GET", handler: signersExport.GET, id: (f) => f.campaign.id },
  { name: "GET counts export", method: "GET", handler: countsExport.GET, id: (f) => f.campaign.id },
  { name: "GET held letters", method: "GET", handler: held.GET, id: (f) => f.campaign.id },
  { name: "POST release", method: "POST", handler: release.POST, id: (f) => f.letters[0]! },
  { name: "POST reject", method: "POST", handler: reject.POST, id: (f) => f.letters[1]! },
  { name: "GET export log", method: "GET", handler: exportLog.GET as Handler },
  { name: "POST invitations", method: "POST", handler: invitations.POST as Handler, body: true },
  { name: "POST invitations/accept", method: "POST", handler: accept.POST as Handler, body: true },
  { name: "GET signals", method: "GET", handler: signals.GET, id: (f) => f.campaign.id },
  { name: "GET invalidations", method: "GET", handler: invalidations.GET, id: (f) => f.campaign.id },
  {
    name: "POST invalidation preview",
    method: "POST",
    handler: invalidationPreview.POST,
    id: (f) => f.campaign.id,
    body: true,
  },
  { name: "POST invalidations", method: "POST", handler: invalidations.POST, id: (f) => f.campaign.id, body: true },
  { name: "POST near-copies reject", method: "POST", handler: nearCopies.POST, id: (f) => f.campaign.id, body: true },
  { name: "POST restore", method: "POST", handler: restore.POST, id: (f) => f.actions[0]! },
  // The fixture's campaign id is no signature's: these answer 404 for it, as for garbage.
  { name: "POST reason approve", method: "POST", handler: reasonApprove.POST, id: (f) => f.campaign.id },
  { name: "POST reason reject", method: "POST", handler: reasonReject.POST, id: (f) => f.campaign.id },
  { name: "GET team", method: "GET", handler: team.GET as Handler },
  // The fixture's campaign id is no member's or invitation's: these answer 404 for it, as for garbage.
  { name: "PATCH member", method: "PATCH", handler: member.PATCH, id: (f) => f.campaign.id, body: true },
  { name: "DELETE member", method: "DELETE", handler: member.DELETE, id: (f) => f.campaign.id },
  { name: "POST invitation resend", method: "POST", handler: resendInvitation.POST, id: (f) => f.campaign.id },
  { name: "DELETE invitation", method: "DELETE", handler: invitation.DELETE, id: (f) => f.campaign.id },
  { name: "POST signer lookup", method: "POST", handler: signerLookup.POST, id: (f) => f.campaign.id, body: true },
  { name: "POST signer erase", method: "POST", handler: signerErase.POST, id: (f) => f.campaign.id, body: true },
  { name: "POST duplicate", method: "POST", handler: duplicate.POST, id: (f) => f.campaign.id },
  { name: "GET letters export", method: "GET", handler: lettersExport.GET, id: (f) => f.campaign.id },
  { name: "GET letters print", method: "GET", handler: lettersPrint.GET, id: (f) => f.campaign.id },
];

const headerText = fc.stringMatching(/^[\x21-\x7e]{0,120}$/);
const query = fc.oneof(
  fc.constant(""),
  fc.constantFrom("letters", "addresses", "letters,addresses", ",,,", "LETTERS"),
  hostileText(20),
  anyText(10).map((s) => s.slice(0, 2000)),
);

describe("fuzz: every organizer route", () => {
  it(
    "answers garbage ids, cookies, origins, query strings and bodies in the contract: 401 signed out, 403 cross-site, 404 unknown ids",
    async () => {
      const own = await organizerSession("owner");
      const fixture = await campaignWithData(own.organization.id);
      await fuzz(
        fc.asyncProperty(
          fc.record({
            route: fc.constantFrom(...routes),
            id: fc.oneof(fc.constant(null), garbageParam),
            cookie: fc.oneof(
              fc.constant("own"),
              fc.constant("none"),
              headerText.map((c) => `open-letters.session_token=${c}`),
            ),
            origin: fc.constantFrom(
              appOrigin,
              undefined,
              "http://evil.example",
              "null",
              "http://localhost:3000.evil.example",
            ),
            lang: acceptLanguage,
            include: query,
            body: fc.option(fc.tuple(rawBody(fc.constant({ a: 1 }), 16 * 1024), contentType), { nil: undefined }),
          }),
          async ({ route, id, cookie, origin, lang, include, body }) => {
            const target = id === null || !route.id ? (route.id?.(fixture) ?? "") : id;
            const url = new URL(`${appOrigin}/api/organizer/x`);
            if (include) url.searchParams.set("include", include);
            const headers: Record<string, string> = { "accept-language": lang };
            if (cookie === "own") headers.cookie = own.cookie;
            else if (cookie !== "none") headers.cookie = cookie;
            if (origin) headers.origin = origin;
            const sent: Sent =
              body && route.method !== "GET" ? { body: body[0], contentType: body[1], headers } : { headers };
            const res = await route.handler(
              request(route.method, `${url.pathname}${url.search}`, sent),
              params({ id: target }),
            );
            const answer = await expectContract(res, allowed, lang);
            const stateChange = route.method !== "GET";
            // Any request whose Origin names another site is refused, reads too; a state change also needs ours.
            const foreign = origin !== undefined && origin !== appOrigin;
            if (foreign || (stateChange && origin !== appOrigin)) expect(answer.status).toBe(403);
            else if (route.name === "POST invitations/accept") expect(answer.status).not.toBe(401);
            else if (cookie !== "own") expect(answer.status).toBe(401);
            else if (route.id && id !== null) expect(answer.status).toBe(404);
          },
        ),
        3,
      );
    },
    fuzzTimeout(3),
  );
});

const campaignFields: Record<string, fc.Arbitrary<unknown>> = {
  slug: fc.oneof(fieldValue(80), fc.constantFrom("UPPER-case", "a--b", "-a", "ab", "캠페인", "a".repeat(81))),
  goal: fc.oneof(fieldValue(), fc.constantFrom("12", " 7 ", "1e3", "0x10", "", true, [5], 1.5, 1e9)),
  targetEmail: fc.oneof(fieldValue(254), fc.constantFrom(`a@${"b".repeat(300)}.com`, "a@b.c\u0000")),
  senderEmail: fc.oneof(fieldValue(300), fc.constantFrom("   ", "a@b.c\r\nBcc: x@y.z", "\u0000")),
  defaultLocale: fieldValue(),
  letterDelivery: fieldValue(),
  risk: fieldValue(),
  digestIntervalMinutes: fc.oneof(fieldValue(), fc.constantFrom(true, "30", -5, 1e20)),
  throttlePerMinute: fc.oneof(fieldValue(), fc.constantFrom(false, "1", 0, 1001)),
  holdUntil: fc.oneof(
    fieldValue(),
    fc.constantFrom(
      -8.64e15,
      8.64e15,
      "275760-09-13",
      "-271821-04-20T00:00:00Z",
      "0001-01-01",
      "9999-12-31T23:59:59Z",
      "10000-01-01",
      true,
      0,
    ),
  ),
  opensAt: fc.oneof(fieldValue(), fc.constantFrom(-8.64e15, "0001-01-01", "2030-02-30")),
  closesAt: fc.oneof(fieldValue(), fc.constantFrom(8.64e15, "1999-01-01")),
  texts: fieldValue(),
  "texts.en": fieldValue(),
  ...Object.fromEntries(
    ["title", "summary", "targetName", "context", "letter", "sources"].flatMap((f) => [
      [`texts.en.${f}`, fieldValue(f === "context" || f === "letter" ? 20_000 : 1000)],
      [`texts.ko.${f}`, fieldValue(200)],
    ]),
  ),
  topics: fc.oneof(
    fieldValue(),
    fc.array(wrongType, { maxLength: 3 }),
    fc.constant(Array.from({ length: 31 }, (_, i) => ({ key: `k${i}` }))),
  ),
  "topics.0": fieldValue(),
  "topics.0.key": fc.oneof(fieldValue(60), fc.constantFrom("__proto__", "constructor", "Dup")),
  "topics.0.texts.ko.fact": fieldValue(2000),
  "topics.0.texts.en.paragraph": fieldValue(5000),
};

/** What a 200/201 saved: exactly what the schema makes of the submission, and itself valid. */
async function expectStoredCampaign(id: string, submitted: unknown) {
  const stored = await storedCampaign(id);
  expectStorableStrings(stored as never);
  for (const locale of ["en", "ko"] as const) expectStorableStrings(stored.texts[locale]);
  expect(campaignInput.parse(stored)).toEqual(stored);
  expect(stored).toEqual(campaignInput.parse(submitted));
  return stored;
}

describe("fuzz: POST and PATCH /api/organizer/campaigns", () => {
  const create = (cookie: string, sent: Sent) =>
    campaigns.POST(
      request("POST", "/api/organizer/campaigns", { ...sent, headers: { cookie, ...sameOrigin, ...sent.headers } }),
      params({ id: "" }),
    );
  const update = (cookie: string, id: string, sent: Sent) =>
    campaign.PATCH(
      request("PATCH", `/api/organizer/campaigns/${id}`, {
        ...sent,
        headers: { cookie, ...sameOrigin, ...sent.headers },
      }),
      params({ id }),
    );

  it(
    "answers raw bodies (not JSON, truncated, invalid UTF-8, repeated or prototype keys, over 256 KiB) in the contract",
    async () => {
      const own = await organizerSession("editor");
      await fuzz(
        fc.asyncProperty(
          rawBody(campaignArb(), 256 * 1024),
          contentType,
          acceptLanguage,
          async (generated, type, lang) => {
            const body = freshSlugs(generated);
            const answer = await expectContract(
              await create(own.cookie, { body, contentType: type, headers: { "accept-language": lang } }),
              allowed,
              lang,
            );
            if (answer.status === 201)
              await expectStoredCampaign(
                (answer.body as { id: string }).id,
                JSON.parse(
                  new TextDecoder("utf-8", { fatal: true }).decode(
                    typeof body === "string" ? new TextEncoder().encode(body) : body,
                  ),
                ),
              );
          },
        ),
      );
    },
    fuzzTimeout(),
  );

  it(
    "answers wrong types, hostile text, odd numbers and dates at every field (nested too) in the contract; saves only what the schema allows",
    async () => {
      const own = await organizerSession("editor");
      const existing = await campaignWithData(own.organization.id);
      await fuzz(
        fc.asyncProperty(
          mutated(campaignArb(), campaignFields),
          fc.boolean(),
          acceptLanguage,
          async (generated, patch, lang) => {
            const input = freshSlugs(generated);
            const sent: Sent = {
              body: JSON.stringify(input),
              contentType: "application/json",
              headers: { "accept-language": lang },
            };
            const answer = await expectContract(
              patch ? await update(own.cookie, existing.campaign.id, sent) : await create(own.cookie, sent),
              allowed,
              lang,
            );
            // 413: a huge generated value can take the body over 256 KiB.
            expect([200, 201, 413, 422], `status ${answer.status}`).toContain(answer.status);
            if (answer.status < 300) await expectStoredCampaign((answer.body as { id: string }).id, input);
          },
        ),
        3,
      );
    },
    fuzzTimeout(3),
  );

  it(
    "saves Korean and emoji texts exactly as sent (after trimming) and the edit form shows them unchanged",
    async () => {
      const own = await organizerSession("editor");
      await fuzz(
        fc.asyncProperty(koreanCampaign, async (generated) => {
          const input = freshSlugs(generated);
          const answer = await expectContract(
            await create(own.cookie, { body: JSON.stringify(input), contentType: "application/json" }),
            [201],
          );
          const { id } = answer.body as { id: string };
          const stored = await expectStoredCampaign(id, input);
          for (const locale of ["en", "ko"] as const) {
            for (const [key, value] of Object.entries(input.texts[locale]))
              expect(stored.texts[locale][key as "title"], `${locale}.${key}`).toBe(value.trim());
          }
          const form = await expectContract(
            await campaign.GET(
              request("GET", `/api/organizer/campaigns/${id}`, { headers: { cookie: own.cookie } }),
              params({ id }),
            ),
            [200],
          );
          // The edit form shows the same texts, and saving the form unchanged would save the same campaign.
          const { input: shown } = form.body as { input: { texts: unknown } };
          expect(shown.texts).toEqual(stored.texts);
          const { targets, ...campaignFields } = campaignInput.parse(shown);
          expect(campaignFields).toEqual(stored);
          // The form's one target is the campaign's single one, as saved.
          expect(targets).toEqual([
            expect.objectContaining({
              email: stored.targetEmail,
              texts: {
                en: { name: stored.texts.en.targetName, office: "" },
                ko: { name: stored.texts.ko.targetName, office: "" },
              },
            }),
          ]);
        }),
      );
    },
    fuzzTimeout(),
  );
});

describe("fuzz: invitations", () => {
  const invite = (cookie: string, sent: Sent) =>
    invitations.POST(
      request("POST", "/api/organizer/invitations", { ...sent, headers: { cookie, ...sameOrigin, ...sent.headers } }),
      params({ id: "" }),
    );
  const acceptWith = (sent: Sent) =>
    accept.POST(
      request("POST", "/api/organizer/invitations/accept", { ...sent, headers: { ...sameOrigin, ...sent.headers } }),
      params({ id: "" }),
    );
  const validInvitation = fc.record({
    email: uniqueEmail,
    role: fc.constantFrom("owner", "editor", "viewer"),
    locale: fc.constantFrom("en", "ko"),
  });

  it(
    "POST /api/organizer/invitations answers any body in the contract and stores only valid invitations",
    async () => {
      const own = await organizerSession("owner");
      const fields = {
        email: fc.oneof(fieldValue(254), fc.constantFrom("x@example.test\u0000", "가@나.한국")),
        role: fc.oneof(fieldValue(), fc.constantFrom("OWNER", "admin", "__proto__")),
        locale: fieldValue(),
      };
      await fuzz(
        fc.asyncProperty(
          fc.oneof(
            mutated(validInvitation, fields).map((v) => JSON.stringify(v)),
            rawBody(validInvitation, 16 * 1024),
          ),
          acceptLanguage,
          async (generated, lang) => {
            const body = freshEmails(generated);
            const answer = await expectContract(
              await invite(own.cookie, { body, contentType: "application/json", headers: { "accept-language": lang } }),
              allowed,
              lang,
            );
            if (answer.status === 201) {
              const row = await prisma.invitation.findUniqueOrThrow({
                where: { id: (answer.body as { id: string }).id },
              });
              expectStorableStrings(row);
              const expected = invitationInput.parse(
                JSON.parse(typeof body === "string" ? body : new TextDecoder("utf-8", { fatal: true }).decode(body)),
              );
              expect({ email: row.email, role: row.role }).toEqual({ email: expected.email, role: expected.role });
            }
          },
        ),
        2,
      );
    },
    fuzzTimeout(2),
  );

  it(
    "POST /api/organizer/invitations/accept answers garbage tokens, names and passwords in the contract; a new organizer's name is valid",
    async () => {
      const own = await organizerSession("owner");
      const tokenFor = async () => {
        const res = await invite(own.cookie, {
          body: JSON.stringify(freshEmails({ email: "invitee@Example.test", role: "viewer", locale: "ko" })),
          contentType: "application/json",
        });
        const { id } = (await res.json()) as { id: string };
        const { rows } = await pool.query<{ token: string }>(
          `SELECT payload->>'token' AS token FROM outbox_message WHERE payload->>'invitationId' = $1`,
          [id],
        );
        return rows[0]!.token;
      };
      const valid = fc.record({
        token: fc.constant("TOKEN"),
        name: koreanEmojiText(),
        password: fc.constant(password),
      });
      const fields = {
        token: fc.oneof(fieldValue(100), fc.constant("x".repeat(43))),
        name: fieldValue(100),
        password: fc.oneof(
          fieldValue(256),
          fc.constantFrom("\u0000".repeat(12), "비밀번호비밀번호비밀번호", "😀".repeat(129)),
        ),
      };
      await fuzz(
        fc.asyncProperty(fc.oneof(valid, mutated(valid, fields)), async (generated) => {
          const token = await tokenFor();
          const input = JSON.parse(JSON.stringify(generated).replaceAll('"TOKEN"', JSON.stringify(token))) as Record<
            string,
            unknown
          >;
          const answer = await expectContract(
            await acceptWith({ body: JSON.stringify(input), contentType: "application/json" }),
            allowed,
          );
          if (answer.status === 201) {
            const expected = acceptInvitationInput.parse(input);
            const user = await prisma.user.findUniqueOrThrow({
              where: { email: (answer.body as { email: string }).email },
            });
            expectStorableStrings(user);
            expect(user.name).toBe(expected.name);
            expect(acceptInvitationInput.shape.name.parse(user.name)).toBe(user.name);
          }
        }),
        0.6,
      );
    },
    fuzzTimeout(2),
  );
});

describe("fuzz: the signer export", () => {
  it(
    "exports Korean and emoji names exactly as signed (formula cells neutralised)",
    async () => {
      const own = await organizerSession("editor");
      const fixture = await campaignWithData(own.organization.id);
      await fuzz(
        fc.asyncProperty(fc.uniqueArray(koreanEmojiText(), { minLength: 1, maxLength: 4 }), async (names) => {
          for (const name of names) {
            const input = freshEmails({
              name,
              email: "signer@Example.test",
              country: "KR",
              wantsUpdates: true,
              formToken: formToken("sign"),
            });
            const sent = { body: JSON.stringify(input), contentType: "application/json" };
            await expectContract(
              await signatures.POST(request("POST", "/api/campaigns/x/signatures", sent), {
                params: Promise.resolve({ slug: fixture.campaign.slug }),
              }),
              [202],
            );
            const row = await prisma.signature.findFirstOrThrow({
              where: { campaignId: fixture.campaign.id, emailKey: emailKey(input.email) },
            });
            const message = await latestMessage("signature_id", row.id);
            expect((await confirmSignature(String(message.payload.token))).status).toBe("confirmed");
          }
          const res = await signersExport.GET(
            request("GET", `/api/organizer/campaigns/${fixture.campaign.id}/exports/signers`, {
              headers: { cookie: own.cookie },
            }),
            params({ id: fixture.campaign.id }),
          );
          const answer = await expectContract(res, [200]);
          const exported = (parse(answer.text, { bom: true, columns: true }) as { name: string }[]).map((r) => r.name);
          for (const name of names) expect(exported).toContain(neutraliseFormula(name.trim()));
        }),
        0.4,
      );
    },
    fuzzTimeout(),
  );
});

// Inputs the fuzzer found that used to answer 500 or save something the schema forbids, kept as plain cases.
describe("fuzz regressions: organizer API", () => {
  const send = async (cookie: string, input: unknown, lang = "en") =>
    expectContract(
      await campaigns.POST(
        request("POST", "/api/organizer/campaigns", {
          body: JSON.stringify(input),
          contentType: "application/json",
          headers: { cookie, ...sameOrigin, "accept-language": lang },
        }),
        params({ id: "" }),
      ),
      [201, 422],
      lang,
    );
  const fieldsOf = (answer: { body: unknown }) =>
    (answer.body as { error: { fields: Record<string, { code: string }> } }).error.fields;
  let n = 0;
  const slug = () => `regression-${Date.now().toString(36)}-${++n}`;

  it("NUL, lone surrogates and control characters in campaign texts are 422 invalid_characters per field, in English and Korean", async () => {
    const own = await organizerSession("editor");
    const base = validCampaign(slug());
    for (const lang of ["en", "ko"]) {
      const input = structuredClone(base);
      input.texts.ko.context = "배경\u0000";
      input.texts.en.title = "Title\ud800";
      input.texts.en.targetName = "The\nTarget";
      input.topics[0]!.texts.ko.paragraph = "\u0007문단";
      const answer = await send(own.cookie, input, lang);
      expect(answer.status).toBe(422);
      expect(fieldsOf(answer)).toEqual({
        "texts.ko.context": { code: "invalid_characters", message: expect.any(String) },
        "texts.en.title": { code: "invalid_characters", message: expect.any(String) },
        "texts.en.targetName": { code: "invalid_characters", message: expect.any(String) },
        "topics.0.texts.ko.paragraph": { code: "invalid_characters", message: expect.any(String) },
      });
    }
  });

  it("dates Postgres cannot store (or nobody means) are 422 invalid_date, not a database error", async () => {
    const own = await organizerSession("editor");
    for (const holdUntil of [
      -8.64e15,
      8.64e15,
      "-271821-04-20T00:00:00Z",
      "+275760-09-13T00:00:00Z",
      "1000-01-01",
      true,
    ]) {
      const answer = await send(own.cookie, { ...validCampaign(slug()), holdUntil });
      expect(answer.status, String(holdUntil)).toBe(422);
      expect(fieldsOf(answer).holdUntil?.code).toBe("invalid_date");
    }
  });

  it("numbers are numbers or numeric strings: true is not a goal of 1", async () => {
    const own = await organizerSession("editor");
    for (const goal of [true, [5], "", " "]) {
      const answer = await send(own.cookie, { ...validCampaign(slug()), goal });
      expect(answer.status, JSON.stringify(goal)).toBe(422);
      expect(fieldsOf(answer).goal?.code).toBe("invalid_number");
    }
    expect((await send(own.cookie, { ...validCampaign(slug()), goal: " 25 " })).status).toBe(201);
  });

  it("a blank sender address means the default sender: stored as none, not as an empty From", async () => {
    const own = await organizerSession("editor");
    const answer = await send(own.cookie, { ...validCampaign(slug()), senderEmail: "   " });
    expect(answer.status).toBe(201);
    const saved = await prisma.campaign.findUniqueOrThrow({ where: { id: (answer.body as { id: string }).id } });
    expect(saved.senderEmail).toBeNull();
  });

  it("an invitee's name with a NUL is 422 invalid_characters, and the invitation stays usable", async () => {
    const own = await organizerSession("owner");
    const res = await invitations.POST(
      request("POST", "/api/organizer/invitations", {
        body: JSON.stringify({ email: `nul-${slug()}@example.test` }),
        contentType: "application/json",
        headers: { cookie: own.cookie, ...sameOrigin },
      }),
      params({ id: "" }),
    );
    const { id } = (await res.json()) as { id: string };
    const { rows } = await pool.query<{ token: string }>(
      `SELECT payload->>'token' AS token FROM outbox_message WHERE payload->>'invitationId' = $1`,
      [id],
    );
    const acceptAs = (name: string) =>
      accept.POST(
        request("POST", "/api/organizer/invitations/accept", {
          body: JSON.stringify({ token: rows[0]!.token, name, password }),
          contentType: "application/json",
          headers: sameOrigin,
        }),
        params({ id: "" }),
      );
    const refused = await expectContract(await acceptAs("Kim\u0000"), [422]);
    expect(fieldsOf(refused).name?.code).toBe("invalid_characters");
    expect((await expectContract(await acceptAs("김 👩🏽‍💻"), [201])).status).toBe(201);
  });
});
