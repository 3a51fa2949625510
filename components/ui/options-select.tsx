import { useMemo, type SelectHTMLAttributes } from "react";

/** A place as the country and region lists give it: its code, and its name in the page's language. */
export type SelectOption = { code: string; name: string };

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, "children" | "dangerouslySetInnerHTML" | "defaultValue"> & {
  /** The first option, with the empty value: "Choose a country". */
  placeholder: string;
  options: readonly SelectOption[];
  /** The option the page's HTML marks as chosen; a `value` prop, where given, keeps the choice after that. */
  selected: string;
};

/**
 * A <select> whose options reach the page as HTML. React hydrates every element it renders, one by one, while a
 * phone starts the page, and the country list alone is some 250 options. Given as HTML, they are in the page all the
 * same (without JavaScript too), and React hydrates one element. The HTML changes only with the options or
 * `selected`, so choosing an option does not rebuild the list.
 */
export function OptionsSelect({ placeholder, options, selected, ...select }: Props) {
  const html = useMemo(() => optionsHtml(placeholder, options, selected), [placeholder, options, selected]);
  return <select {...select} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function optionsHtml(placeholder: string, options: readonly SelectOption[], selected: string): string {
  const option = (value: string, label: string) =>
    `<option value="${escapeHtml(value)}"${value === selected ? " selected" : ""}>${escapeHtml(label)}</option>`;
  return option("", placeholder) + options.map((o) => option(o.code, o.name)).join("");
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}
