// One erasure of a person's data in a campaign, whoever asks for it: the person (withdrawing a signature or a letter),
// an organizer (erasing a signer), or time (retention). Everything of theirs is reached from their signature and
// letter rows, so every path goes through here, in the caller's transaction, and no copy of the rules can drift.
import { sql } from "kysely";
import type { Transaction } from "@/lib/infra/db";
import type { LetterStatus, SignatureStatus } from "@/lib/generated/kysely/enums";
import { randomShard } from "@/lib/campaigns/count-shards";

/**
 * - "withdraw": the person leaves. Their signature is deleted (a confirmed one leaves the count); their letter is
 *   withdrawn unless it was delivered: it keeps status, dates, language and topics and loses everything else, its
 *   country too. A delivered letter keeps its status, country and delivery record, like an expired one.
 * - "expire": the retention period is over. What the counts need stays, anonymous: confirmed and struck-out
 *   signatures keep status, dates, country and region; letters keep status, dates, language, country, topics and
 *   their delivery record, and one still held for review counts as rejected. Rows never confirmed are deleted.
 * A letter on its way to the target (queued, its delivery unsettled; with "expire" also a confirmed letter, and a
 * confirmed signature no digest has carried yet) is left as it is: it is delivered first and erased by a later run.
 */
export type ErasureMode = "withdraw" | "expire";

export type SignatureFate = "deleted" | "anonymised" | "waiting";
export type LetterFate = "deleted" | "withdrawn" | "anonymised" | "waiting";
export type ErasedSignature = { id: string; campaignId: string; status: SignatureStatus; fate: SignatureFate };
export type ErasedLetter = { id: string; campaignId: string; status: LetterStatus; fate: LetterFate };
export type Erasure = { signatures: ErasedSignature[]; letters: ErasedLetter[]; uncounted: number };

/** The people to erase: any signatures and letters, of any campaigns (a retention batch, or one person's rows). */
export type People = { signatureIds?: readonly string[]; letterIds?: readonly string[] };

/** A list of ids as one parameter (`= ANY(…)`): a retention batch may hold more ids than a statement has parameters. */
const uuids = (ids: readonly string[]) => sql<readonly string[]>`${ids}::uuid[]`;

/**
 * A signature some target of its campaign has not been handed yet, or whose delivery has not been settled (alias
 * `t`; lib/delivery/schedule-deliveries.ts records each target's in target_signature). A campaign whose targets are
 * not stored yet has its single one: the signature's own carrier says.
 */
const signatureOnItsWay = sql<boolean>`t.status = 'confirmed' AND (
  (t.delivery_message_id IS NULL AND NOT EXISTS (SELECT 1 FROM campaign_target ct WHERE ct.campaign_id = t.campaign_id))
  OR EXISTS (SELECT 1 FROM outbox_message d WHERE d.id = t.delivery_message_id AND d.status IN ('pending', 'sending'))
  OR EXISTS (SELECT 1 FROM campaign_target ct WHERE ct.campaign_id = t.campaign_id AND NOT EXISTS (
               SELECT 1 FROM target_signature x WHERE x.target_id = ct.id AND x.signature_id = t.id))
  OR EXISTS (SELECT 1 FROM target_signature x JOIN outbox_message d ON d.id = x.message_id
              WHERE x.signature_id = t.id AND d.status IN ('pending', 'sending')))`;

/** A letter handed to some target in a delivery not settled yet, or handed to some but not all of them (alias `t`). */
const letterOnItsWay = sql<boolean>`t.status IN ('queued', 'delivered') AND (
  EXISTS (SELECT 1 FROM outbox_message d WHERE d.id = t.delivery_message_id AND d.status IN ('pending', 'sending'))
  OR EXISTS (SELECT 1 FROM campaign_target ct WHERE ct.campaign_id = t.campaign_id AND NOT EXISTS (
               SELECT 1 FROM target_letter x WHERE x.target_id = ct.id AND x.letter_id = t.id))
  OR EXISTS (SELECT 1 FROM target_letter x JOIN outbox_message d ON d.id = x.message_id
              WHERE x.letter_id = t.id AND d.status IN ('pending', 'sending')))`;

function signatureFate(mode: ErasureMode, status: SignatureStatus, onItsWay: boolean): SignatureFate {
  if (mode === "withdraw" || status === "pending" || status === "suspected") return "deleted";
  return onItsWay ? "waiting" : "anonymised";
}

function letterFate(mode: ErasureMode, status: LetterStatus, onItsWay: boolean): LetterFate {
  if (onItsWay) return "waiting";
  if (mode === "withdraw") return status === "delivered" ? "anonymised" : "withdrawn";
  if (status === "pending" || status === "suspected") return "deleted";
  return status === "confirmed" ? "waiting" : "anonymised";
}

/** What a signature kept for the counts (or as an organizer's evidence) no longer says. */
const anonymousSignature = {
  email: "", // NOT NULL while a signature lives (mail goes there): '' says "no one's"
  email_key: null,
  name: "",
  postal_code: null,
  comment: null,
  ip_hash: null,
  network_hash: null,
  show_name: false,
  wants_updates: false,
  confirm_token_hash: null,
  confirm_token_expires_at: null,
} as const;

/** What a kept letter no longer says: the writer, the writer's role, and the text, which may identify them. */
const anonymousLetter = {
  email: null,
  email_key: null,
  name: "",
  street: null,
  city: null,
  region: null,
  postal_code: null,
  subject: "",
  body: "",
  body_fingerprint: null,
  writer_role: null,
  show_name: false,
  wants_updates: false,
  ip_hash: null,
  network_hash: null,
  confirm_token_hash: null,
  confirm_token_expires_at: null,
} as const;

/**
 * Erases these people in `trx` (their rows locked here, letters first, as confirming a letter does) and tells each
 * row's fate. Their own emails (confirmations, "already confirmed", re-sent and cancelled ones, and those of a
 * signature a letter's "count me as a signer" confirmed) lose recipient, parameters and relay answers, every event
 * of their history loses its detail (relays quote the address), and unsent ones are cancelled; deliveries to the
 * target keep their record. The mail goes first: a deleted row's mail loses its link, the only way to find it again.
 */
export async function erasePeople(trx: Transaction, people: People, mode: ErasureMode, at: Date): Promise<Erasure> {
  const letterIds = [...(people.letterIds ?? [])];
  const signatureIds = [...(people.signatureIds ?? [])];
  const letters = letterIds.length
    ? await trx
        .selectFrom("letter as t")
        .select(["t.id", "t.campaign_id", "t.status", letterOnItsWay.as("on_its_way")])
        .where((eb) => eb("t.id", "=", eb.fn.any(uuids(letterIds))))
        .orderBy("t.id")
        .forUpdate()
        .execute()
    : [];
  const signatures = signatureIds.length
    ? await trx
        .selectFrom("signature as t")
        .select(["t.id", "t.campaign_id", "t.status", signatureOnItsWay.as("on_its_way")])
        .where((eb) => eb("t.id", "=", eb.fn.any(uuids(signatureIds))))
        .orderBy("t.id")
        .forUpdate()
        .execute()
    : [];
  const erasure: Erasure = {
    letters: letters.map((r) => ({
      id: r.id,
      campaignId: r.campaign_id,
      status: r.status,
      fate: letterFate(mode, r.status, r.on_its_way),
    })),
    signatures: signatures.map((r) => ({
      id: r.id,
      campaignId: r.campaign_id,
      status: r.status,
      fate: signatureFate(mode, r.status, r.on_its_way),
    })),
    uncounted: 0,
  };
  await eraseOwnMail(
    trx,
    ids(erasure.signatures, "deleted", "anonymised"),
    ids(erasure.letters, "deleted", "withdrawn", "anonymised"),
    at,
  );
  erasure.uncounted = await eraseSignatureRows(trx, erasure.signatures);
  await eraseLetterRows(trx, erasure.letters, at);
  return erasure;
}

/** The ids of the rows whose fate is one of `fates`. */
function ids<F extends string>(rows: { id: string; fate: F }[], ...fates: F[]): string[] {
  return rows.filter((r) => fates.includes(r.fate)).map((r) => r.id);
}

/** Deletes or anonymises signatures as their fate says. Returns how many confirmed ones left the count. */
async function eraseSignatureRows(trx: Transaction, signatures: ErasedSignature[]): Promise<number> {
  let uncounted = 0;
  const deleted = ids(signatures, "deleted");
  if (deleted.length) {
    const gone = await trx
      .deleteFrom("signature")
      .where((eb) => eb("id", "=", eb.fn.any(uuids(deleted))))
      .returning(["campaign_id", "status"])
      .execute();
    uncounted = await uncount(
      trx,
      gone.filter((s) => s.status === "confirmed").map((s) => s.campaign_id),
    );
  }
  const anonymised = ids(signatures, "anonymised");
  if (anonymised.length)
    await trx
      .updateTable("signature")
      .set(anonymousSignature)
      .where((eb) => eb("id", "=", eb.fn.any(uuids(anonymised))))
      .execute();
  return uncounted;
}

/** Deletes, withdraws or anonymises letters as their fate says; their topics stay with the rows kept. */
async function eraseLetterRows(trx: Transaction, letters: ErasedLetter[], at: Date): Promise<void> {
  const deleted = ids(letters, "deleted");
  if (deleted.length)
    await trx
      .deleteFrom("letter")
      .where((eb) => eb("id", "=", eb.fn.any(uuids(deleted))))
      .execute();
  const withdrawn = ids(letters, "withdrawn");
  if (withdrawn.length)
    await trx
      .updateTable("letter")
      .set({
        ...anonymousLetter,
        country: "ZZ",
        status: "withdrawn",
        withdrawn_at: sql<Date>`COALESCE(withdrawn_at, ${at})`,
      })
      .where((eb) => eb("id", "=", eb.fn.any(uuids(withdrawn))))
      .execute();
  const anonymised = ids(letters, "anonymised");
  if (anonymised.length)
    await trx
      .updateTable("letter")
      .set({
        ...anonymousLetter,
        // A letter still held for review will never be delivered now: it counts as rejected.
        rejected_at: sql<Date>`CASE WHEN status = 'held' THEN ${at}::timestamptz ELSE rejected_at END`,
        status: sql<LetterStatus>`CASE WHEN status = 'held' THEN 'rejected'::letter_status ELSE status END`,
      })
      .where((eb) => eb("id", "=", eb.fn.any(uuids(anonymised))))
      .execute();
}

/** The people's own emails and their whole history (never a delivery to the target, which is the campaign's record). */
async function eraseOwnMail(trx: Transaction, signatureIds: string[], letterIds: string[], at: Date): Promise<void> {
  if (signatureIds.length === 0 && letterIds.length === 0) return;
  await sql`
WITH m AS (
  UPDATE outbox_message
     SET "to" = '', payload = '{}'::jsonb, last_error = NULL, response = NULL, updated_at = ${at},
         status = CASE WHEN status IN ('pending', 'sending') THEN 'cancelled'::outbox_status ELSE status END
   WHERE signature_id = ANY(${signatureIds}::uuid[])
      OR (letter_id = ANY(${letterIds}::uuid[]) AND kind NOT LIKE 'delivery.%')
  RETURNING id
)
UPDATE outbox_event e SET detail = NULL FROM m WHERE e.message_id = m.id AND e.detail IS NOT NULL`.execute(trx);
}

/** Takes confirmed signatures off their campaigns' counts (one per entry). Returns how many. */
async function uncount(trx: Transaction, campaignIds: string[]): Promise<number> {
  const perCampaign = new Map<string, number>();
  for (const id of campaignIds) perCampaign.set(id, (perCampaign.get(id) ?? 0) + 1);
  if (perCampaign.size === 0) return 0;
  const shard = randomShard();
  await trx
    .insertInto("campaign_count_shard")
    .values([...perCampaign].map(([campaign_id, n]) => ({ campaign_id, shard, confirmed: -n })))
    .onConflict((oc) =>
      oc
        .columns(["campaign_id", "shard"])
        .doUpdateSet((eb) => ({ confirmed: eb("campaign_count_shard.confirmed", "+", eb.ref("excluded.confirmed")) })),
    )
    .execute();
  return campaignIds.length;
}
