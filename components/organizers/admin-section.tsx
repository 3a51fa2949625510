import type { ReactNode } from "react";

type Props = {
  /** Prefix of the heading's id, which labels the section. */
  id: string;
  title: ReactNode;
  hint?: ReactNode;
  /** When set, this line stands in for the content: there is nothing to show. */
  empty?: ReactNode | false;
  children?: ReactNode;
};

/** A titled part of an organizer page: its heading, an optional hint, and its content or a line saying there is none. */
export function AdminSection({ id, title, hint, empty, children }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`} className="admin-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {hint && <p className="hint">{hint}</p>}
      {empty ? <p className="muted">{empty}</p> : children}
    </section>
  );
}
