// The one definition of a campaign as organizers edit it, shared by the form and the API. Issue messages are
// stable codes; people see them translated (messages: fieldErrors), beside the field whose path they name, e.g.
// "texts.ko.title" or "topics.0.texts.en.fact".
import { z } from "../validation/zod";

const text = (max: number) =>
  z.string({ error: "required" }).trim().normalize("NFC").min(1, { error: "required" }).max(max, { error: "too_long" });
const optionalText = (max: number) => z.string().trim().normalize("NFC").max(max, { error: "too_long" }).default("");
const optionalDate = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.date({ error: "invalid_date" }).optional(),
);

export const campaignLocales = ["en", "ko"] as const;

const campaignText = z.object({
  title: text(200),
  summary: text(1000),
  targetName: text(200),
  context: text(20_000),
  letter: text(20_000),
  sources: optionalText(5_000),
});

const topicText = z.object({
  title: text(200),
  fact: text(2_000),
  ask: text(1_000),
  source: text(1_000),
  paragraph: text(5_000),
});

export const campaignInput = z
  .object({
    slug: z
      .string({ error: "required" })
      .trim()
      .toLowerCase()
      .min(3, { error: "too_short" })
      .max(80, { error: "too_long" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "invalid_slug" }),
    goal: z.coerce.number({ error: "invalid_number" }).int({ error: "invalid_number" }).min(1, { error: "too_small" }).max(100_000_000, { error: "too_large" }),
    targetEmail: z.string({ error: "required" }).trim().min(1, { error: "required" }).pipe(z.email({ error: "invalid_email" })),
    senderEmail: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(300, { error: "too_long" }).optional()),
    defaultLocale: z.enum(campaignLocales, { error: "invalid_locale" }).default("en"),
    letterDelivery: z.enum(["individual", "digest"], { error: "invalid" }).default("individual"),
    digestIntervalMinutes: z.coerce.number({ error: "invalid_number" }).int({ error: "invalid_number" }).min(5, { error: "too_small" }).max(60 * 24 * 31, { error: "too_large" }).default(1440),
    throttlePerMinute: z.coerce.number({ error: "invalid_number" }).int({ error: "invalid_number" }).min(1, { error: "too_small" }).max(1000, { error: "too_large" }).default(30),
    holdUntil: optionalDate,
    opensAt: optionalDate,
    closesAt: optionalDate,
    texts: z.object({ en: campaignText, ko: campaignText }, { error: "required" }),
    topics: z
      .array(
        z.object({
          key: z.string({ error: "required" }).trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "invalid_slug" }).max(60, { error: "too_long" }),
          texts: z.object({ en: topicText, ko: topicText }, { error: "required" }),
        }),
      )
      .max(30, { error: "too_many" })
      .default([]),
  })
  .superRefine((c, ctx) => {
    if (c.opensAt && c.closesAt && c.closesAt <= c.opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "closes_before_opens" });
    const seen = new Set<string>();
    c.topics.forEach((t, i) => {
      if (seen.has(t.key)) ctx.addIssue({ code: "custom", path: ["topics", i, "key"], message: "duplicate" });
      seen.add(t.key);
    });
  });

export type CampaignInput = z.input<typeof campaignInput>;
export type CampaignData = z.output<typeof campaignInput>;

/** The first issue per field path ("texts.en.title"), as codes. */
export function campaignFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_";
    out[field] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return out;
}
