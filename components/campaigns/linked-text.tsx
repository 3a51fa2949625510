import { linkify } from "@/lib/campaigns/linkify";

/** Text with its http(s) addresses as links (React escapes the rest). */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((part, i) =>
        "href" in part ? (
          <a key={i} href={part.href} rel="noopener noreferrer" className="text-link">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
