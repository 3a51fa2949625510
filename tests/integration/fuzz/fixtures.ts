// Valid inputs for the public routes as arbitraries (each with a unique email, so a 202 always stores this very
// submission), and how to read back what a submission stored and the email it queued.
import fc from "fast-check";
import { pool } from "@/lib/infra/db";
import type { OutboxRow } from "@/lib/infra/outbox/outbox";
import { formToken } from "../helpers";
import { koreanEmojiText, printableText } from "./arbitraries";

/** A valid address (the local part varies in case and dots); `freshEmails` makes it unique when it is sent. */
export const uniqueEmail = fc
  .stringMatching(/^[a-zA-Z0-9]{1,12}(\.[a-zA-Z0-9]{1,8})?$/)
  .map((local) => `${local}@Example.test`);

let serial = 0;
/**
 * Gives every generated address in a body a suffix never sent before, so a 202 always stores this very submission
 * (fast-check replays the same values while it shrinks, and a repeat within the resend window changes nothing).
 */
export function freshEmails<T extends string | Uint8Array | Record<string, unknown>>(body: T): T {
  const run = ++serial;
  const rewrite = (text: string) => text.replace(/([A-Za-z0-9.]+)@Example\.test/g, `$1.n${run}@Example.test`);
  if (typeof body === "string") return rewrite(body) as T;
  if (body instanceof Uint8Array)
    return Buffer.from(rewrite(Buffer.from(body).toString("latin1")), "latin1") as unknown as T;
  return JSON.parse(rewrite(JSON.stringify(body))) as T;
}

const address = fc.constantFrom(
  { country: "US", region: "CA", postalCode: "94103" },
  { country: "KR", region: undefined, postalCode: "03187" },
  { country: "kr", region: undefined, postalCode: undefined },
);
/** A country without a region list, where the region is free text. */
const freeRegion = (text: fc.Arbitrary<string>) =>
  text.map((region) => ({ country: "JP", region, postalCode: undefined }));

export function signatureArb(text: fc.Arbitrary<string> = printableText()) {
  return (
    fc
      .record({
        name: text,
        email: uniqueEmail,
        place: fc.oneof(address, freeRegion(text)),
        comment: fc.option(
          fc.array(text, { minLength: 1, maxLength: 4 }).map((lines) => lines.join("\n")),
          { nil: undefined },
        ),
        showName: fc.boolean(),
        wantsUpdates: fc.boolean(),
        locale: fc.constantFrom("en", "ko", undefined),
      })
      // A form rendered a minute ago: a person's pace, so the abuse checks let it through.
      .map(({ place, ...rest }) => dropUndefined({ ...rest, ...place, formToken: formToken("sign") }))
  );
}

export const koreanSignature = signatureArb(koreanEmojiText());

const letterBody = (text: fc.Arbitrary<string>) =>
  fc
    .array(text, { minLength: 1, maxLength: 6 })
    .map((parts) => `${parts.join("\n\n")}\n${"편지 본문입니다 ✉️ ".repeat(10)}`);

export function letterArb(text: fc.Arbitrary<string> = printableText()) {
  return fc
    .record({
      topics: fc.subarray(["prison-camps", "families", "movement"], { minLength: 1 }),
      subject: text.map((s) => `${s} 제목`),
      body: letterBody(text),
      language: fc.constantFrom("en", "ko"),
      writerRole: fc.constantFrom("defector", "relative", "supporter", "other", undefined),
      name: text,
      email: uniqueEmail,
      street: fc.option(text, { nil: undefined }),
      city: text,
      place: fc.oneof(address, freeRegion(text)),
      alsoSign: fc.boolean(),
      showName: fc.boolean(),
      wantsUpdates: fc.boolean(),
      replyConsent: fc.boolean(),
      locale: fc.constantFrom("en", "ko", undefined),
    })
    .map(({ place, ...rest }) => dropUndefined({ ...rest, ...place, formToken: formToken("letter", 600) }));
}

export const koreanLetter = letterArb(koreanEmojiText());

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A campaign with the three topics the letter arbitraries choose from. */
export { campaignWithTopics } from "../helpers";

/** The newest outbox message queued for a signature or a letter. */
export async function latestMessage(column: "signature_id" | "letter_id", id: string): Promise<OutboxRow> {
  const { rows } = await pool.query<OutboxRow>(
    `SELECT id, kind, "to", locale, payload, message_id, signature_id, letter_id, campaign_id
       FROM outbox_message WHERE ${column} = $1 ORDER BY created_at DESC LIMIT 1`,
    [id],
  );
  return rows[0]!;
}
