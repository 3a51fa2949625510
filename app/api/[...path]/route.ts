import { apiRoute } from "@/lib/infra/http";
import { AppError } from "@/lib/infra/errors";

// Any other /api address: the JSON error every API client expects (with the API's headers), not the HTML 404 page.
const notFound = apiRoute("api.not_found", async () => {
  throw new AppError("not_found");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
