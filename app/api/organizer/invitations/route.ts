import { json, readJson } from "@/lib/infra/http";
import { invitationInput } from "@/lib/organizers/team/invitation-schema";
import { inviteMember } from "@/lib/organizers/team/invite-member";
import { organizerRoute } from "@/lib/organizers/route";

// POST /api/organizer/invitations – an owner invites an organizer by email
export const POST = organizerRoute("organizer.invitations.create", async (request, scope) => {
  const input = await readJson(request, invitationInput);
  return json(await inviteMember(scope, input), { status: 201 });
});
