import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import type { DeliveryRecord } from "@/lib/delivery/list-deliveries";
import { explainRelayAnswer } from "@/lib/infra/mail/explain-relay-answer";
import { AdminSection } from "@/components/organizers/admin-section";
import { ScrollTable } from "@/components/organizers/scroll-table";
import { ApiButton } from "@/components/organizers/api-button";
import { formatTime } from "./format-time";

/**
 * Every email to the target: what it carried and where that stands (a failed one's signers and letters are shown as
 * not delivered), its attempts, the relay's answer in words with the raw text behind a details element, the next
 * try, and Retry now / Cancel for a failed one (editors and owners).
 */
export async function DeliveryHistory({
  deliveries,
  locale,
  base,
  canEdit,
}: {
  deliveries: DeliveryRecord[];
  locale: Locale;
  /** The campaign's deliveries API: /api/organizer/campaigns/<id>/deliveries */
  base: string;
  canEdit: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "deliveryPanel" });
  const n = new Intl.NumberFormat(locale);
  return (
    <AdminSection
      id="deliveries"
      title={t("history")}
      hint={deliveries.some((d) => d.status === "failed") ? t("retryNote") : undefined}
      empty={deliveries.length === 0 && t("noDeliveries")}
    >
      <ScrollTable
        columns={[
          t("created"),
          t("kind"),
          t("to"),
          t("status"),
          t("attempts"),
          t("carried"),
          t("answer"),
          t("nextTry"),
          ...(canEdit ? [t("actions")] : []),
        ]}
      >
        {deliveries.map((d) => {
          const raw = d.status === "sent" ? d.response : (d.lastError ?? d.response);
          const { answer, code } = explainRelayAnswer(raw);
          return (
            <tr key={d.id} data-testid="delivery-row" data-status={d.status} data-message-id={d.messageId}>
              <th scope="row">{formatTime(d.createdAt)}</th>
              <td>{d.kind === "letter" ? t("kindLetter") : t("kindDigest")}</td>
              <td>{d.to}</td>
              <td data-testid="delivery-status">{t(`itemStatus.${d.status}`)}</td>
              <td>{n.format(d.attempts)}</td>
              <td>
                {n.format(d.carries.signatures)} / {n.format(d.carries.letters)}
              </td>
              <td>
                {raw ? (
                  <>
                    <span data-testid="delivery-answer">
                      {t(`answers.${answer}`)}
                      {code ? ` (${code})` : ""}
                    </span>
                    <details>
                      <summary>{t("raw")}</summary>
                      <pre className="mail-text">{raw}</pre>
                      <ol>
                        {d.history.map((h, i) => (
                          <li key={i}>
                            {formatTime(h.at)} · {h.attempt} · {h.status}
                            {h.detail ? ` · ${h.detail}` : ""}
                          </li>
                        ))}
                      </ol>
                    </details>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td>{d.nextTryAt ? formatTime(d.nextTryAt) : "—"}</td>
              {canEdit && (
                <td>
                  {d.status === "failed" && (
                    <span className="admin-actions">
                      <ApiButton url={`${base}/${d.id}/retry`} label={t("retry")} />
                      <ApiButton url={`${base}/${d.id}/cancel`} label={t("cancel")} danger />
                    </span>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </ScrollTable>
    </AdminSection>
  );
}
