-- Erased mail whose history was left behind. Withdrawing a confirmed letter that had counted its writer as a signer
-- deleted that signature after blanking its emails' recipient but not their history: the events (relays quote the
-- address they refused or accepted) stayed on messages that no row points to any more, where retention never finds
-- them. An erased message is one without a recipient (mail is never sent to ''): its history keeps statuses and
-- times, and loses every detail. From now on one erasure (lib/privacy/erase-person.ts) clears both together.
UPDATE "outbox_event" e SET "detail" = NULL
  FROM "outbox_message" m
 WHERE m."id" = e."message_id" AND m."to" = '' AND e."detail" IS NOT NULL;

UPDATE "outbox_message" SET "payload" = '{}'::jsonb, "last_error" = NULL, "response" = NULL
 WHERE "to" = '' AND ("payload" <> '{}'::jsonb OR "last_error" IS NOT NULL OR "response" IS NOT NULL);
