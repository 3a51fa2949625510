import { readBundleFile } from "@/lib/delivery/bundle/read-bundle-file";
import { AppError } from "@/lib/infra/errors";
import { recordExport } from "@/lib/exports/record-export";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string; bundleId: string; name: string }> };

// GET /api/organizer/campaigns/[id]/bundles/[bundleId]/files/[name] – one file of a bundle; recorded like an export,
// since the signers appear in it as they chose
export const GET = organizerRoute<Context>("organizer.bundles.file", async (_request, scope, { params }) => {
  const { id, bundleId, name } = await params;
  const campaign = await scope.campaign(id);
  const file = /^[0-9a-f-]{36}$/.test(bundleId) ? await readBundleFile(campaign.id, bundleId, name) : null;
  if (!file) throw new AppError("not_found");
  await recordExport(scope, campaign.id, "signers", { bundle: bundleId, file: name });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.type,
      "content-disposition": `attachment; filename="${campaign.slug}-${file.createdAt.toISOString().slice(0, 10)}-${name}"`,
      "cache-control": "no-store",
    },
  });
});
