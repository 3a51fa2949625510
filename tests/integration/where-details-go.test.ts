// What reaches a campaign's target, read from a real SMTP sink: each delivery kind (a letter on its own, a digest with
// its CSV) for each of the three ways a person may appear (full, initials, counted) against the table below, which
// says what the "Where your details go" page says. And the composer's preview is the delivered email itself: From,
// Reply-To, subject and both bodies, field by field. The public signer wall is held to the page's table the same way.
import { randomUUID } from "node:crypto";
import { simpleParser, type AddressObject } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import type { Appearance } from "@/lib/campaigns/appearance";
import { smtpSinkForFile, type ReceivedMail } from "./smtp-sink";

const sink = smtpSinkForFile();
const sender = { name: "Test Coalition", address: "letters@coalition.example.test" };

let m: {
  db: typeof import("@/lib/infra/db");
  route: typeof import("@/app/api/campaigns/[slug]/letters/route");
  confirm: typeof import("@/lib/letters/confirm-letter");
  schema: typeof import("@/lib/letters/schema");
  composer: typeof import("@/lib/letters/get-composer-campaign");
  compose: typeof import("@/lib/delivery/compose-letter-delivery");
  schedule: typeof import("@/lib/delivery/schedule-deliveries");
  deliver: typeof import("@/lib/worker/deliver-outbox-message");
  messages: typeof import("@/lib/infra/i18n/messages");
  sign: typeof import("@/lib/signatures/sign-petition");
  signSchema: typeof import("@/lib/signatures/schema");
  confirmSignature: typeof import("@/lib/signatures/confirm-signature");
  helpers: typeof import("./helpers");
  initials: typeof import("@/lib/delivery/initials-of");
  wall: typeof import("@/lib/signer-wall/read-signer-wall");
  approveReason: typeof import("@/app/api/organizer/reasons/[id]/approve/route");
  organizers: typeof import("./organizer-helpers");
};

beforeAll(async () => {
  m = {
    db: await import("@/lib/infra/db"),
    route: await import("@/app/api/campaigns/[slug]/letters/route"),
    confirm: await import("@/lib/letters/confirm-letter"),
    schema: await import("@/lib/letters/schema"),
    composer: await import("@/lib/letters/get-composer-campaign"),
    compose: await import("@/lib/delivery/compose-letter-delivery"),
    schedule: await import("@/lib/delivery/schedule-deliveries"),
    deliver: await import("@/lib/worker/deliver-outbox-message"),
    messages: await import("@/lib/infra/i18n/messages"),
    sign: await import("@/lib/signatures/sign-petition"),
    signSchema: await import("@/lib/signatures/schema"),
    confirmSignature: await import("@/lib/signatures/confirm-signature"),
    helpers: await import("./helpers"),
    initials: await import("@/lib/delivery/initials-of"),
    wall: await import("@/lib/signer-wall/read-signer-wall"),
    approveReason: await import("@/app/api/organizer/reasons/[id]/approve/route"),
    organizers: await import("./organizer-helpers"),
  };
});

const attempt = { retryCount: 0, retryLimit: 3 };

/** A person whose every detail can be looked for in what the target receives. */
function person() {
  const mark = randomUUID().slice(0, 8);
  return {
    name: `Kim Writer Q${mark}`,
    email: `writer.${mark}@example.test`,
    street: `1 Main St ${mark}`,
    city: `Albany`,
    region: "NY",
    postalCode: "12207",
    country: "US",
    comment: `I sign for my aunt ${mark}`,
    ip: `203.0.113.${Math.floor(Math.random() * 200) + 1}`,
  };
}
type Person = ReturnType<typeof person>;

async function openCampaign() {
  const campaign = await m.helpers.campaignWithTopics();
  return m.db.prisma.campaign.update({
    where: { id: campaign.id },
    data: { senderEmail: `${sender.name} <${sender.address}>`, throttlePerMinute: 100, letterHoldHours: 0 },
  });
}

/** Sends whatever is pending in the outbox for `kindPrefix` (the confirmation emails, or the deliveries). */
async function sendPending(campaignId: string, kindPrefix: string) {
  const { rows } = await m.db.pool.query<{ id: string }>(
    `SELECT id FROM outbox_message WHERE campaign_id = $1 AND kind LIKE $2 AND status = 'pending' ORDER BY created_at`,
    [campaignId, `${kindPrefix}%`],
  );
  for (const { id } of rows) expect(await m.deliver.deliverOutboxMessage(id, attempt)).toBe("sent");
}

/** A letter written through the public API exactly as the composer posts it, and confirmed. */
async function writeAndConfirm(
  slug: string,
  p: Person,
  replyConsent: boolean,
  appearance: Appearance,
  beforeConfirm?: (confirmationId: string) => Promise<void>,
) {
  const input = {
    topics: ["prison-camps"],
    subject: "Please raise the camps",
    body: `Dear Mr. President,\n\nPlease raise the prison camps at the summit.\n\nThey hold tens of thousands of people.\n\nSincerely,`,
    language: "en",
    name: p.name,
    email: p.email,
    street: p.street,
    city: p.city,
    region: p.region,
    postalCode: p.postalCode,
    country: p.country,
    replyConsent,
    appearance,
    locale: "en",
  };
  const res = await m.route.POST(
    m.helpers.jsonRequest(`/api/campaigns/${slug}/letters`, { ...input, formToken: m.helpers.formToken("letter") }),
    m.helpers.params({ slug }),
  );
  expect(res.status).toBe(202);
  const { rows } = await m.db.pool.query<{ id: string; token: string }>(
    `SELECT m.id, m.payload->>'token' AS token FROM outbox_message m JOIN letter l ON l.id = m.letter_id WHERE l.email_key = $1`,
    [p.email.toLowerCase()],
  );
  await beforeConfirm?.(rows[0]!.id);
  expect((await m.confirm.confirmLetter(rows[0]!.token)).status).toBe("confirmed");
  return input;
}

async function addresses(mail: ReceivedMail) {
  const parsed = await simpleParser(mail.raw);
  const one = (a: AddressObject | AddressObject[] | undefined) => {
    const value = (Array.isArray(a) ? a[0] : a)?.value[0];
    return { name: value?.name ?? "", address: value?.address ?? "" };
  };
  return { from: one(parsed.from), replyTo: one(parsed.replyTo), headers: parsed.headerLines };
}

/** Everything the target receives of one message, as one string: headers, both bodies, each attachment. */
const everything = (mail: ReceivedMail) =>
  [mail.raw.toString("utf8"), mail.text, mail.html, ...mail.attachments.map((a) => a.content.toString("utf8"))].join(
    "\n",
  );

/**
 * What each delivery kind carries of a person, as the "Where your details go" page says (privacyPage.target in the
 * messages): `shows` must be there, `never` must not be anywhere in the message, headers and attachments included.
 */
const table = {
  "letter, full, no reply consent": {
    shows: ["name", "city", "region", "country", "letter"],
    never: ["email", "street", "postalCode", "ip"],
  },
  "letter, full, reply consent": {
    shows: ["name", "city", "region", "country", "letter", "email"],
    never: ["street", "postalCode", "ip"],
  },
  "letter, initials, reply consent": {
    shows: ["initials", "country", "letter", "email"],
    never: ["name", "city", "region", "street", "postalCode", "ip"],
  },
  "letter, counted, no reply consent": {
    shows: ["anonymous", "letter"],
    never: ["name", "initials", "city", "region", "country", "email", "street", "postalCode", "ip"],
  },
  "digest, full": {
    shows: ["name", "region", "country"],
    never: ["email", "street", "postalCode", "comment", "ip"],
  },
  "digest, initials": {
    shows: ["initials", "country"],
    never: ["name", "region", "email", "street", "postalCode", "comment", "ip"],
  },
  "digest, counted": {
    shows: ["counted"],
    never: ["name", "initials", "region", "country", "email", "street", "postalCode", "comment", "ip"],
  },
} as const;

type Row = keyof typeof table;
type Detail = (typeof table)[Row]["shows" | "never"][number];

/** How a detail reads in a delivery written in English (the CSV gives the country as its code). */
function readable(p: Person, detail: Detail, row: Row): string {
  switch (detail) {
    case "region":
      return "New York";
    case "country":
      return row.startsWith("digest") ? `,${p.country}` : "United States";
    case "letter":
      return "Please raise the prison camps at the summit.";
    case "initials":
      return m.initials.initialsOf(p.name)!;
    case "anonymous":
      return "a writer who asked not to be named";
    case "counted":
      return "1 signer asked to be counted without a name";
    default:
      return p[detail];
  }
}

function checkAgainstTable(mail: ReceivedMail, p: Person, row: Row) {
  const all = everything(mail);
  for (const detail of table[row].shows) expect(all, `${row} shows ${detail}`).toContain(readable(p, detail, row));
  for (const detail of table[row].never) {
    expect(all.toLowerCase(), `${row} never carries ${detail}`).not.toContain(readable(p, detail, row).toLowerCase());
  }
}

const letterCases = [
  { appearance: "full", replyConsent: false, row: "letter, full, no reply consent" },
  { appearance: "full", replyConsent: true, row: "letter, full, reply consent" },
  { appearance: "initials", replyConsent: true, row: "letter, initials, reply consent" },
  { appearance: "counted", replyConsent: false, row: "letter, counted, no reply consent" },
] as const;

describe("a letter delivered on its own", () => {
  for (const { appearance, replyConsent, row } of letterCases) {
    it(`${row}: the preview is what the sink receives, field by field`, async () => {
      const campaign = await openCampaign();
      const p = person();
      const input = await writeAndConfirm(campaign.slug, p, replyConsent, appearance);
      await m.schedule.scheduleDeliveries();
      await sendPending(campaign.id, "delivery.");
      const delivered = sink.received.filter((r) => r.to === "target@example.test");
      expect(delivered).toHaveLength(1);
      const mail = delivered[0]!;

      // The composer's preview: the same input through the shared schema, the same campaign read, the same function.
      const composer = (await m.composer.getComposerCampaign(campaign.slug, "en"))!;
      const parsed = m.schema.letterInput.parse(input);
      const preview = m.compose.letterDeliveryFor(
        { ...parsed, appearance: parsed.appearance ?? composer.defaultAppearance },
        composer.delivery,
        m.compose.letterFooterTexts(m.messages.messages[composer.delivery.locale]),
      );
      const { from, replyTo } = await addresses(mail);
      expect(from).toEqual(preview.from);
      expect(replyTo).toEqual(preview.replyTo);
      expect(mail.subject).toBe(preview.subject);
      expect(mail.text).toBe(preview.text);
      expect(mail.html.trim()).toBe(preview.html.trim());

      // The envelope sender is ours (MAIL_FROM, as bounces are not handled here), never the campaign's or the writer's.
      expect(mail.mailFrom).toBe("no-reply@letters.example.test");
      expect(from).toEqual(sender);
      if (replyConsent) {
        // The writer's name goes beside their address only when they appear with their full name.
        expect(replyTo).toEqual({ name: appearance === "full" ? p.name : "", address: p.email });
        expect(mail.text).toContain("replying to this email answers the writer directly");
      } else {
        expect(replyTo).toEqual(sender);
        expect(mail.text).toContain("replying to this email reaches the campaign's organizers");
      }
      checkAgainstTable(mail, p, row);
    });
  }
});

describe("a digest with its CSV", () => {
  for (const appearance of ["full", "initials", "counted"] as const) {
    it(`shows a signer who chose ${appearance} as they chose, and nothing else of them`, async () => {
      const campaign = await openCampaign();
      const p = person();
      const input = m.signSchema.signatureInput.parse(
        m.helpers.signer({
          name: p.name,
          email: p.email,
          region: p.region,
          country: p.country,
          postalCode: p.postalCode,
          comment: p.comment,
          appearance,
        }),
      );
      await m.sign.signPetition(campaign.slug, input, { ip: p.ip });
      const { rows } = await m.db.pool.query<{ token: string }>(
        `SELECT m.payload->>'token' AS token FROM outbox_message m JOIN signature s ON s.id = m.signature_id WHERE s.email_key = $1`,
        [p.email.toLowerCase()],
      );
      expect((await m.confirmSignature.confirmSignature(rows[0]!.token)).status).toBe("confirmed");
      await m.schedule.scheduleDeliveries();
      await sendPending(campaign.id, "delivery.");
      const [mail] = sink.received.filter((r) => r.to === "target@example.test");
      // Someone counted only is in no file: with nobody else in this digest, it has none.
      expect(mail!.attachments.map((a) => a.contentType)).toEqual(appearance === "counted" ? [] : ["text/csv"]);
      checkAgainstTable(mail!, p, `digest, ${appearance}`);
      expect((await addresses(mail!)).replyTo).toEqual({ name: "", address: "" });
      expect(mail!.mailFrom).toBe("no-reply@letters.example.test");
    });
  }
});

describe("every email a signer or a writer gets", () => {
  it("links to “Where your details go”, in its text and its HTML", async () => {
    const campaign = await openCampaign();
    const p = person();
    await m.sign.signPetition(
      campaign.slug,
      m.signSchema.signatureInput.parse(m.helpers.signer({ email: p.email, name: p.name })),
      { ip: p.ip },
    );
    const writer = person();
    const res = await m.route.POST(
      m.helpers.jsonRequest(`/api/campaigns/${campaign.slug}/letters`, {
        topics: ["prison-camps"],
        subject: "Please raise the camps",
        body: "Dear Mr. President,\n\nPlease raise the prison camps at the summit. They hold tens of thousands of people.\n\nSincerely,",
        language: "en",
        name: writer.name,
        email: writer.email,
        city: writer.city,
        region: writer.region,
        country: writer.country,
        locale: "ko",
        formToken: m.helpers.formToken("letter"),
      }),
      m.helpers.params({ slug: campaign.slug }),
    );
    expect(res.status).toBe(202);
    const { rows } = await m.db.pool.query<{ id: string; kind: string }>(
      `SELECT o.id, o.kind FROM outbox_message o
         LEFT JOIN signature s ON s.id = o.signature_id LEFT JOIN letter l ON l.id = o.letter_id
        WHERE s.campaign_id = $1 OR l.campaign_id = $1`,
      [campaign.id],
    );
    expect(rows.map((r) => r.kind).sort()).toEqual(["letter.confirm", "signature.confirm"]);
    for (const { id } of rows) expect(await m.deliver.deliverOutboxMessage(id, attempt)).toBe("sent");
    const mails = sink.received.filter((r) => r.to === p.email || r.to === writer.email);
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      const locale = mail.to === writer.email ? "ko" : "en";
      const url = `http://localhost:3000/${locale}/privacy#where`;
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(`<a href="${url}"`);
    }
  });
});

describe("the public signer wall", () => {
  /**
   * What the public sees of a signer, as privacyPage.public says: only with “Show my name publicly” ticked, never more
   * than they chose for the target, a reason only once approved, and never an email, postal code or street.
   */
  const wallTable = {
    "shown, full": { listed: true, never: ["email", "postalCode", "ip"] },
    "shown, initials": { listed: true, never: ["name", "region", "email", "postalCode", "ip"] },
    "shown, counted": { listed: false, never: ["name", "initials", "email", "postalCode", "comment", "ip"] },
    "not shown, full": { listed: false, never: ["name", "initials", "email", "postalCode", "comment", "ip"] },
  } as const;

  it("lists each signer as the table says, with a reason only after an organizer approves it", async () => {
    const campaign = await openCampaign();
    const editor = await m.organizers.createOrganizer(campaign.organizationId, "editor");
    const cookie = await m.organizers.signIn(editor.email);
    const people = new Map<keyof typeof wallTable, Person>();
    for (const row of Object.keys(wallTable) as (keyof typeof wallTable)[]) {
      const p = person();
      people.set(row, p);
      const [shown, appearance] = row.split(", ") as [string, Appearance];
      await m.sign.signPetition(
        campaign.slug,
        m.signSchema.signatureInput.parse(
          m.helpers.signer({
            name: p.name,
            email: p.email,
            region: p.region,
            country: p.country,
            postalCode: p.postalCode,
            comment: p.comment,
            appearance,
            showName: shown === "shown",
          }),
        ),
        { ip: p.ip },
      );
      const { rows } = await m.db.pool.query<{ token: string }>(
        `SELECT m.payload->>'token' AS token FROM outbox_message m JOIN signature s ON s.id = m.signature_id WHERE s.email_key = $1`,
        [p.email.toLowerCase()],
      );
      expect((await m.confirmSignature.confirmSignature(rows[0]!.token)).status).toBe("confirmed");
    }

    // Newest first: the initials signer signed after the full-name one. Each entry is exactly what the table allows.
    const before = (await m.wall.readSignerWall(campaign.slug, 1))!.signers;
    const full = people.get("shown, full")!;
    const initials = people.get("shown, initials")!;
    const day = expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/);
    expect(before).toEqual([
      { name: m.initials.initialsOf(initials.name), region: null, country: "US", confirmedOn: day, reason: null },
      { name: full.name, region: full.region, country: "US", confirmedOn: day, reason: null },
    ]);
    expect(before).toHaveLength(Object.values(wallTable).filter((r) => r.listed).length);
    const beforeText = JSON.stringify(before);
    for (const [row, p] of people) {
      for (const detail of wallTable[row].never.filter((d) => d !== "initials" && d !== "region")) {
        expect(beforeText, `${row} never shows ${detail}`).not.toContain(p[detail]);
      }
      // Not yet approved: nobody's reason is public.
      expect(beforeText, `${row}: no reason before approval`).not.toContain(p.comment);
    }

    // Only the two listed signers' reasons can be approved; once approved, each appears beside its signer.
    const { rows: listed } = await m.db.pool.query<{ id: string; email: string }>(
      `SELECT id, email FROM signature WHERE campaign_id = $1 AND show_name AND appearance <> 'counted'`,
      [campaign.id],
    );
    expect(listed).toHaveLength(2);
    for (const { id } of listed) {
      const res = await m.approveReason.POST(
        m.organizers.organizerRequest("POST", `/api/organizer/reasons/${id}/approve`, { cookie }),
        m.helpers.params({ id }),
      );
      expect(res.status).toBe(200);
    }
    const after = (await m.wall.readSignerWall(campaign.slug, 1))!.signers;
    expect(after.map((s) => s.reason).sort()).toEqual(
      [people.get("shown, full")!.comment, people.get("shown, initials")!.comment].sort(),
    );
    const afterText = JSON.stringify(after);
    for (const row of ["shown, counted", "not shown, full"] as const) {
      expect(afterText).not.toContain(people.get(row)!.comment);
    }
    for (const p of people.values()) expect(afterText).not.toContain(p.email);
  });

  it("is what the “Where your details go” page says of the public, in both languages", () => {
    for (const locale of ["en", "ko"] as const) {
      const page = m.messages.messages[locale].privacyPage;
      expect(Object.keys(page.public)).toEqual(["heading", "count", "wall", "wallReason", "noLetters"]);
    }
    const en = m.messages.messages.en.privacyPage.public;
    expect(en.wall).toContain("Show my name publicly");
    expect(en.wall).toContain("initials and country");
    expect(en.wall).toContain("counted only");
    expect(en.wallReason).toContain("only after the organizers approve it");
    expect(en.noLetters).toContain("email addresses");
  });
});

describe("the writer's confirmation email", () => {
  for (const { appearance, replyConsent, row } of letterCases) {
    it(`${row}: its copy of the letter is the email the target receives, and shows no more of the writer`, async () => {
      const campaign = await openCampaign();
      const p = person();
      // The writer's confirmation goes out through the worker, as it does before they confirm.
      await writeAndConfirm(campaign.slug, p, replyConsent, appearance, async (id) => {
        expect(await m.deliver.deliverOutboxMessage(id, attempt)).toBe("sent");
      });
      await m.schedule.scheduleDeliveries();
      await sendPending(campaign.id, "delivery.");
      const confirmation = sink.received.find((r) => r.to === p.email)!;
      const delivered = sink.received.find((r) => r.to === "target@example.test")!;
      const { from, replyTo } = await addresses(delivered);
      const line = (a: { name: string; address: string }) => (a.name ? `${a.name} <${a.address}>` : a.address);

      const copy = confirmation.text.slice(confirmation.text.indexOf("exactly as it will be delivered"));
      expect(copy).toContain(`From: ${line(from)}\nReply-To: ${line(replyTo)}\nSubject: ${delivered.subject}`);
      expect(copy).toContain(delivered.text.trimEnd());
      // The copy shows the writer as the target will see them: the table's rows for the delivery, read in the copy.
      for (const detail of table[row].never.filter((d) => d !== "email")) {
        expect(copy.toLowerCase(), `the copy never carries ${detail}`).not.toContain(
          readable(p, detail, row).toLowerCase(),
        );
      }
      if (!replyConsent) expect(copy).not.toContain(p.email);
      expect(confirmation.text).toContain(
        `How you appear to the recipient: ${m.messages.messages.en.appearance[appearance]}`,
      );
    });
  }
});
