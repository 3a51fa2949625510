import { json, readJson } from "@/lib/infra/http";
import { organizerRoute } from "@/lib/organizers/route";
import { updateSchema } from "@/lib/updates/schema";
import { previewUpdate } from "@/lib/updates/render-update-mail";

type Context = { params: Promise<{ id: string }> };

// POST /api/organizer/campaigns/[id]/updates/preview – the update as a recipient would read it, in both languages
export const POST = organizerRoute<Context>("organizer.updates.preview", async (request, scope, { params }) => {
  const input = await readJson(request, updateSchema, 64 * 1024);
  const campaign = await scope.campaign((await params).id);
  const [en, ko] = await Promise.all([
    previewUpdate(campaign.id, "en", { subject: input.subjectEn, body: input.bodyEn }),
    previewUpdate(campaign.id, "ko", { subject: input.subjectKo, body: input.bodyKo }),
  ]);
  return json({ en, ko });
});
