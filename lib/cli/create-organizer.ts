// `npm run organizer:create -- --email owner@example.org --organization "Name" [--organization-ko "이름"]
// [--slug name] [--locale en|ko]`:
// the first organizer of a deployment. Prints a one-time link where the owner sets their password.
// What it prints is the command's answer to the operator who typed it, not a log: plain lines, never records.
import { parseArgs } from "node:util";
import { AppError } from "@/lib/infra/errors";
import { describeError } from "@/lib/infra/log";
import { toolDatabaseUrl } from "./local-database";

const say = (line: string) => process.stdout.write(`${line}\n`);

const usage =
  'usage: npm run organizer:create -- --email owner@example.org --organization "Organization name" [--organization-ko "단체 이름"] [--slug slug] [--locale en|ko]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      organization: { type: "string" },
      "organization-ko": { type: "string" },
      slug: { type: "string" },
      locale: { type: "string", default: "en" },
    },
  });
  if (!values.email || !values.organization || !["en", "ko"].includes(values.locale!))
    throw new AppError("validation_failed", usage);
  toolDatabaseUrl();
  const { createOrganization } = await import("@/lib/organizers/team/create-organization");
  const { env } = await import("@/lib/infra/env");
  const { token, expiresAt } = await createOrganization({
    name: values.organization,
    koreanName: values["organization-ko"],
    slug: values.slug,
    ownerEmail: values.email,
  });
  const link = new URL(`/${values.locale}/admin/invitation/${token}`, env.APP_URL);
  say(`Created the organization "${values.organization.trim()}".`);
  say(
    `Send this one-time link to ${values.email.trim()}; it sets the owner's password (valid until ${expiresAt.toISOString()}):`,
  );
  say(link.toString());
}

main()
  .catch((err: unknown) => {
    // Our own refusals (usage, a taken slug, settings by key) as written; anything else as the logs would describe it.
    const ours = err instanceof AppError || (err instanceof Error && err.message.startsWith("Invalid environment"));
    process.stderr.write(`organizer:create: ${ours ? err.message : describeError(err)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    const { closeDb } = await import("@/lib/infra/db");
    await closeDb();
  });
