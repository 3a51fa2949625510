// Each test makes its own organization and campaign (unique slugs), so tests never depend on each other or on the seed.
import { randomUUID } from "node:crypto";
import { prisma, pool } from "@/lib/infra/db";
import type { CampaignStatus } from "@/lib/generated/prisma/client";
import { issueFormToken, type FormKind } from "@/lib/infra/security/form-token";
import { nowMs } from "@/lib/infra/clock";

export async function createCampaign(
  options: { status?: CampaignStatus; goal?: number; closesAt?: Date; opensAt?: Date } = {},
) {
  const suffix = randomUUID().slice(0, 8);
  const organization = await prisma.organization.create({
    data: { slug: `org-${suffix}`, name: `Test Coalition ${suffix}` },
  });
  return prisma.campaign.create({
    data: {
      slug: `test-${suffix}`,
      organizationId: organization.id,
      status: options.status ?? "open",
      goal: options.goal ?? 1000,
      targetEmail: "target@example.test",
      opensAt: options.opensAt,
      closesAt: options.closesAt,
      translations: {
        create: [
          {
            locale: "en",
            title: `Test campaign ${suffix}`,
            summary: "A test",
            context: "Context",
            letter: "Dear target,\n\nPlease act.",
            targetName: "The Target",
          },
          {
            locale: "ko",
            title: `시험 캠페인 ${suffix}`,
            summary: "시험",
            context: "배경",
            letter: "받는 분께,\n\n행동해 주십시오.",
            targetName: "수신인",
          },
        ],
      },
    },
  });
}

/** A form token as the page would have rendered it a minute ago: a person's pace, so not suspected. */
export function formToken(kind: FormKind = "sign", ageSeconds = 60): string {
  return issueFormToken(kind, nowMs() - ageSeconds * 1000);
}

/** A campaign with three topics a letter can choose: prison-camps, families, movement. */
export async function campaignWithTopics(options: Parameters<typeof createCampaign>[0] = {}) {
  const campaign = await createCampaign(options);
  for (const [position, key] of ["prison-camps", "families", "movement"].entries()) {
    await prisma.campaignTopic.create({
      data: {
        campaignId: campaign.id,
        key,
        position,
        translations: {
          create: [
            {
              locale: "en",
              title: key,
              fact: "A fact.",
              ask: "An ask.",
              source: "A source.",
              paragraph: `Paragraph about ${key}.`,
            },
            {
              locale: "ko",
              title: key,
              fact: "사실.",
              ask: "요청.",
              source: "출처.",
              paragraph: `${key}에 관한 문단.`,
            },
          ],
        },
      },
    });
  }
  return campaign;
}

export function signer(overrides: Record<string, unknown> = {}) {
  return {
    name: "Kim Test",
    email: `signer-${randomUUID().slice(0, 8)}@example.test`,
    country: "US",
    region: "CA",
    postalCode: "94103",
    formToken: formToken("sign"),
    ...overrides,
  };
}

export function jsonRequest(url: string, body: unknown, init: { headers?: Record<string, string> } = {}) {
  return new Request(`http://localhost:3000${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function params<T>(value: T) {
  return { params: Promise.resolve(value) };
}

export async function outboxFor(campaignId: string) {
  const { rows } = await pool.query<{
    id: string;
    kind: string;
    to: string;
    status: string;
    payload: Record<string, unknown>;
    message_id: string;
    signature_id: string | null;
  }>(
    `SELECT m.id, m.kind, m."to", m.status, m.payload, m.message_id, m.signature_id
       FROM outbox_message m JOIN signature s ON s.id = m.signature_id
      WHERE s.campaign_id = $1 ORDER BY m.created_at`,
    [campaignId],
  );
  return rows;
}

/** Where a message stands as a job: the outbox row is its only one. */
export async function sendState(outboxId: string) {
  const { rows } = await pool.query<{ status: string; attempts: number; claimed_by: string | null; due: boolean }>(
    `SELECT status::text, attempts, claimed_by, available_at <= now() AS due FROM outbox_message WHERE id = $1`,
    [outboxId],
  );
  return rows[0];
}
