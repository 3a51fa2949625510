"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { Appearance } from "@/lib/campaigns/appearance";
import { AppearanceChoice } from "./appearance-choice";

type State = { status: "idle" | "changed" | "delivered" | "invalid" };

type Props = {
  action: (state: State, form: FormData) => Promise<State>;
  current: Appearance;
};

/** The signer's link page: change how you appear to the recipient, until a digest takes the signature. */
export function AppearanceForm({ action, current }: Props) {
  const t = useTranslations("appearance");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as State);
  const resultRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.status !== "idle") resultRef.current?.focus();
  }, [state]);
  const outcome = { idle: "", changed: t("pageSaved"), delivered: t("pageInvalid"), invalid: t("pageInvalid") };
  return (
    <form action={formAction} className="appearance-form" data-testid="appearance-form">
      <AppearanceChoice id="link-appearance" defaultValue={current} />
      <button type="submit" className="button" disabled={pending}>
        {t("pageButton")}
      </button>
      <p
        ref={resultRef}
        tabIndex={-1}
        role="status"
        data-testid="appearance-result"
        data-status={state.status}
        className={state.status === "idle" ? "visually-hidden" : "notice"}
      >
        {outcome[state.status]}
      </p>
    </form>
  );
}
