"use client";

// Strike out one group of signatures from the Signals page: Review asks the server how many signatures the group
// holds and how many of them count now; only the confirm button that follows changes anything, and it strikes out
// the group as previewed (nothing that arrived after the preview). The panel stays in its row when the group has
// nothing left to strike out, so the result it reports outlives the refresh that follows.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { InvalidationPreview } from "@/lib/integrity/signals/preview-invalidation";

type Criteria = { network?: string; domain?: string; reason?: string; from?: string; to?: string };

export function InvalidationPanel({
  campaignId,
  criteria,
  what,
  live,
}: {
  campaignId: string;
  criteria: Criteria;
  what: string;
  /** The group holds signatures not struck out yet: Review is offered. */
  live: boolean;
}) {
  const t = useTranslations("admin.signals");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [preview, setPreview] = useState<InvalidationPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const base = `/api/organizer/campaigns/${campaignId}/invalidations`;

  async function post(url: string, body: unknown) {
    setPending(true);
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": locale },
      body: JSON.stringify(body),
    }).catch(() => null);
    setPending(false);
    const data = await res?.json().catch(() => null);
    if (!res?.ok) setMessage({ ok: false, text: data?.error?.message ?? "Error" });
    return res?.ok ? data : null;
  }

  async function review() {
    setMessage(null);
    const data = (await post(`${base}/preview`, { criteria })) as InvalidationPreview | null;
    if (!data) return;
    if (data.signatures === 0) setMessage({ ok: true, text: t("nothing") });
    else setPreview(data);
  }

  async function confirm() {
    if (!preview) return;
    const data = await post(base, {
      criteria: { ...criteria, to: criteria.to && criteria.to < preview.asOf ? criteria.to : preview.asOf },
    });
    setPreview(null);
    if (!data) return;
    setMessage({ ok: true, text: t("done", { invalidated: data.invalidated, uncounted: data.uncounted }) });
    router.refresh();
  }

  return (
    <div className="invalidation-panel">
      {!preview && live && (
        <button
          type="button"
          className="button button-secondary"
          onClick={review}
          disabled={pending}
          aria-label={t("reviewLabel", { what })}
        >
          {t("review")}
        </button>
      )}
      {preview && (
        <div role="group" aria-labelledby={`${id}-preview`}>
          <p id={`${id}-preview`} data-testid="invalidation-preview">
            {t("preview", preview)}
            {preview.delivered > 0 && <> {t("previewDelivered", { delivered: preview.delivered })}</>}
          </p>
          <p className="admin-actions">
            <button type="button" className="button button-danger" onClick={confirm} disabled={pending}>
              {t("confirm", { signatures: preview.signatures })}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setPreview(null)}
              disabled={pending}
            >
              {t("cancel")}
            </button>
          </p>
        </div>
      )}
      <div role="status">{message && <p className={message.ok ? "notice" : "field-error"}>{message.text}</p>}</div>
    </div>
  );
}
