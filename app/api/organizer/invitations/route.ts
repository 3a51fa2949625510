import { json, readJson } from "@/lib/http";
import { invitationInput } from "@/lib/organizer/invitation-schema";
import { inviteMember } from "@/lib/organizer/invite-member";
import { organizerRoute } from "@/lib/organizer/route";

// POST /api/organizer/invitations – an owner invites an organizer by email
export const POST = organizerRoute("organizer.invitations.create", async (request, scope) => {
  const input = await readJson(request, invitationInput);
  return json(await inviteMember(scope, input), { status: 201 });
});
