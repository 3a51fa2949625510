// The campaign_targets migration on a database that already has a campaign delivering: its single target becomes
// its first campaign_target with the same address, language, plan and schedule, and everything already handed to it
// stays handed (so nothing is delivered twice). Makes its own database and drops it.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrationsWithEngine, readMigrations, withTemporaryDatabase } from "../../prisma/engine";

const SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const MIGRATION = "20261203155910_campaign_targets";

describe("the campaign_targets migration", () => {
  it("carries an existing campaign's target, its names and what was already delivered over", async () => {
    await withTemporaryDatabase(SERVER, "targets_migration", async (url) => {
      const all = await readMigrations();
      const before = { ...all, migrationDirectories: all.migrationDirectories.filter((d) => d.path < MIGRATION) };
      expect(before.migrationDirectories.length).toBeLessThan(all.migrationDirectories.length);
      await applyMigrationsWithEngine(url, before);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`
INSERT INTO organization (id, slug, name) VALUES ('00000000-0000-4000-8000-000000000001', 'org', 'Coalition');
INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, default_locale, letter_delivery,
                      digest_interval_minutes, last_digest_at, updated_at)
VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'camps', 'open', 100,
        'minister@unification.example.test', 'ko', 'digest', 90, '2026-12-01T10:00:00Z', now());
INSERT INTO campaign_translation (campaign_id, locale, title, summary, target_name, context, letter) VALUES
  ('00000000-0000-4000-8000-000000000002', 'en', 'Close the camps', 's', 'The Minister of Unification', 'c', 'l'),
  ('00000000-0000-4000-8000-000000000002', 'ko', '수용소를 닫으라', 's', '통일부 장관', 'c', 'l');
INSERT INTO outbox_message (id, kind, "to", locale, message_id, campaign_id, status, sent_at)
VALUES ('00000000-0000-4000-8000-000000000003', 'delivery.digest', 'minister@unification.example.test', 'ko',
        '<digest.1@example.test>', '00000000-0000-4000-8000-000000000002', 'sent', now());
INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, confirmed_at, delivery_message_id)
VALUES ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000002', 'a@example.test',
        'a@example.test', '김하나', 'KR', 'ko', 'confirmed', now(), '00000000-0000-4000-8000-000000000003'),
       ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000002', 'b@example.test',
        'b@example.test', 'New Signer', 'KR', 'ko', 'confirmed', now(), NULL);
INSERT INTO letter (id, campaign_id, email, email_key, name, country, subject, body, language, locale, status,
                    confirmed_at, delivered_at, delivery_message_id)
VALUES ('00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000002', 'w@example.test',
        'w@example.test', 'Writer', 'KR', 'S', 'B', 'ko', 'ko', 'delivered', now(), now(),
        '00000000-0000-4000-8000-000000000003'),
       ('00000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-000000000002', 'v@example.test',
        'v@example.test', 'Waiting', 'KR', 'S', 'B', 'ko', 'ko', 'confirmed', now(), NULL, NULL);`);

        expect(await applyMigrationsWithEngine(url, all)).toContain(MIGRATION);

        const { rows: targets } = await client.query(
          `SELECT id, campaign_id, position, email, language, plan::text, interval_minutes, last_scheduled_at
             FROM campaign_target`,
        );
        expect(targets).toEqual([
          {
            id: expect.any(String),
            campaign_id: "00000000-0000-4000-8000-000000000002",
            position: 0,
            email: "minister@unification.example.test",
            language: "ko",
            plan: "digest",
            interval_minutes: 90,
            last_scheduled_at: new Date("2026-12-01T10:00:00Z"),
          },
        ]);
        const targetId = targets[0].id;
        const { rows: names } = await client.query(
          `SELECT locale, name, office FROM campaign_target_translation WHERE target_id = $1 ORDER BY locale`,
          [targetId],
        );
        expect(names).toEqual([
          { locale: "en", name: "The Minister of Unification", office: "" },
          { locale: "ko", name: "통일부 장관", office: "" },
        ]);
        // Handed over already: recorded for the target with the message that carried it; the rest still waits.
        const { rows: signatures } = await client.query(`SELECT * FROM target_signature`);
        expect(signatures).toEqual([
          expect.objectContaining({
            target_id: targetId,
            signature_id: "00000000-0000-4000-8000-000000000004",
            message_id: "00000000-0000-4000-8000-000000000003",
          }),
        ]);
        const { rows: letters } = await client.query(`SELECT * FROM target_letter`);
        expect(letters).toEqual([
          expect.objectContaining({
            target_id: targetId,
            letter_id: "00000000-0000-4000-8000-000000000006",
            message_id: "00000000-0000-4000-8000-000000000003",
          }),
        ]);
        const { rows: messages } = await client.query(`SELECT target_id FROM outbox_message`);
        expect(messages).toEqual([{ target_id: targetId }]);
      } finally {
        await client.end();
      }
    });
  });
});
