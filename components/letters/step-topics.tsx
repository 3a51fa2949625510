"use client";

import { useTranslations } from "next-intl";
import type { ComposerTopic } from "@/lib/letters/get-composer-campaign";
import { LinkedText } from "@/components/campaigns/linked-text";
import { describedBy, FieldError, type StepProps } from "./fields";

/** Step 1: the campaign's agenda items, each with its fact, ask and source; one or more to choose. */
export function StepTopics({ draft, update, errors, fid, topics }: StepProps & { topics: ComposerTopic[] }) {
  const t = useTranslations("composer.topics");
  const toggle = (key: string, on: boolean) =>
    update({
      topics: on
        ? [...draft.topics, key].filter((k, i, all) => all.indexOf(k) === i)
        : draft.topics.filter((k) => k !== key),
    });
  return (
    <fieldset className="topic-fieldset" aria-describedby={describedBy(fid, errors, "topics", `${fid("topics")}-hint`)}>
      <legend>{t("legend")}</legend>
      <p id={`${fid("topics")}-hint`} className="hint">
        {t("hint")}
      </p>
      <FieldError name="topics" errors={errors} fid={fid} />
      <ul className="topic-list">
        {topics.map((topic, i) => {
          const id = i === 0 ? fid("topics") : `${fid("topics")}-${topic.key}`;
          const checked = draft.topics.includes(topic.key);
          return (
            <li key={topic.key} className={checked ? "topic is-chosen" : "topic"}>
              <div className="check">
                <input
                  id={id}
                  type="checkbox"
                  name="topics"
                  value={topic.key}
                  checked={checked}
                  onChange={(e) => toggle(topic.key, e.target.checked)}
                  aria-describedby={`${id}-detail`}
                  aria-invalid={errors.topics ? true : undefined}
                />
                <label htmlFor={id}>{topic.title}</label>
                <div id={`${id}-detail`} className="topic-detail">
                  <p>
                    <strong>{t("fact")}:</strong> {topic.fact}
                  </p>
                  <p>
                    <strong>{t("ask")}:</strong> {topic.ask}
                  </p>
                  <p className="hint">
                    {t("source")}: <LinkedText text={topic.source} />
                  </p>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
