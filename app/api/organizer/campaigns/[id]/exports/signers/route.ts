import { Readable } from "node:stream";
import { csvHeaders, exportFileName } from "@/lib/exports/file-name";
import { recordExport } from "@/lib/exports/record-export";
import { signerCsvStream } from "@/lib/exports/signer-csv";
import { requireRole } from "@/lib/organizers/current-organizer";
import { organizerRoute } from "@/lib/organizers/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/exports/signers – consenting signers as CSV, streamed (?include=letters,addresses)
export const GET = organizerRoute<Context>("organizer.exports.signers", async (request, scope, { params }) => {
  const campaign = await scope.campaign((await params).id);
  requireRole(scope.organizer, "editor");
  const include = new Set((new URL(request.url).searchParams.get("include") ?? "").split(",").map((s) => s.trim()));
  const options = { includeLetters: include.has("letters"), includeAddresses: include.has("addresses") };
  await recordExport(scope, campaign.id, "signers", options);
  const body = Readable.toWeb(signerCsvStream(campaign.id, options)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers: csvHeaders(exportFileName("signers", campaign.slug)) });
});
