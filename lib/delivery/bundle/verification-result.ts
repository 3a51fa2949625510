// What the verification page shows after a check, carried in its address from the endpoint that checked: signed
// with the app's secret so nobody can link to a page that says "authentic" about a bundle never checked here.
import { keyedHash, safeEqual } from "@/lib/infra/crypto";
import type { PublishedCheck } from "./check-published-bundle";

export type VerificationResult = {
  ok: boolean;
  problems: ("unreadable" | "signature" | "untrusted" | "unknownOrganization" | "file" | "content" | "tooLarge")[];
  certifies: PublishedCheck["certifies"];
  keyRetired: boolean;
  files: { name: string; status: "ok" | "changed" }[];
};

export function summarise(check: PublishedCheck): VerificationResult {
  const problems = new Set<VerificationResult["problems"][number]>();
  if (!check.certifies) problems.add("unreadable");
  else if (!check.signatureValid) problems.add("signature");
  if (check.certifies && !check.knownOrganization) problems.add("unknownOrganization");
  else if (check.certifies && !check.keyTrusted) problems.add("untrusted");
  if (check.files.some((f) => f.status === "changed")) problems.add("file");
  const contentCodes = ["content_digest_mismatch", "counts_inconsistent", "row_changed", "row_extra", "row_missing"];
  if (check.certifies && check.signatureValid && check.problems.some((p) => contentCodes.includes(p.code))) {
    problems.add("content");
  }
  return {
    ok: check.ok && problems.size === 0,
    problems: [...problems],
    certifies: check.certifies,
    keyRetired: check.keyRetired,
    files: check.files
      .filter((f) => f.status !== "not-given")
      .map((f) => ({ name: f.name, status: f.status as "ok" | "changed" })),
  };
}

export function sealResult(result: VerificationResult): string {
  const body = Buffer.from(JSON.stringify(result)).toString("base64url");
  return `${body}.${keyedHash("bundle-verification", body)}`;
}

export function openResult(token: string | undefined): VerificationResult | null {
  const [body, mac, ...rest] = (token ?? "").split(".");
  if (!body || !mac || rest.length || !safeEqual(mac, keyedHash("bundle-verification", body))) return null;
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as VerificationResult;
  } catch {
    return null;
  }
}
