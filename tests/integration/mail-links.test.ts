// Every kind of email the app sends, rendered in both languages from rows of its own: each web address in the
// text part is whole on one line, and is a link (<a href>) in the HTML part, where no address is left as plain text.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, prisma } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import type { MessageKind } from "@/lib/infra/outbox/message-kinds";
import type { OutboxRow } from "@/lib/infra/outbox/outbox";
import { mailKinds } from "@/lib/worker/mail-kinds";
import { makeCampaignBundle } from "@/lib/delivery/bundle/make-campaign-bundle";
import { ensureCampaignTarget } from "@/lib/campaigns/campaign-targets";
import { createCampaign } from "./helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

const url = /https?:\/\/[^\s<>"]+/g;
const writtenUrl = "https://example.org/report?id=42";

/** The text the HTML shows (tags removed, entities undone), and the addresses it links to. */
function readHtml(html: string) {
  const hrefs = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
  const linkTexts = [...html.matchAll(/<a href="[^"]+"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
  const outsideLinks = html
    .replace(/<a href="[^"]+"[^>]*>[^<]*<\/a>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&amp;", "&");
  return { hrefs, linkTexts, outsideLinks };
}

async function fixtures() {
  const campaign = await createCampaign();
  const signature = await prisma.signature.create({
    data: { campaignId: campaign.id, email: "s@example.test", name: "Kim Signer", country: "US", locale: "en" },
  });
  const letterData = {
    campaignId: campaign.id,
    name: "Jane Writer",
    city: "Seoul",
    country: "KR",
    subject: "About the camps",
    body: `Dear target,\n\nThe report is at ${writtenUrl}. Please read it.\n\nSincerely,`,
    language: "en",
    locale: "en",
  };
  const letter = await prisma.letter.create({ data: { ...letterData, email: "w@example.test" } });
  const delivered = await prisma.letter.create({
    data: { ...letterData, email: "w2@example.test", status: "confirmed", confirmedAt: new Date() },
  });
  const invitation = await prisma.invitation.create({
    data: {
      organizationId: campaign.organizationId,
      email: "new@example.test",
      role: "editor",
      tokenHash: randomBytes(32),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const digestId = randomUUID();
  const digestPayload = { periodStart: null, totals: { confirmed: 0, letters: 1 } };
  await prisma.outboxMessage.create({
    data: {
      id: digestId,
      kind: "delivery.digest",
      to: "t@example.test",
      locale: "en",
      messageId: `<${digestId}@t>`,
      campaignId: campaign.id,
      payload: digestPayload,
    },
  });
  await prisma.letter.update({ where: { id: delivered.id }, data: { status: "queued", deliveryMessageId: digestId } });
  // Handed to the campaign's target, as the scheduler records it (target_letter, the digest's target_id).
  await ensureCampaignTarget(campaign.id);
  // Confirmed and waiting: the delivery panel's test send shows it as the next letter.
  await prisma.letter.create({
    data: { ...letterData, email: "w3@example.test", status: "confirmed", confirmedAt: new Date(Date.now() - 60_000) },
  });
  const milestone = await prisma.campaignMailing.create({
    data: { campaignId: campaign.id, kind: "milestone", milestone: "25" },
  });
  const bundle = await makeCampaignBundle(campaign.id);

  const row = (kind: MessageKind, locale: string, fields: Partial<OutboxRow>): OutboxRow => ({
    id: randomUUID(),
    kind,
    to: "someone@example.test",
    locale,
    payload: {},
    message_id: `<${randomUUID()}@t>`,
    signature_id: null,
    letter_id: null,
    campaign_id: null,
    ...fields,
  });
  // One message of each kind; a kind added to mail-kinds.ts without a row here fails the test below.
  return (locale: string): Record<string, OutboxRow> => ({
    "signature.confirm": row("signature.confirm", locale, { signature_id: signature.id, payload: { token: "tok" } }),
    "signature.already_confirmed": row("signature.already_confirmed", locale, { signature_id: signature.id }),
    "letter.confirm": row("letter.confirm", locale, { letter_id: letter.id, payload: { token: "tok" } }),
    "letter.already_confirmed": row("letter.already_confirmed", locale, { letter_id: letter.id }),
    "delivery.letter": row("delivery.letter", locale, { letter_id: delivered.id, campaign_id: campaign.id }),
    "delivery.digest": {
      ...row("delivery.digest", locale, { campaign_id: campaign.id, payload: digestPayload }),
      id: digestId,
    },
    "delivery.bundle": row("delivery.bundle", locale, { campaign_id: campaign.id, payload: { bundleId: bundle.id } }),
    "delivery.test": row("delivery.test", locale, { campaign_id: campaign.id, payload: { of: "letter" } }),
    "campaign.milestone": row("campaign.milestone", locale, {
      campaign_id: campaign.id,
      payload: { mailingId: milestone.id },
    }),
    // An organizer's test send carries its own text, a web address written in it included.
    "campaign.update": row("campaign.update", locale, {
      campaign_id: campaign.id,
      payload: { subject: "News", body: `The report is at ${writtenUrl}.` },
    }),
    "organizer.invitation": row("organizer.invitation", locale, {
      payload: { invitationId: invitation.id, token: "invitation-token" },
    }),
  });
}

describe("links in emails", () => {
  it("are whole on one line in the text part and links in the HTML part, in every kind and both languages", async () => {
    const rowsFor = await fixtures();
    for (const locale of ["en", "ko"]) {
      const rows = rowsFor(locale);
      expect(Object.keys(rows).sort()).toEqual(Object.keys(mailKinds).sort());
      for (const [kind, row] of Object.entries(rows)) {
        const mail = await mailKinds[kind as MessageKind]!.render(row);
        expect(mail, `${kind} (${locale}) renders`).not.toBeNull();
        const textUrls = [...mail!.text.matchAll(url)].map((m) => m[0].replace(/[.,)]$/, ""));
        expect(textUrls.length, `${kind} (${locale}) has a web address`).toBeGreaterThan(0);
        const { hrefs, outsideLinks } = readHtml(mail!.html);
        for (const address of textUrls) {
          // Whole on one line: the line holding the address's start holds all of it.
          expect(mail!.text.split("\n").some((line) => line.includes(address))).toBe(true);
          expect(hrefs, `${kind} (${locale}) links ${address}`).toContain(address);
        }
        expect(outsideLinks.match(url), `${kind} (${locale}): a web address as plain text`).toBeNull();
      }
    }
  });
});
