import { apiRoute, json, readJson } from "@/lib/infra/http";
import { acceptInvitation } from "@/lib/organizers/team/accept-invitation";
import { acceptInvitationInput } from "@/lib/organizers/team/invitation-schema";
import { assertSameOrigin } from "@/lib/organizers/same-origin";

// POST /api/organizer/invitations/accept – the invited person sets a name and password; then they sign in
export const POST = apiRoute("organizer.invitations.accept", async (request) => {
  assertSameOrigin(request);
  const input = await readJson(request, acceptInvitationInput);
  const { email } = await acceptInvitation(input);
  return json({ email }, { status: 201 });
});
