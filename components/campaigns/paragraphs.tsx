import { LinkedText } from "./linked-text";

/** Text stored with blank lines between paragraphs, rendered as paragraphs with their addresses as links. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i}>
            <LinkedText text={p.trim()} />
          </p>
        ))}
    </div>
  );
}
