// The outbox's sender with every feature's mail kinds, for callers outside the worker's loops (tests, tools).
import {
  deliverOutboxMessage as deliverOne,
  deliverOutboxMessages as deliverMany,
  type Attempt,
  type MessageAttempt,
} from "@/lib/infra/outbox/deliver-outbox-message";
import { mailKinds } from "./mail-kinds";

export { RetryableMailError, isPermanent } from "@/lib/infra/outbox/deliver-outbox-message";

export const deliverOutboxMessage = (id: string, attempt: Partial<Attempt> = {}) => deliverOne(id, attempt, mailKinds);
export const deliverOutboxMessages = (batch: MessageAttempt[]) => deliverMany(batch, mailKinds);
