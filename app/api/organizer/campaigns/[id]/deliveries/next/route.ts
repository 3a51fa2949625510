import { json } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { deliveryPlan } from "@/lib/delivery/delivery-plan";
import { previewNextDeliveries } from "@/lib/delivery/preview-next-delivery";

type Context = { params: Promise<{ id: string }> };

// GET /api/organizer/campaigns/[id]/deliveries/next – the delivery plan and the next deliveries exactly as the target
// would get them now (From, Reply-To, subject, bodies)
export const GET = organizerRoute<Context>("organizer.deliveries.next", async (_request, scope, { params }) => {
  const campaign = await scope.campaign((await params).id);
  const [plan, next] = await Promise.all([deliveryPlan(campaign.id), previewNextDeliveries(campaign.id)]);
  // A letter's Reply-To may be its writer's own address (when they agreed to replies): editors only, as elsewhere.
  const hideWriter = scope.organizer.role === "viewer";
  const shown = (d: typeof next.digest) =>
    d && {
      kind: d.kind,
      to: d.to,
      from: d.content.from,
      replyTo: hideWriter && d.kind === "letter" ? null : (d.content.replyTo ?? null),
      replyToHidden: hideWriter && d.kind === "letter" && Boolean(d.content.replyTo),
      subject: d.content.subject,
      text: d.content.text,
      attachments: (d.content.attachments ?? []).map((a) => a.filename),
    };
  return json({ plan, digest: shown(next.digest), letter: shown(next.letter) });
});
