import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { revokeInvitation } from "@/lib/organizers/team/revoke-invitation";

type Context = { params: Promise<{ id: string }> };

// DELETE /api/organizer/invitations/:id – an owner revokes an open invitation; its link stops working
export const DELETE = organizerRoute<Context>("organizer.invitations.revoke", async (_request, scope, { params }) => {
  await revokeInvitation(scope, (await params).id);
  return json({ revoked: true });
});
