// One file of a campaign's bundle, for its organizers to download (or null when there is no such file).
import { db } from "@/lib/infra/db";

const types: Record<string, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  sig: "text/plain; charset=utf-8",
};

export async function readBundleFile(campaignId: string, bundleId: string, name: string) {
  const file = await db
    .selectFrom("delivery_bundle_file")
    .innerJoin("delivery_bundle", "delivery_bundle.id", "delivery_bundle_file.bundle_id")
    .select(["delivery_bundle_file.content", "delivery_bundle.created_at"])
    .where("delivery_bundle.campaign_id", "=", campaignId)
    .where("delivery_bundle.id", "=", bundleId)
    .where("delivery_bundle_file.name", "=", name)
    .executeTakeFirst();
  if (!file) return null;
  return {
    content: file.content,
    type: types[name.split(".").pop() ?? ""] ?? "application/octet-stream",
    createdAt: file.created_at,
  };
}
