"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Duplicates the campaign (POST …/duplicate) and opens the new draft's edit form. */
export function DuplicateButton({ campaignId, locale, label }: { campaignId: string; locale: string; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  async function press() {
    setPending(true);
    setFailed(null);
    const res = await fetch(`/api/organizer/campaigns/${campaignId}/duplicate`, {
      method: "POST",
      headers: { "accept-language": locale },
    }).catch(() => null);
    const body = await res?.json().catch(() => null);
    setPending(false);
    if (!res?.ok || typeof body?.id !== "string") {
      setFailed(body?.error?.message ?? "Error");
      return;
    }
    router.push(`/${locale}/admin/campaigns/${body.id}/edit`);
  }
  return (
    <span className="api-button">
      <button type="button" className="button button-secondary" onClick={press} disabled={pending}>
        {label}
      </button>
      <span role="status">{failed && <span className="field-error"> {failed}</span>}</span>
    </span>
  );
}
