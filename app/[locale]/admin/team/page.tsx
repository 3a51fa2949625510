import { getTranslations, setRequestLocale } from "next-intl/server";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import type { Locale } from "@/lib/infra/i18n/config";
import { pageScope } from "@/lib/organizers/page-organizer";
import { listTeam } from "@/lib/organizers/team/list-team";
import { AdminHeader } from "@/components/organizers/admin-header";
import { ApiButton } from "@/components/organizers/api-button";
import { ConfirmAction } from "@/components/organizers/confirm-action";
import { InviteForm } from "@/components/organizers/invite-form";
import { MemberRoleForm } from "@/components/organizers/member-role-form";
import { ScrollTable } from "@/components/organizers/scroll-table";

export const generateMetadata = titleFrom("admin.team", "title");

const when = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

export default async function TeamPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await pageScope(locale);
  const t = await getTranslations({ locale, namespace: "admin.team" });
  const tr = await getTranslations({ locale, namespace: "admin.roles" });
  if (scope.organizer.role !== "owner") {
    return (
      <>
        <AdminHeader scope={scope} locale={locale} />
        <h1>{t("title")}</h1>
        <p>{t("ownersOnly")}</p>
      </>
    );
  }
  const team = await listTeam(scope);
  const organization = scope.organizer.organizationName;
  const role = (value: unknown) =>
    typeof value === "string" && value in { owner: 1, editor: 1, viewer: 1 } ? tr(value as "owner") : "";
  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <h1>{t("title")}</h1>

      <section aria-labelledby="members-heading" className="admin-section">
        <h2 id="members-heading">{t("members")}</h2>
        <ScrollTable testId="members" columns={[t("member"), t("role"), t("lastSignIn"), t("actions")]}>
          {team.members.map((m) => (
            <tr key={m.id} data-email={m.email}>
              <th scope="row">
                {m.name} &lt;{m.email}&gt; {m.self && t("you")}
              </th>
              <td>
                <MemberRoleForm memberId={m.id} email={m.email} role={m.role} />
              </td>
              <td>{m.lastSignInAt ? when(m.lastSignInAt) : t("never")}</td>
              <td>
                <ConfirmAction
                  url={`/api/organizer/members/${m.id}`}
                  method="DELETE"
                  label={t("remove")}
                  question={t("removeConfirm", { email: m.email, organization })}
                  confirmLabel={t("confirmRemove")}
                  cancelLabel={t("cancel")}
                />
              </td>
            </tr>
          ))}
        </ScrollTable>
      </section>

      <section aria-labelledby="invitations-heading" className="admin-section">
        <h2 id="invitations-heading">{t("invitations")}</h2>
        {team.invitations.length === 0 ? (
          <p>{t("noInvitations")}</p>
        ) : (
          <ScrollTable
            testId="invitations"
            columns={[t("email"), t("role"), t("invitedBy"), t("expires"), t("actions")]}
          >
            {team.invitations.map((i) => (
              <tr key={i.id} data-email={i.email}>
                <th scope="row">{i.email}</th>
                <td>{role(i.role)}</td>
                <td>{i.invitedBy ?? "—"}</td>
                <td>{i.expired ? t("expired") : when(i.expiresAt)}</td>
                <td>
                  <ApiButton url={`/api/organizer/invitations/${i.id}/resend`} label={t("resend")} secondary />{" "}
                  <ConfirmAction
                    url={`/api/organizer/invitations/${i.id}`}
                    method="DELETE"
                    label={t("revoke")}
                    question={t("revokeConfirm", { email: i.email })}
                    confirmLabel={t("confirmRevoke")}
                    cancelLabel={t("cancel")}
                  />
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>

      <InviteForm />

      <section aria-labelledby="audit-heading" className="admin-section">
        <h2 id="audit-heading">{t("audit")}</h2>
        {team.audit.length === 0 ? (
          <p>{t("auditEmpty")}</p>
        ) : (
          <ScrollTable testId="audit" columns={[t("when"), t("who"), t("what"), t("target")]}>
            {team.audit.map((a) => {
              const d = (a.details ?? {}) as Record<string, unknown>;
              return (
                <tr key={a.id}>
                  <th scope="row">{when(a.at)}</th>
                  <td>{a.actor}</td>
                  <td>
                    {t(`actionNames.${a.action}` as "actionNames.member.invited", {
                      role: role(d.role),
                      from: role(d.from),
                      to: role(d.to),
                      signatures: Number(d.signatures ?? 0),
                      letters: Number(d.letters ?? 0),
                    })}
                  </td>
                  <td>{a.target}</td>
                </tr>
              );
            })}
          </ScrollTable>
        )}
      </section>
    </>
  );
}
