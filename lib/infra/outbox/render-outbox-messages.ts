// Renders a claimed batch of outbox messages: kinds that can render many at once do so in one go (one read for the
// batch), the others one by one. Each message gets its own promise, so one message's failure is only its own.
import type { MailContent, MailKinds, OutboxRow } from "./outbox";

export function renderOutboxMessages(
  messages: OutboxRow[],
  mailKinds: MailKinds,
): Map<string, Promise<MailContent | null>> {
  const rendered = new Map<string, Promise<MailContent | null>>();
  const batches = new Map<OutboxRow["kind"], OutboxRow[]>();
  for (const message of messages) {
    const kind = mailKinds[message.kind];
    if (!kind) rendered.set(message.id, Promise.reject(new Error(`unknown outbox message kind ${message.kind}`)));
    else if (!kind.renderMany) rendered.set(message.id, kind.render(message));
    else batches.set(message.kind, [...(batches.get(message.kind) ?? []), message]);
  }
  for (const [kind, batch] of batches) {
    const all = mailKinds[kind]!.renderMany!(batch);
    for (const message of batch)
      rendered.set(
        message.id,
        all.then((contents) => contents.get(message.id) ?? null),
      );
  }
  // Awaited by each message's send; until then a failure must not count as unhandled.
  for (const promise of rendered.values()) promise.catch(() => {});
  return rendered;
}
