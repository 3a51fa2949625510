import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { resendInvitation } from "@/lib/organizers/team/resend-invitation";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/invitations/:id/resend – an owner sends an open invitation again, with a new link
export const POST = organizerRoute<Context>("organizer.invitations.resend", async (_request, scope, { params }) =>
  json(await resendInvitation(scope, (await params).id), { status: 201 }),
);
