import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { explainRelayAnswer } from "@/lib/infra/mail/explain-relay-answer";
import type { RefusedEmail } from "@/lib/organizers/signers/list-refused-emails";
import { AdminSection } from "./admin-section";
import { ScrollTable } from "./scroll-table";

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

/** Each signer or writer whose own email was refused for good, with the server's answer in words and as sent. */
export async function RefusedEmails({ refused, locale }: { refused: RefusedEmail[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "deliveryPanel" });
  return (
    <AdminSection
      id="refused"
      title={t("refusedTitle")}
      hint={t("refusedHint")}
      empty={refused.length === 0 && t("refusedNone")}
    >
      <ScrollTable columns={[t("refusedPerson"), t("refusedKind"), t("answer"), t("refusedAt")]}>
        {refused.map((r) => {
          const { answer, code } = explainRelayAnswer(r.lastError);
          return (
            <tr key={r.id} data-testid="refused-email">
              <th scope="row">
                {r.name} &lt;{r.to}&gt;
              </th>
              <td>{t(r.kind.startsWith("letter") ? "refusedLetter" : "refusedSignature")}</td>
              <td>
                {t(`answers.${answer}`)}
                {code ? ` (${code})` : ""}
                <details>
                  <summary>{t("raw")}</summary>
                  <pre className="mail-text">{r.lastError}</pre>
                </details>
              </td>
              <td>{when(r.at)}</td>
            </tr>
          );
        })}
      </ScrollTable>
    </AdminSection>
  );
}
