"use client";

import { useTranslations } from "next-intl";
import { stepKeys } from "./draft";

type Props = { step: number; reached: number; onGo: (step: number) => void };

/** Where the writer is: an ordered list of the steps, the current one marked; finished steps can be revisited. */
export function Stepper({ step, reached, onGo }: Props) {
  const t = useTranslations("composer");
  return (
    <nav aria-label={t("stepsLabel")} className="stepper">
      <ol>
        {stepKeys.map((key, i) => {
          const n = i + 1;
          const current = n === step;
          const state = current ? t("stateCurrent") : n < reached || (n <= reached && n < step) ? t("stateDone") : null;
          const content = (
            <>
              <span className="stepper-number" aria-hidden="true">
                {n}
              </span>
              <span className="stepper-label">{t(`steps.${key}`)}</span>
              {state && <span className="visually-hidden"> ({state})</span>}
            </>
          );
          return (
            <li
              key={key}
              aria-current={current ? "step" : undefined}
              className={current ? "is-current" : n <= reached ? "is-reached" : undefined}
            >
              {!current && n <= reached ? (
                <button type="button" className="stepper-link" onClick={() => onGo(n)}>
                  {content}
                </button>
              ) : (
                <span className="stepper-link">{content}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
