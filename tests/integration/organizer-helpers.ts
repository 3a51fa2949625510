// Organizer fixtures: an organization with a member of a given role, signed in through better-auth's own route
// handler (as a browser would be), and a campaign with signers and held letters. Each test makes its own.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { prisma } from "@/lib/infra/db";
import type { MemberRole } from "@/lib/generated/prisma/client";

export const appOrigin = "http://localhost:3000";
export const password = "correct horse battery staple";
/** A distinct client address per sign-in, so tests do not share one throttling bucket (the database outlives a file). */
export function freshIp(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

export async function createOrganization(name = "Org") {
  const suffix = randomUUID().slice(0, 8);
  return prisma.organization.create({ data: { slug: `org-${suffix}`, name: `${name} ${suffix}` } });
}

export async function createOrganizer(organizationId: string, role: MemberRole = "owner") {
  const email = `organizer-${randomUUID().slice(0, 8)}@example.test`;
  const userId = randomUUID();
  await prisma.user.create({ data: { id: userId, email, name: "Test Organizer", emailVerified: true } });
  await prisma.account.create({
    data: {
      id: randomUUID(),
      userId,
      accountId: userId,
      providerId: "credential",
      password: await hashPassword(password),
    },
  });
  await prisma.member.create({ data: { organizationId, userId, role } });
  return { userId, email };
}

export function signInRequest(email: string, pass: string, ip = freshIp()) {
  return new Request(`${appOrigin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appOrigin, "x-forwarded-for": ip },
    body: JSON.stringify({ email, password: pass }),
  });
}

/** Signs in and returns the Cookie header the browser would send afterwards. */
export async function signIn(email: string, pass = password): Promise<string> {
  const res = await authPost(signInRequest(email, pass));
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function organizerSession(role: MemberRole = "owner", organizationId?: string) {
  const organization = organizationId
    ? await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })
    : await createOrganization();
  const user = await createOrganizer(organization.id, role);
  return { organization, ...user, cookie: await signIn(user.email) };
}

/** A campaign with two confirmed signers (one consenting to updates), one pending, two held letters, one abuse action. */
export async function campaignWithData(organizationId: string) {
  const suffix = randomUUID().slice(0, 8);
  const campaign = await prisma.campaign.create({
    data: {
      slug: `camp-${suffix}`,
      organizationId,
      status: "open",
      goal: 100,
      targetEmail: "target@example.test",
      translations: {
        create: [
          { locale: "en", title: `Campaign ${suffix}`, summary: "S", context: "C", letter: "L", targetName: "T" },
          {
            locale: "ko",
            title: `캠페인 ${suffix}`,
            summary: "요약",
            context: "배경",
            letter: "편지",
            targetName: "수신인",
          },
        ],
      },
      topics: {
        create: [
          {
            key: "camps",
            position: 0,
            translations: {
              create: [
                { locale: "en", title: "Camps", fact: "F", ask: "A", source: "S", paragraph: "P" },
                { locale: "ko", title: "수용소", fact: "사실", ask: "요청", source: "출처", paragraph: "문단" },
              ],
            },
          },
        ],
      },
    },
  });
  const now = new Date();
  const signer = (n: number, extra: object) => ({
    campaignId: campaign.id,
    email: `signer${n}-${suffix}@example.test`,
    emailKey: `signer${n}-${suffix}@example.test`,
    name: `Signer ${n} ${suffix}`,
    country: "US",
    region: "CA",
    locale: "en",
    ...extra,
  });
  await prisma.signature.createMany({
    data: [
      signer(1, { status: "confirmed", confirmedAt: now, wantsUpdates: true }),
      signer(2, { status: "confirmed", confirmedAt: now, wantsUpdates: false }),
      signer(3, { status: "pending", wantsUpdates: true }),
    ],
  });
  const letter = (n: number) =>
    prisma.letter.create({
      data: {
        campaignId: campaign.id,
        email: `writer${n}-${suffix}@example.test`,
        emailKey: `writer${n}-${suffix}@example.test`,
        name: `Writer ${n} ${suffix}`,
        country: "KR",
        subject: `Subject ${suffix}`,
        body: `Body ${suffix} http://a.example http://b.example http://c.example`,
        language: "en",
        locale: "en",
        status: "held",
        heldReason: "links",
        confirmedAt: now,
      },
    });
  const [heldA, heldB] = [await letter(1), await letter(2)];
  // An organizer action on suspicious activity (nothing struck out), for the routes that name one.
  const action = await prisma.abuseAction.create({
    data: {
      organizationId,
      campaignId: campaign.id,
      kind: "invalidate_signatures",
      criteria: { reason: "honeypot" },
      affected: 0,
    },
  });
  return { campaign, suffix, letters: [heldA.id, heldB.id], actions: [action.id] };
}

export function validCampaign(slug: string) {
  const text = (lang: string) => ({
    title: `Title ${lang}`,
    summary: `Summary ${lang}`,
    targetName: `Target ${lang}`,
    context: `Context ${lang}`,
    letter: `Letter ${lang}`,
    sources: "",
  });
  const topic = (lang: string) => ({
    title: `Topic ${lang}`,
    fact: `Fact ${lang}`,
    ask: `Ask ${lang}`,
    source: `Source ${lang}`,
    paragraph: `Paragraph ${lang}`,
  });
  return {
    slug,
    goal: 1000,
    targetEmail: "president@example.test",
    texts: { en: text("en"), ko: text("ko") },
    topics: [{ key: "prison-camps", texts: { en: topic("en"), ko: topic("ko") } }],
  };
}

export function organizerRequest(
  method: string,
  path: string,
  init: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers };
  if (method !== "GET") {
    headers.origin ??= appOrigin;
    if (init.body !== undefined) headers["content-type"] = "application/json";
  }
  return new Request(`${appOrigin}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
