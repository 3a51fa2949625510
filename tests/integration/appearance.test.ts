// "How I appear to the target", end to end for each choice: signed through the API, confirmed from the email a real
// SMTP server receives, delivered in a digest to that server (its text and its CSV attachment, parsed) and read into
// the signed bundle's rows. Also: the campaign's risk picks the choice left out, and the link changes it until the
// digest takes the signature.
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { smtpSinkForFile } from "./smtp-sink";

const sink = smtpSinkForFile();

let m: {
  db: typeof import("@/lib/infra/db");
  route: typeof import("@/app/api/campaigns/[slug]/signatures/route");
  confirm: typeof import("@/lib/signatures/confirm-signature");
  change: typeof import("@/lib/signatures/change-appearance");
  links: typeof import("@/lib/signatures/links");
  schedule: typeof import("@/lib/delivery/schedule-deliveries");
  deliver: typeof import("@/lib/worker/deliver-outbox-message");
  bundleRows: typeof import("@/lib/delivery/bundle/read-bundle-rows");
  includeSigner: typeof import("@/lib/delivery/bundle/include-signer");
  helpers: typeof import("./helpers");
};

beforeAll(async () => {
  m = {
    db: await import("@/lib/infra/db"),
    route: await import("@/app/api/campaigns/[slug]/signatures/route"),
    confirm: await import("@/lib/signatures/confirm-signature"),
    change: await import("@/lib/signatures/change-appearance"),
    links: await import("@/lib/signatures/links"),
    schedule: await import("@/lib/delivery/schedule-deliveries"),
    deliver: await import("@/lib/worker/deliver-outbox-message"),
    bundleRows: await import("@/lib/delivery/bundle/read-bundle-rows"),
    includeSigner: await import("@/lib/delivery/bundle/include-signer"),
    helpers: await import("./helpers"),
  };
});

const attempt = { retryCount: 0, retryLimit: 4 };

async function campaign(risk: "standard" | "at_risk") {
  const c = await m.helpers.createCampaign();
  return m.db.prisma.campaign.update({ where: { id: c.id }, data: { risk, letterDelivery: "digest" } });
}

/** Signs through the API, sends the confirmation email to the sink and confirms with the link it carries. */
async function signAndConfirm(slug: string, person: Record<string, unknown>) {
  const body = m.helpers.signer(person);
  const res = await m.route.POST(
    m.helpers.jsonRequest(`/api/campaigns/${slug}/signatures`, body),
    m.helpers.params({ slug }),
  );
  expect(res.status).toBe(202);
  const { rows } = await m.db.pool.query<{ id: string; signature_id: string }>(
    `SELECT m.id, m.signature_id FROM outbox_message m JOIN signature s ON s.id = m.signature_id
      WHERE s.email = $1 AND m.kind = 'signature.confirm'`,
    [body.email],
  );
  const message = rows[0]!;
  await m.deliver.deliverOutboxMessage(message.id, attempt);
  const mail = sink.received.find((r) => r.to === body.email)!;
  const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
  expect(await m.confirm.confirmSignature(token)).toMatchObject({ status: "confirmed" });
  return { mail, signatureId: message.signature_id, withdrawToken: m.links.withdrawToken(message.signature_id) };
}

async function sendDigest(campaignId: string) {
  await m.schedule.scheduleDeliveries();
  const { rows } = await m.db.pool.query<{ id: string; message_id: string }>(
    `SELECT id, message_id FROM outbox_message WHERE campaign_id = $1 AND kind = 'delivery.digest'`,
    [campaignId],
  );
  expect(rows).toHaveLength(1);
  await m.deliver.deliverOutboxMessage(rows[0]!.id, attempt);
  const mail = sink.received.find((r) => r.messageId === rows[0]!.message_id)!;
  const csv = mail.attachments[0]
    ? (parse(mail.attachments[0].content, { columns: true, bom: true }) as Record<string, string>[])
    : [];
  return { mail, csv };
}

async function bundleRows(campaignId: string) {
  const rows = [];
  for await (const row of m.bundleRows.readBundleSigners(campaignId)) rows.push(m.includeSigner.includeSigner(row));
  return rows;
}

const jane = { name: "Jane Q. Public", country: "US", region: "CA" };
const minjun = { name: "김민준", country: "KR", region: "11", postalCode: "03154" };
const today = () => new Date().toISOString().slice(0, 10);

describe("how a signer appears to the target, from the sign form's API to the target's mailbox", () => {
  it.each([
    {
      choice: "full",
      emailLine: "How you appear to the recipient: Full name, city or region, and country",
      csv: [
        { name: "Jane Q. Public", city_or_region: "California", country: "US", shown_as: "full name" },
        { name: "김민준", city_or_region: "Seoul", country: "KR", shown_as: "full name" },
      ],
      text: [] as string[],
      bundle: [
        { appearance: "full", name: "Jane Q. Public", region: "CA", country: "US" },
        { appearance: "full", name: "김민준", region: "11", country: "KR" },
      ],
    },
    {
      choice: "initials",
      emailLine: "How you appear to the recipient: Initials and country only",
      csv: [
        { name: "J. Q. P.", city_or_region: "", country: "US", shown_as: "initials" },
        { name: "김○○", city_or_region: "", country: "KR", shown_as: "initials" },
      ],
      text: [] as string[],
      bundle: [
        { appearance: "initials", name: "J. Q. P.", country: "US" },
        { appearance: "initials", name: "김○○", country: "KR" },
      ],
    },
    {
      choice: "counted",
      emailLine: "How you appear to the recipient: Counted only, without my name",
      csv: [],
      text: ["2 signers asked to be counted without their names and are not listed in the file."],
      bundle: [{ appearance: "counted" }, { appearance: "counted" }],
    },
  ])(
    "$choice",
    async ({ choice, emailLine, csv, text, bundle }) => {
      const c = await campaign("standard");
      for (const person of [jane, minjun]) {
        const { mail } = await signAndConfirm(c.slug, { ...person, appearance: choice });
        // The confirmation repeats the choice and never the name typed in the form.
        expect(mail.text).toContain(emailLine);
        expect(mail.text).not.toContain(person.name);
        expect(mail.html).not.toContain(person.name);
      }

      const digest = await sendDigest(c.id);
      expect(digest.mail.to).toBe("target@example.test");
      expect(digest.mail.subject).toContain("2 new signatures");
      expect(digest.csv).toEqual(csv.map((row) => ({ ...row, signed_on: today() })));
      if (csv.length === 0) expect(digest.mail.attachments).toHaveLength(0);
      for (const line of text) expect(digest.mail.text).toContain(line);
      // Nothing more of a person than they chose reaches the target: not in the text, the HTML or the attachment.
      const everything = [digest.mail.text, digest.mail.html, ...digest.mail.attachments.map((a) => a.content)].join();
      if (choice !== "full")
        for (const hidden of [jane.name, "Jane", minjun.name, "민준", "California", "Seoul", "서울"])
          expect(everything).not.toContain(hidden);
      for (const postalCode of ["94103", minjun.postalCode]) expect(everything).not.toContain(postalCode);

      expect(await bundleRows(c.id)).toEqual(bundle.map((row) => expect.objectContaining(row)));
      if (choice === "initials") for (const row of await bundleRows(c.id)) expect(row).not.toHaveProperty("region");
    },
    60_000,
  );

  it("gives a signer who chose nothing the campaign's pre-selected choice: initials when at risk, full otherwise", async () => {
    const atRisk = await campaign("at_risk");
    const standard = await campaign("standard");
    const noChoice = { ...minjun };
    await signAndConfirm(atRisk.slug, noChoice);
    await signAndConfirm(standard.slug, noChoice);
    expect((await bundleRows(atRisk.id))[0]).toMatchObject({ appearance: "initials", name: "김○○" });
    expect((await bundleRows(standard.id))[0]).toMatchObject({ appearance: "full", name: "김민준" });
  }, 60_000);

  it("keeps the more private choice when someone signs again with the same address before confirming", async () => {
    const c = await campaign("standard");
    const email = `again-${Date.now()}@example.test`;
    for (const appearance of ["counted", "full"]) {
      const res = await m.route.POST(
        m.helpers.jsonRequest(`/api/campaigns/${c.slug}/signatures`, m.helpers.signer({ ...jane, email, appearance })),
        m.helpers.params({ slug: c.slug }),
      );
      expect(res.status).toBe(202);
    }
    const row = await m.db.prisma.signature.findFirstOrThrow({ where: { campaignId: c.id } });
    expect(row.appearance).toBe("counted");
  });

  it("refuses an unknown choice with its field's code and stores nothing", async () => {
    const c = await campaign("standard");
    const res = await m.route.POST(
      m.helpers.jsonRequest(`/api/campaigns/${c.slug}/signatures`, m.helpers.signer({ appearance: "public" })),
      m.helpers.params({ slug: c.slug }),
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: Record<string, { code: string }> } };
    expect(body.error.fields.appearance).toMatchObject({ code: "invalid_appearance" });
    expect(await m.db.prisma.signature.count({ where: { campaignId: c.id } })).toBe(0);
  });

  it("lets the signer change the choice from their link until the digest takes the signature, and not after", async () => {
    const c = await campaign("standard");
    const { withdrawToken, signatureId } = await signAndConfirm(c.slug, { ...jane, appearance: "full" });
    expect(await m.change.changeAppearance(withdrawToken, "counted")).toEqual({ status: "changed" });
    expect(await m.change.changeAppearance(withdrawToken, "public")).toEqual({ status: "invalid" });
    expect(await m.change.changeAppearance(`${signatureId}.forged`, "full")).toEqual({ status: "invalid" });

    const digest = await sendDigest(c.id);
    expect(digest.csv).toEqual([]);
    expect(digest.mail.text).toContain("1 signer asked to be counted without a name");

    expect(await m.change.changeAppearance(withdrawToken, "full")).toEqual({ status: "delivered" });
    const row = await m.db.prisma.signature.findUniqueOrThrow({ where: { id: signatureId } });
    expect(row.appearance).toBe("counted");
  }, 60_000);
});

describe("how a letter's writer appears to the target, in a letter delivered on its own", () => {
  async function deliverLetter(appearance: string, name: string) {
    const c = await m.helpers.createCampaign();
    await m.db.prisma.campaign.update({ where: { id: c.id }, data: { letterDelivery: "individual" } });
    const letter = await m.db.prisma.letter.create({
      data: {
        campaignId: c.id,
        email: `writer-${c.slug}@example.test`,
        emailKey: `writer-${c.slug}@example.test`,
        name,
        city: "Busan",
        region: "26",
        country: "KR",
        subject: "Please raise the camps",
        body: "Dear Mr. President,\n\nPlease raise the camps.\n\nSincerely",
        language: "en",
        locale: "en",
        status: "confirmed",
        confirmedAt: new Date(),
        appearance: appearance as "full" | "initials" | "counted",
      },
    });
    await m.schedule.scheduleDeliveries();
    const { rows } = await m.db.pool.query<{ id: string }>(`SELECT id FROM outbox_message WHERE letter_id = $1`, [
      letter.id,
    ]);
    await m.deliver.deliverOutboxMessage(rows[0]!.id, attempt);
    const mail = sink.received.find((r) => r.messageId === `<letter.${letter.id}@letters.example.test>`)!;
    return mail.text.split("\n-- \n")[1]!;
  }

  it.each([
    // The city the region already names is said once (lib/infra/geo/format-place.ts).
    ["full", "Sent by \u2068박서연\u2069, \u2068Busan, South Korea\u2069 through Open Letters"],
    ["initials", "Sent by \u2068박○○\u2069, \u2068South Korea\u2069 through Open Letters"],
    ["counted", "Sent by a writer who asked not to be named through Open Letters"],
  ])(
    "%s: the signature line shows what the writer chose",
    async (appearance, line) => {
      const footer = await deliverLetter(appearance, "박서연");
      expect(footer).toContain(line);
      if (appearance !== "full") expect(footer).not.toMatch(/서연|Busan/);
    },
    60_000,
  );

  it("isolates a name with a right-to-left override from the words around it, in text and HTML", async () => {
    const c = await m.helpers.createCampaign();
    const rlo = "Eve \u202Egnp.exe";
    const letter = await m.db.prisma.letter.create({
      data: {
        campaignId: c.id,
        email: `rlo-${c.slug}@example.test`,
        emailKey: `rlo-${c.slug}@example.test`,
        name: rlo,
        city: "Austin",
        region: "TX",
        country: "US",
        subject: "Please raise the camps",
        body: "Dear Mr. President,\n\nPlease raise the camps.\n\nSincerely",
        language: "en",
        locale: "en",
        status: "confirmed",
        confirmedAt: new Date(),
        appearance: "full",
      },
    });
    await m.schedule.scheduleDeliveries();
    const { rows } = await m.db.pool.query<{ id: string }>(`SELECT id FROM outbox_message WHERE letter_id = $1`, [
      letter.id,
    ]);
    await m.deliver.deliverOutboxMessage(rows[0]!.id, attempt);
    const mail = sink.received.find((r) => r.messageId === `<letter.${letter.id}@letters.example.test>`)!;
    expect(mail.text).toContain(`Sent by \u2068${rlo}\u2069, \u2068Austin, Texas, United States\u2069 through`);
    expect(mail.html).toContain(`Sent by <bdi>${rlo}</bdi>, <bdi>Austin, Texas, United States</bdi> through`);
  }, 60_000);
});
