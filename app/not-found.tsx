import type { Metadata } from "next";
import "./globals.css";
import en from "@/lib/infra/i18n/messages/en.json";
import ko from "@/lib/infra/i18n/messages/ko.json";

// Addresses outside any language: say it in both.
export const metadata: Metadata = { title: `${en.common.notFoundTitle} · ${en.common.appName}` };

export default function RootNotFound() {
  return (
    <html lang="en">
      <body>
        <main id="main" className="page narrow">
          <h1>{en.common.notFoundTitle}</h1>
          <p>{en.common.notFoundBody}</p>
          <p lang="ko">{ko.common.notFoundBody}</p>
          <p>
            <a href="/">{en.common.backHome}</a> ·{" "}
            <a href="/" lang="ko">
              {ko.common.backHome}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
