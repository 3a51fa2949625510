// The one definition of a campaign as organizers edit it, shared by the form and the API. Issue messages are
// stable codes; people see them translated (messages: fieldErrors), beside the field whose path they name, e.g.
// "texts.ko.title" or "topics.0.texts.en.fact".
// Texts follow lib/infra/validation/text: titles and names are single lines, the rest may have line breaks; no NUL, other
// control characters or lone surrogates anywhere (Postgres cannot store NUL: that used to be a 500).
import { campaignRisks } from "@/lib/campaigns/appearance";
import { z } from "@/lib/infra/validation/zod";
import { slugLimits, slugPattern } from "@/lib/campaigns/slug";
import {
  blankToUndefined,
  hasOnlyAllowedChars,
  isBlank,
  line,
  optionalLine,
  paragraphs,
} from "@/lib/infra/validation/text";

const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .normalize("NFC")
    .max(max, { error: "too_long" })
    .refine((v) => hasOnlyAllowedChars(v, { newlines: true }), { error: "invalid_characters" })
    .transform((v) => (isBlank(v) ? "" : v))
    .default("");

// The form sends numbers and dates as strings, JSON callers may send numbers; nothing else is coerced (true is not 1).
const fromForm = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v);
const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    fromForm,
    z
      .number({ error: "invalid_number" })
      .int({ error: "invalid_number" })
      .min(min, { error: "too_small" })
      .max(max, { error: "too_large" }),
  );
// Postgres keeps years 4713 BC to 294276 AD, JavaScript dates ±275760: keep to years any calendar shows.
const dateRange = { min: new Date("1900-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z") };
const optionalDate = z.preprocess(
  (v) => (v === "" || v === null ? undefined : typeof v === "string" || typeof v === "number" ? new Date(v) : v),
  z
    .date({ error: "invalid_date" })
    .min(dateRange.min, { error: "invalid_date" })
    .max(dateRange.max, { error: "invalid_date" })
    .optional(),
);

export const campaignLocales = ["en", "ko"] as const;

/**
 * A campaign's sender: one mailbox, "address" or "Name <address>" (the name may be quoted), never a list, a group or
 * a bare phrase, and on one of `domains` (lib/infra/mail/sender-domains.ts). Returns the problem's code, or null.
 */
export function senderProblem(value: string, domains: readonly string[]): string | null {
  const match =
    /^(?:"([^"\\\r\n]*)"|([^"<>,;:@\r\n]*?))\s*<([^<>\s]+)>$/.exec(value) ?? /^()()([^<>\s,;"]+)$/.exec(value);
  const address = match?.[3];
  if (!address || !z.email().safeParse(address).success) return "invalid_sender";
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  return domains.map((d) => d.toLowerCase()).includes(domain) ? null : "sender_domain_not_allowed";
}

const campaignText = z.object({
  title: line(200),
  summary: paragraphs(1000),
  // The single target's name: required only when no `targets` are given (see campaignInputFor).
  targetName: optionalLine(200),
  context: paragraphs(20_000),
  letter: paragraphs(20_000),
  sources: optionalText(5_000),
});

const topicText = z.object({
  title: line(200),
  fact: paragraphs(2_000),
  ask: paragraphs(1_000),
  source: paragraphs(1_000),
  paragraph: paragraphs(5_000),
});

const email = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "too_long" })
  .pipe(z.email({ error: "invalid_email" }));

export const targetPlans = ["one_by_one", "digest", "bundle_only"] as const;

const targetText = z.object({ name: line(200), office: optionalText(200) });

/** One of the campaign's targets as organizers edit it: a known `id` is updated, a target without one is added. */
export const campaignTargetInput = z.object({
  id: z.preprocess(blankToUndefined, z.uuid({ error: "invalid" }).optional()),
  email,
  language: z.enum(campaignLocales, { error: "invalid_locale" }).default("en"),
  plan: z.enum(targetPlans, { error: "invalid" }).default("one_by_one"),
  // Minutes between the target's digests or bundles.
  intervalMinutes: wholeNumber(5, 60 * 24 * 31).default(1440),
  texts: z.object({ en: targetText, ko: targetText }, { error: "required" }),
});

/** The campaign schema for a deployment whose senders may use `senderDomains`. */
export const campaignInputFor = (senderDomains: readonly string[]) =>
  z
    .object({
      slug: z
        .string({ error: "required" })
        .trim()
        .toLowerCase()
        .min(slugLimits.min, { error: "too_short" })
        .max(slugLimits.max, { error: "too_long" })
        .regex(slugPattern, { error: "invalid_slug" }),
      goal: wholeNumber(1, 100_000_000),
      // The single target of a campaign saved without `targets` (older API callers); with targets, the first one's.
      targetEmail: z.preprocess(blankToUndefined, email.optional()),
      // A mail From: an address or "Name <address>"; blank means the default sender (MAIL_FROM), never an empty From.
      senderEmail: z.preprocess(blankToUndefined, line(300).optional()),
      defaultLocale: z.enum(campaignLocales, { error: "invalid_locale" }).default("en"),
      letterDelivery: z.enum(["individual", "digest"], { error: "invalid" }).default("individual"),
      // At risk: the sign form and the composer pre-select "initials and country" instead of the full name.
      risk: z.enum(campaignRisks, { error: "invalid" }).default("standard"),
      digestIntervalMinutes: wholeNumber(5, 60 * 24 * 31).default(1440),
      throttlePerMinute: wholeNumber(1, 1000).default(30),
      // The cooling-off hold of confirmed letters, in hours; blank: the LETTER_HOLD_HOURS setting.
      letterHoldHours: z.preprocess(
        (v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
        wholeNumber(0, 720).optional(),
      ),
      holdUntil: optionalDate,
      opensAt: optionalDate,
      closesAt: optionalDate,
      texts: z.object({ en: campaignText, ko: campaignText }, { error: "required" }),
      topics: z
        .array(
          z.object({
            key: z
              .string({ error: "required" })
              .trim()
              .toLowerCase()
              .regex(slugPattern, { error: "invalid_slug" })
              .max(60, { error: "too_long" }),
            texts: z.object({ en: topicText, ko: topicText }, { error: "required" }),
          }),
        )
        .max(30, { error: "too_many" })
        .default([]),
      // Changing a public campaign's address is asked twice: the form shows what happens to the old one (it redirects).
      confirmSlugChange: z.boolean({ error: "invalid" }).optional(),
      // Whom the letters and signatures go to, in the order signers see them; absent or empty: the single target above
      // (its first target follows targetEmail and texts.*.targetName; any others stay as they are).
      targets: z.array(campaignTargetInput).max(10, { error: "too_many" }).optional(),
    })
    .superRefine((c, ctx) => {
      if (c.opensAt && c.closesAt && c.closesAt <= c.opensAt)
        ctx.addIssue({ code: "custom", path: ["closesAt"], message: "closes_before_opens" });
      const sender = c.senderEmail ? senderProblem(c.senderEmail, senderDomains) : null;
      if (sender) ctx.addIssue({ code: "custom", path: ["senderEmail"], message: sender });
      const targets = c.targets ?? [];
      if (targets.length === 0) {
        if (!c.targetEmail) ctx.addIssue({ code: "custom", path: ["targetEmail"], message: "required" });
        for (const locale of campaignLocales)
          if (!c.texts[locale].targetName)
            ctx.addIssue({ code: "custom", path: ["texts", locale, "targetName"], message: "required" });
      }
      const emails = new Set<string>();
      targets.forEach((t, i) => {
        const key = t.email.toLowerCase();
        if (emails.has(key)) ctx.addIssue({ code: "custom", path: ["targets", i, "email"], message: "duplicate" });
        emails.add(key);
      });
      const seen = new Set<string>();
      c.topics.forEach((t, i) => {
        if (seen.has(t.key)) ctx.addIssue({ code: "custom", path: ["topics", i, "key"], message: "duplicate" });
        seen.add(t.key);
      });
    });

export type CampaignInput = z.input<ReturnType<typeof campaignInputFor>>;
export type CampaignData = z.output<ReturnType<typeof campaignInputFor>>;
export type CampaignTargetInput = z.input<typeof campaignTargetInput>;
export type CampaignTargetData = z.output<typeof campaignTargetInput>;

/** The first issue per field path ("texts.en.title"), as codes. */
export function campaignFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_";
    out[field] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return out;
}
