import { apiRoute, json, readJson } from "@/lib/http";
import { acceptInvitation } from "@/lib/organizer/accept-invitation";
import { acceptInvitationInput } from "@/lib/organizer/invitation-schema";
import { assertSameOrigin } from "@/lib/organizer/same-origin";

// POST /api/organizer/invitations/accept – the invited person sets a name and password; then they sign in
export const POST = apiRoute("organizer.invitations.accept", async (request) => {
  assertSameOrigin(request);
  const input = await readJson(request, acceptInvitationInput);
  const { email } = await acceptInvitation(input);
  return json({ email }, { status: 201 });
});
