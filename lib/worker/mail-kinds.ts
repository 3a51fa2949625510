// How each kind of outbox message is rendered, from the features that own them. A feature that sends a new kind of
// mail names it in lib/infra/outbox/message-kinds.ts; the type check then asks for its renderer here.
import type { MailKinds } from "@/lib/infra/outbox/outbox";
import { renderSignatureMessage } from "@/lib/signatures/render-signature-mail";
import { renderLetterMessage } from "@/lib/letters/render-letter-mail";
import { renderInvitationMessage } from "@/lib/organizers/team/render-invitation-mail";
import { renderUpdateMessage } from "@/lib/updates/render-update-mail";
import {
  markDeliveredSql,
  renderDigestDelivery,
  renderLetterDeliveries,
  renderLetterDelivery,
} from "@/lib/delivery/render-delivery-mail";
import { letterAsDelivered } from "@/lib/delivery/letter-as-delivered";
import { renderBundleDelivery } from "@/lib/delivery/render-bundle-delivery";
import { renderTestDelivery } from "@/lib/delivery/render-test-delivery";

export const mailKinds: MailKinds = {
  "signature.confirm": { render: renderSignatureMessage },
  "signature.already_confirmed": { render: renderSignatureMessage },
  // The confirmation copies the letter as lib/delivery will deliver it.
  "letter.confirm": { render: (message) => renderLetterMessage(message, letterAsDelivered) },
  "letter.already_confirmed": { render: (message) => renderLetterMessage(message, letterAsDelivered) },
  "delivery.letter": { render: renderLetterDelivery, renderMany: renderLetterDeliveries, settledSql: markDeliveredSql },
  "delivery.digest": { render: renderDigestDelivery, settledSql: markDeliveredSql },
  "delivery.bundle": { render: renderBundleDelivery, settledSql: markDeliveredSql },
  "delivery.test": { render: renderTestDelivery },
  "organizer.invitation": { render: renderInvitationMessage },
  "campaign.milestone": { render: renderUpdateMessage },
  "campaign.update": { render: renderUpdateMessage },
};
