// Signed delivery bundles made from the database: what they hold, that the verification page's check accepts them
// and refuses a changed one, that the server finds a row edited after the fact, that bundles form a chain with
// every removal listed, that a rotated key still verifies older bundles, and who may make and download them.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { GET as fileGet } from "@/app/api/organizer/campaigns/[id]/bundles/[bundleId]/files/[name]/route";
import { GET as listGet, POST as makePost } from "@/app/api/organizer/campaigns/[id]/bundles/route";
import { POST as verifyPost } from "@/app/api/bundles/verify/route";
import { checkBundleRows } from "@/lib/delivery/bundle/check-bundle-rows";
import { makeCampaignBundle } from "@/lib/delivery/bundle/make-campaign-bundle";
import { rotateSigningKey } from "@/lib/delivery/bundle/organization-signing-key";
import { advanceClock, resetClock } from "@/lib/infra/clock";
import { closeDb, db, prisma } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { anonymiseClosedCampaigns } from "@/lib/privacy/anonymise-closed-campaigns";
import type { Manifest } from "@/lib/delivery/bundle/types";
import { organizerRequest, organizerSession } from "./organizer-helpers";

afterAll(async () => {
  await closeDb();
});

async function campaignWithSigners(organizationId: string, count = 12) {
  const suffix = randomUUID().slice(0, 8);
  const campaign = await prisma.campaign.create({
    data: {
      slug: `bundle-${suffix}`,
      organizationId,
      status: "open",
      goal: 100,
      targetEmail: "target@example.test",
      translations: {
        create: [
          {
            locale: "en",
            title: `Bundle ${suffix}`,
            summary: "S",
            context: "C",
            letter: "Dear President,\n\nPlease act.",
            targetName: "The President",
          },
          {
            locale: "ko",
            title: `묶음 ${suffix}`,
            summary: "요약",
            context: "배경",
            letter: "대통령님께,\n\n행동해 주십시오.",
            targetName: "대통령",
          },
        ],
      },
    },
  });
  const at = new Date();
  await prisma.signature.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      campaignId: campaign.id,
      email: `signer${i}-${suffix}@example.test`,
      emailKey: `signer${i}-${suffix}@example.test`,
      name: i % 3 === 0 ? `김민준 ${i}` : `Signer Number${i}`,
      country: i % 2 ? "KR" : "US",
      region: i % 2 ? "11" : "CA",
      locale: "en",
      status: "confirmed",
      confirmedAt: new Date(at.getTime() - (count - i) * 1000),
      showName: i % 4 !== 0,
      // Each signer's own choice: every fourth counted only, every other even one by initials, the rest in full.
      appearance: i % 4 === 0 ? "counted" : i % 4 === 2 ? "initials" : "full",
    })),
  });
  await prisma.letter.create({
    data: {
      campaignId: campaign.id,
      email: `writer-${suffix}@example.test`,
      emailKey: `writer-${suffix}@example.test`,
      name: "Writer One",
      country: "KR",
      subject: "Please raise the camps",
      body: "Dear Mr. President,\n\nMy students told me what they lived through. Please raise the camps.\n\nSincerely,",
      language: "en",
      locale: "en",
      status: "delivered",
      confirmedAt: at,
    },
  });
  return campaign;
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });

async function files(bundleId: string) {
  const rows = await db
    .selectFrom("delivery_bundle_file")
    .select(["name", "content"])
    .where("bundle_id", "=", bundleId)
    .execute();
  return new Map(rows.map((r) => [r.name, r.content]));
}

async function verify(parts: Map<string, Buffer>, extra: string[] = []) {
  const form = new FormData();
  form.set("manifest", new Blob([new Uint8Array(parts.get("manifest.json")!)]), "manifest.json");
  form.set("signature", new Blob([new Uint8Array(parts.get("manifest.sig")!)]), "manifest.sig");
  for (const name of extra) form.append("files", new Blob([new Uint8Array(parts.get(name)!)]), name);
  const res = await verifyPost(
    new Request("http://localhost:3000/api/bundles/verify", {
      method: "POST",
      body: form,
      headers: { accept: "application/json" },
    }),
    {},
  );
  expect(res.status).toBe(200);
  return (await res.json()) as {
    ok: boolean;
    problems: string[];
    certifies: { counts: { signatures: number } };
    files: { name: string; status: string }[];
  };
}

describe("a campaign's signed delivery bundle", () => {
  it("holds every counted signer as they chose to appear, and the verification page accepts it and refuses a changed file", async () => {
    const owner = await organizerSession("owner");
    const campaign = await campaignWithSigners(owner.organization.id);
    const made = await makeCampaignBundle(campaign.id);
    expect(made).toMatchObject({ signatures: 12, letters: 1, removals: 0 });
    const parts = await files(made.id);
    expect([...parts.keys()].sort()).toEqual([
      "bundle-us-letter.pdf",
      "bundle.json",
      "bundle.pdf",
      "letters.csv",
      "manifest.json",
      "manifest.sig",
      "signers.csv",
    ]);
    const csv = parts.get("signers.csv")!.toString("utf8");
    expect(csv.startsWith("\ufeff")).toBe(true);
    // Each signer as they chose: counted only never named, initials without a place; no address ever appears.
    expect(csv).not.toContain("Signer Number4");
    expect(csv).toContain("Signer Number1");
    expect(csv).not.toContain("Signer Number2");
    expect(csv).toMatch(/\n[0-9a-f-]{36},S\. N\.,/);
    for (const [, content] of parts) expect(content.toString("latin1")).not.toMatch(/@example\.test/);

    const checked = await verify(parts, ["bundle.pdf", "signers.csv"]);
    expect(checked).toMatchObject({ ok: true, problems: [], certifies: { counts: { signatures: 12 } } });
    expect(checked.files.map((f) => f.status)).toEqual(["ok", "ok"]);

    const changed = new Map(parts);
    const pdf = Buffer.from(parts.get("bundle.pdf")!);
    const middle = pdf.length >> 1;
    pdf[middle] = pdf[middle]! ^ 1;
    changed.set("bundle.pdf", pdf);
    expect(await verify(changed, ["bundle.pdf"])).toMatchObject({ ok: false, problems: ["file"] });
    const manifest = Buffer.from(
      parts.get("manifest.json")!.toString("utf8").replace('"signatures":12', '"signatures":13'),
    );
    expect((await verify(new Map(parts).set("manifest.json", manifest))).ok).toBe(false);
  }, 60_000);

  it("names the organization in the bundle's language: its Korean name for a Korean target", async () => {
    const owner = await organizerSession("owner");
    const campaign = await campaignWithSigners(owner.organization.id, 2);
    await prisma.campaign.update({ where: { id: campaign.id }, data: { defaultLocale: "ko" } });
    await db
      .insertInto("organization_translation")
      .values({ organization_id: owner.organization.id, locale: "ko", name: "북한인권 연대" })
      .execute();
    const made = await makeCampaignBundle(campaign.id);
    const manifest = JSON.parse((await files(made.id)).get("manifest.json")!.toString("utf8"));
    expect(manifest.organization).toEqual({ id: owner.organization.id, name: "북한인권 연대" });
  });

  it("shows the server any bundled row changed since, and chains the next bundle with each removal and its reason", async () => {
    const owner = await organizerSession("owner");
    const campaign = await campaignWithSigners(owner.organization.id, 6);
    const first = await makeCampaignBundle(campaign.id);
    expect(await checkBundleRows(campaign.id, first.id)).toMatchObject({ unchanged: true, changed: [], missing: [] });

    const [edited, withdrawn] = await prisma.signature.findMany({
      where: { campaignId: campaign.id },
      orderBy: { confirmedAt: "asc" },
      take: 2,
    });
    await prisma.signature.update({ where: { id: edited!.id }, data: { name: "Someone Else" } });
    await prisma.signature.delete({ where: { id: withdrawn!.id } });
    const check = await checkBundleRows(campaign.id, first.id);
    expect(check).toMatchObject({
      unchanged: false,
      changed: [{ kind: "signature", id: edited!.id }],
      missing: [{ kind: "signature", id: withdrawn!.id }],
    });

    const second = await makeCampaignBundle(campaign.id);
    const manifest = JSON.parse((await files(second.id)).get("manifest.json")!.toString("utf8")) as Manifest;
    expect(manifest.previousManifestSha256).toBe(first.manifestSha256);
    expect(manifest.removals).toEqual([{ kind: "signature", id: withdrawn!.id, reason: "withdrawn" }]);
    expect(manifest.counts.signatures).toBe(5);
  }, 60_000);

  it("keeps a rotated key published, so an older bundle still verifies and a new one uses the new key", async () => {
    const owner = await organizerSession("owner");
    const campaign = await campaignWithSigners(owner.organization.id, 3);
    const before = await makeCampaignBundle(campaign.id);
    await rotateSigningKey(owner.organization.id);
    const after = await makeCampaignBundle(campaign.id);
    const [a, b] = [await files(before.id), await files(after.id)];
    const keyOf = (parts: Map<string, Buffer>) =>
      (JSON.parse(parts.get("manifest.json")!.toString("utf8")) as Manifest).keyId;
    expect(keyOf(a)).not.toBe(keyOf(b));
    expect((await verify(a)).ok).toBe(true);
    expect((await verify(b)).ok).toBe(true);
  }, 60_000);

  it("loses its files (names) with the campaign's personal data, and keeps its manifest as the record of the count", async () => {
    const owner = await organizerSession("owner");
    const campaign = await campaignWithSigners(owner.organization.id, 3);
    const made = await makeCampaignBundle(campaign.id);
    // Delivered in a digest, so retention has nothing left to wait for.
    const digest = await prisma.outboxMessage.create({
      data: {
        kind: "delivery.digest",
        to: "target@example.test",
        locale: "en",
        messageId: `<digest.${made.id}@example.test>`,
        status: "sent",
        campaignId: campaign.id,
      },
    });
    await prisma.signature.updateMany({ where: { campaignId: campaign.id }, data: { deliveryMessageId: digest.id } });
    await prisma.campaign.update({ where: { id: campaign.id }, data: { status: "closed", closedAt: new Date() } });
    advanceClock((env.RETENTION_DAYS_AFTER_CLOSE + 1) * 86_400_000);
    try {
      await anonymiseClosedCampaigns();
    } finally {
      resetClock();
    }
    expect((await files(made.id)).size).toBe(0);
    const kept = await db
      .selectFrom("delivery_bundle")
      .select(["manifest_sha256", "signatures"])
      .where("id", "=", made.id)
      .executeTakeFirst();
    expect(kept).toEqual({ manifest_sha256: made.manifestSha256, signatures: 3 });
  }, 60_000);

  it("is made by editors, listed and downloaded within the organization only", async () => {
    const editor = await organizerSession("editor");
    const viewer = await organizerSession("viewer", editor.organization.id);
    const stranger = await organizerSession("owner");
    const campaign = await campaignWithSigners(editor.organization.id, 2);
    const path = `/api/organizer/campaigns/${campaign.id}/bundles`;
    expect(
      (await makePost(organizerRequest("POST", path, { cookie: viewer.cookie }), params({ id: campaign.id }))).status,
    ).toBe(403);
    expect(
      (await makePost(organizerRequest("POST", path, { cookie: stranger.cookie }), params({ id: campaign.id }))).status,
    ).toBe(404);
    const made = await makePost(organizerRequest("POST", path, { cookie: editor.cookie }), params({ id: campaign.id }));
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const list = await listGet(organizerRequest("GET", path, { cookie: viewer.cookie }), params({ id: campaign.id }));
    expect(((await list.json()) as { bundles: { id: string }[] }).bundles.map((b) => b.id)).toEqual([id]);
    const fileParams = (name: string) => params({ id: campaign.id, bundleId: id, name });
    const pdf = await fileGet(
      organizerRequest("GET", `${path}/${id}/files/bundle.pdf`, { cookie: viewer.cookie }),
      fileParams("bundle.pdf"),
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      (
        await fileGet(
          organizerRequest("GET", `${path}/${id}/files/bundle.pdf`, { cookie: stranger.cookie }),
          fileParams("bundle.pdf"),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await fileGet(
          organizerRequest("GET", `${path}/${id}/files/nothing.txt`, { cookie: viewer.cookie }),
          fileParams("nothing.txt"),
        )
      ).status,
    ).toBe(404);
    expect(await prisma.exportRecord.count({ where: { campaignId: campaign.id } })).toBe(1);
  }, 60_000);
});
