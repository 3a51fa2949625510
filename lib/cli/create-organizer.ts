// `npm run organizer:create -- --email owner@example.org --organization "Name" [--slug name] [--locale en|ko]`:
// the first organizer of a deployment. Prints a one-time link where the owner sets their password.
import { parseArgs } from "node:util";
import { toolDatabaseUrl } from "./local-database";

const usage =
  'usage: npm run organizer:create -- --email owner@example.org --organization "Organization name" [--slug slug] [--locale en|ko]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      organization: { type: "string" },
      slug: { type: "string" },
      locale: { type: "string", default: "en" },
    },
  });
  if (!values.email || !values.organization || !["en", "ko"].includes(values.locale!)) throw new Error(usage);
  toolDatabaseUrl();
  const { createOrganization } = await import("@/lib/organizers/team/create-organization");
  const { env } = await import("@/lib/infra/env");
  const { token, expiresAt } = await createOrganization({
    name: values.organization,
    slug: values.slug,
    ownerEmail: values.email,
  });
  const link = new URL(`/${values.locale}/admin/invitation/${token}`, env.APP_URL);
  console.log(`Created the organization "${values.organization.trim()}".`);
  console.log(
    `Send this one-time link to ${values.email.trim()}; it sets the owner's password (valid until ${expiresAt.toISOString()}):`,
  );
  console.log(link.toString());
}

main()
  .catch((err: unknown) => {
    console.error(`organizer:create: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    const { closeDb } = await import("@/lib/infra/db");
    await closeDb();
  });
