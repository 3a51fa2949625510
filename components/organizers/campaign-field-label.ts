// The campaign form's field paths, as the server names them in its errors ("texts.ko.title", "topics.0.key"), said
// with the labels the organizer sees on the form ("Title (Korean)", "Topic 1: Key"). A path the form has no field
// for (the whole form's "_") has no label: its message stands alone, and no raw path ever reaches the page.

/** The `admin.form` messages the labels are made of. */
export type FormLabels = (key: string, values?: Record<string, number>) => string;

const generalFields = new Set([
  "slug",
  "goal",
  "targetEmail",
  "senderEmail",
  "defaultLocale",
  "letterDelivery",
  "risk",
  "digestIntervalMinutes",
  "throttlePerMinute",
  "letterHoldHours",
  "holdUntil",
  "opensAt",
  "closesAt",
  "topics",
  "targets",
]);
const textFields = new Set(["title", "summary", "targetName", "context", "letter", "sources"]);
const topicTextFields = new Set(["title", "fact", "ask", "source", "paragraph"]);
const targetFields: Record<string, string> = {
  email: "targetEmailOf",
  language: "targetLanguage",
  plan: "targetPlan",
  intervalMinutes: "targetInterval",
};
const targetTextFields: Record<string, string> = { name: "targetName", office: "targetOffice" };
const languages: Record<string, string> = { en: "english", ko: "korean" };

export function campaignFieldLabel(path: string, t: FormLabels): string | null {
  const parts = path.split(".");
  const [first, second, third, fourth, fifth] = parts;
  if (parts.length === 1 && generalFields.has(first!)) return t(first!);
  if (first === "texts" && parts.length === 3 && languages[second!] && textFields.has(third!))
    return `${t(third!)} (${t(languages[second!]!)})`;
  if (first === "topics" && second !== undefined && /^\d{1,3}$/.test(second)) {
    const topic = t("topic", { number: Number(second) + 1 });
    if (parts.length === 2) return topic;
    if (parts.length === 3 && third === "key") return `${topic}: ${t("topicKey")}`;
    if (parts.length === 5 && third === "texts" && languages[fourth!] && topicTextFields.has(fifth!))
      return `${topic}: ${t(fifth!)} (${t(languages[fourth!]!)})`;
  }
  if (first === "targets" && second !== undefined && /^\d{1,3}$/.test(second)) {
    const target = t("target", { number: Number(second) + 1 });
    if (parts.length === 2) return target;
    if (parts.length === 3 && targetFields[third!]) return `${target}: ${t(targetFields[third!]!)}`;
    if (parts.length === 5 && third === "texts" && languages[fourth!] && targetTextFields[fifth!])
      return `${target}: ${t(targetTextFields[fifth!]!)} (${t(languages[fourth!]!)})`;
  }
  return null;
}
