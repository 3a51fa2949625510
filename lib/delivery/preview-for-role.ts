// What an organizer is shown of the next deliveries (the delivery panel and its API): the message as the target gets
// it, except that a letter's Reply-To, which may be its writer's own address (when they agreed to replies), is shown
// to editors and owners only, as everywhere else a writer's address appears.
import type { MemberRole } from "@/lib/generated/kysely/enums";
import type { MailContent } from "@/lib/infra/outbox/outbox";
import type { NextDelivery } from "./preview-next-delivery";

type Address = MailContent["from"];
type Filename = NonNullable<MailContent["attachments"]>[number]["filename"];

export type DeliveryPreview = {
  kind: NextDelivery["kind"];
  to: string;
  from: Address;
  /** null when there is none, and when it is hidden from this role (then `replyToHidden`). */
  replyTo: Address | null;
  replyToHidden: boolean;
  subject: string;
  text: string;
  attachments: Filename[];
};

export function previewForRole(delivery: NextDelivery, role: MemberRole): DeliveryPreview {
  const { kind, to, content } = delivery;
  const hidden = role === "viewer" && kind === "letter" && Boolean(content.replyTo);
  return {
    kind,
    to,
    from: content.from,
    replyTo: hidden ? null : (content.replyTo ?? null),
    replyToHidden: hidden,
    subject: content.subject,
    text: content.text,
    attachments: (content.attachments ?? []).map((a) => a.filename),
  };
}

export function previewsForRole(
  next: { digest: NextDelivery | null; letter: NextDelivery | null },
  role: MemberRole,
): { digest: DeliveryPreview | null; letter: DeliveryPreview | null } {
  return {
    digest: next.digest && previewForRole(next.digest, role),
    letter: next.letter && previewForRole(next.letter, role),
  };
}
