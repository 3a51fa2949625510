import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { listTeam } from "@/lib/organizers/team/list-team";

// GET /api/organizer/team – an owner's view of the members, open invitations and the audit log
export const GET = organizerRoute("organizer.team.list", async (_request, scope) => json(await listTeam(scope)));
