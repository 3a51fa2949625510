import { json } from "@/lib/infra/http";
import { listExports } from "@/lib/exports/list-exports";
import { organizerRoute } from "@/lib/organizers/route";

// GET /api/organizer/exports – the organization's export log (owners only)
export const GET = organizerRoute("organizer.exports.list", async (_request, scope) => {
  return json({ exports: await listExports(scope) });
});
