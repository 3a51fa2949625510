"use client";

// A page that cannot be rendered (most often: the database is unreachable for a moment) says so plainly and offers
// to try again, instead of a blank or endless page. The server logged the cause; nothing of it reaches the reader.
// Its words live here rather than in the messages: it must render when nothing else can, and the layout gives the
// browser no translations (every page would otherwise load the message formatter for these three sentences).
import { useParams } from "next/navigation";
import { defaultLocale, isLocale, type Locale } from "@/lib/infra/i18n/config";

const words: Record<Locale, { title: string; body: string; retry: string }> = {
  en: {
    title: "Something went wrong",
    body: "Please try again in a moment. Nothing you already sent has been lost.",
    retry: "Try again",
  },
  ko: {
    title: "문제가 발생했습니다",
    body: "잠시 후 다시 시도해 주세요. 이미 보내신 내용은 사라지지 않았습니다.",
    retry: "다시 시도",
  },
};

export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  const t = words[isLocale(locale) ? locale : defaultLocale];
  return (
    <div className="page narrow" role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          {t.retry}
        </button>
      </p>
    </div>
  );
}
