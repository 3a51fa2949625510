// Every kind of outbox message, named once: the domain code that writes a message, the sender and the composition
// root (lib/worker/mail-kinds.ts, which gives each kind its renderer) all type-check against this table.
export const messageKinds = {
  "signature.confirm": { lane: "own", suppressible: true },
  "signature.already_confirmed": { lane: "own", suppressible: true },
  "letter.confirm": { lane: "own", suppressible: true },
  "letter.already_confirmed": { lane: "own", suppressible: true },
  "organizer.invitation": { lane: "own", suppressible: false },
  "campaign.milestone": { lane: "own", suppressible: true },
  "campaign.update": { lane: "own", suppressible: true },
  "delivery.letter": { lane: "delivery", suppressible: false },
  "delivery.digest": { lane: "delivery", suppressible: false },
  "delivery.bundle": { lane: "delivery", suppressible: false },
  // An organizer's "send a test to me": the next delivery, marked as a test, to the organizer's own address.
  "delivery.test": { lane: "own", suppressible: false },
} as const satisfies Record<string, { lane: Lane; suppressible: boolean }>;

/**
 * `own`: a person's own mail (confirmations, invitations), MAIL_SEND_ATTEMPTS tries. `delivery`: mail to a
 * campaign's target, DELIVERY_SEND_ATTEMPTS quick tries and then one an hour. Each lane has its own send loops, so a
 * backlog of deliveries never holds up a signer's confirmation.
 */
export type Lane = "own" | "delivery";

export type MessageKind = keyof typeof messageKinds;

export function kindsOf(lane: Lane): MessageKind[] {
  return (Object.keys(messageKinds) as MessageKind[]).filter((kind) => messageKinds[kind].lane === lane);
}

export function laneOf(kind: MessageKind): Lane {
  return messageKinds[kind].lane;
}

/** Signer and writer mail: the only mail a suppressed address stops getting (never a delivery to a target). */
export function suppressionApplies(kind: string): boolean {
  return kind in messageKinds && messageKinds[kind as MessageKind].suppressible;
}
