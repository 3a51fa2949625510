import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { changeMemberRole } from "@/lib/organizers/team/change-member-role";
import { removeMember } from "@/lib/organizers/team/remove-member";
import { memberRoleInput } from "@/lib/organizers/team/team-schema";

type Context = { params: Promise<{ id: string }> };

// PATCH /api/organizer/members/:id – an owner changes a member's role (never the last owner's)
export const PATCH = organizerRoute<Context>("organizer.members.update", async (request, scope, { params }) => {
  const input = await readJson(request, memberRoleInput);
  return json(await changeMemberRole(scope, (await params).id, input));
});

// DELETE /api/organizer/members/:id – an owner removes a member; their sessions end at once
export const DELETE = organizerRoute<Context>("organizer.members.remove", async (_request, scope, { params }) => {
  await removeMember(scope, (await params).id);
  return json({ removed: true });
});
