import { json } from "@/lib/http";
import { listExports } from "@/lib/exports/list-exports";
import { organizerRoute } from "@/lib/organizer/route";

// GET /api/organizer/exports – the organization's export log (owners only)
export const GET = organizerRoute("organizer.exports.list", async (_request, scope) => {
  return json({ exports: await listExports(scope) });
});
