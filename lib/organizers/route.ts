// The wrapper for organizer API routes: the shared error contract (lib/infra/http), the refusal of requests another
// site started (every method: exports are GETs), the same-origin check for state-changing methods, and the
// session's organizer turned into a scope before the handler runs.
import "server-only";
import { apiRoute } from "@/lib/infra/http";
import { requireOrganizer } from "./current-organizer";
import { assertNotCrossSite } from "./not-cross-site";
import { assertSameOrigin } from "./same-origin";
import { scopeFor, type Scope } from "./scope";

export function organizerRoute<C>(
  name: string,
  handler: (request: Request, scope: Scope, context: C) => Promise<Response>,
) {
  return apiRoute<C>(name, async (request, context) => {
    assertNotCrossSite(request);
    assertSameOrigin(request);
    const organizer = await requireOrganizer(request.headers);
    return handler(request, scopeFor(organizer), context);
  });
}
