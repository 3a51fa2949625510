// Delivery status and history for organizers: every email sent to a campaign's target, what it carried, each
// attempt with the relay's answer. Callers must already have checked that the reader may see this campaign.
import { prisma } from "@/lib/infra/db";

export type DeliveryRecord = {
  id: string;
  kind: "letter" | "digest";
  status: "pending" | "sending" | "sent" | "failed" | "cancelled";
  messageId: string;
  attempts: number;
  lastError: string | null;
  response: string | null;
  createdAt: Date;
  sentAt: Date | null;
  carries: { signatures: number; letters: number };
  history: { status: string; attempt: number; detail: string | null; at: Date }[];
};

export async function listDeliveries(
  campaignId: string,
  options: { take?: number; status?: DeliveryRecord["status"] } = {},
): Promise<DeliveryRecord[]> {
  const messages = await prisma.outboxMessage.findMany({
    where: { campaignId, kind: { startsWith: "delivery." }, ...(options.status ? { status: options.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.take ?? 50, 500),
    include: {
      events: { orderBy: { at: "asc" }, select: { status: true, attempt: true, detail: true, at: true } },
      _count: { select: { deliveredSignatures: true, deliveredLetters: true } },
    },
  });
  return messages.map((m) => ({
    id: m.id,
    kind: m.kind === "delivery.letter" ? "letter" : "digest",
    status: m.status,
    messageId: m.messageId,
    attempts: m.attempts,
    lastError: m.lastError,
    response: m.response,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    carries: { signatures: m._count.deliveredSignatures, letters: m._count.deliveredLetters },
    history: m.events,
  }));
}

/** Where one letter stands: its own status and dates, and the email that carries it. */
export async function letterDeliveryStatus(letterId: string) {
  const letter = await prisma.letter.findUnique({
    where: { id: letterId },
    select: {
      status: true,
      confirmedAt: true,
      queuedAt: true,
      deliveredAt: true,
      deliveryMessage: {
        select: {
          id: true,
          status: true,
          attempts: true,
          lastError: true,
          response: true,
          messageId: true,
          sentAt: true,
        },
      },
    },
  });
  return letter;
}
