// The kinds of outbox message and how each is rendered. A feature that sends mail adds its kinds here.
import type { MailKind } from "./outbox";
import { renderSignatureMessage } from "../signatures/render-signature-mail";
import { renderLetterMessage } from "../letters/render-letter-mail";
import { renderInvitationMessage } from "../organizer/render-invitation-mail";
import { markDeliveredSql, renderDigestDelivery, renderLetterDeliveries, renderLetterDelivery } from "../delivery/render-delivery-mail";

export const mailKinds: Record<string, MailKind> = {
  "signature.confirm": { render: renderSignatureMessage },
  "signature.already_confirmed": { render: renderSignatureMessage },
  "letter.confirm": { render: renderLetterMessage },
  "letter.already_confirmed": { render: renderLetterMessage },
  "delivery.letter": { render: renderLetterDelivery, renderMany: renderLetterDeliveries, settledSql: markDeliveredSql },
  "delivery.digest": { render: renderDigestDelivery, settledSql: markDeliveredSql },
  "organizer.invitation": { render: renderInvitationMessage },
};
