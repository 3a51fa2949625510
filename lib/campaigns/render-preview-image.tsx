// The link preview image of a campaign (og:image, 1200×630 PNG) in one language: its title, organizer, count and
// goal, drawn with the Pretendard font the project ships (Hangul included). Rendered once per campaign version,
// language and count step, then kept in memory: a preview is fetched by every chat a link is pasted into.
import "server-only";
import { ImageResponse } from "next/og";
import { create as openFont, type Font } from "fontkit";
import { pretendard } from "@/lib/infra/pretendard";
import type { Locale } from "@/lib/infra/i18n/config";
import { translator } from "@/lib/infra/i18n/messages";
import { countStep } from "./preview-image-path";

export const previewSize = { width: 1200, height: 630 } as const;

export type PreviewCampaign = { slug: string; title: string; organizationName: string; goal: number; version: string };

const maxKept = 200;
const kept = new Map<string, Uint8Array>();

export async function previewImage(campaign: PreviewCampaign, confirmed: number, locale: Locale): Promise<Uint8Array> {
  const key = `${campaign.slug}:${locale}:${campaign.version}:${countStep(confirmed)}`;
  const hit = kept.get(key);
  if (hit) return hit;
  const png = new Uint8Array(await draw(campaign, confirmed, locale).arrayBuffer());
  kept.delete(key);
  kept.set(key, png);
  while (kept.size > maxKept) kept.delete(kept.keys().next().value!);
  return png;
}

/** Forgets a campaign's images (its text changed): the next preview is drawn anew. */
export function forgetPreviewImages(slug: string): void {
  for (const key of kept.keys()) if (key.startsWith(`${slug}:`)) kept.delete(key);
}

let coverage: Font | null = null;

/**
 * Leaves out characters Pretendard cannot draw (Hanja, emoji): the image library would fetch a font for them from
 * the internet, and the app downloads nothing at run time.
 */
function drawable(text: string): string {
  coverage ??= openFont(pretendard("regular")) as Font;
  return [...text].filter((c) => /\s/.test(c) || coverage!.hasGlyphForCodePoint(c.codePointAt(0)!)).join("");
}

function draw(campaign: PreviewCampaign, confirmed: number, locale: Locale): ImageResponse {
  const share = translator(locale, "share");
  const reach = translator(locale, "campaignReach");
  const percent = campaign.goal > 0 ? Math.min(100, (confirmed / campaign.goal) * 100) : 0;
  const colours = { ink: "#111827", muted: "#4b5563", accent: "#1d4ed8", track: "#dbe3f4", paper: "#ffffff" };
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: colours.paper,
        borderLeft: `24px solid ${colours.accent}`,
        padding: "56px 72px 56px 64px",
        fontFamily: "Pretendard",
        color: colours.ink,
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ fontSize: 30, color: colours.muted }}>{drawable(campaign.organizationName)}</div>
        <div
          style={{
            fontSize: campaign.title.length > 60 ? 56 : 68,
            fontWeight: 700,
            lineHeight: 1.2,
            marginTop: 20,
            display: "block",
            lineClamp: 3,
          }}
        >
          {drawable(campaign.title)}
        </div>
      </div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ fontSize: 40, fontWeight: 700 }}>
          {drawable(reach("count", { count: confirmed, goal: campaign.goal }))}
        </div>
        <div style={{ display: "flex", height: 20, marginTop: 18, background: colours.track, borderRadius: 10 }}>
          <div
            style={{ width: `${Math.max(2, percent)}%`, height: 20, background: colours.accent, borderRadius: 10 }}
          />
        </div>
        <div style={{ fontSize: 30, color: colours.accent, fontWeight: 700, marginTop: 26 }}>
          {drawable(`${share("cosign")} →`)}
        </div>
      </div>
    </div>,
    {
      ...previewSize,
      fonts: [
        { name: "Pretendard", data: toArrayBuffer(pretendard("regular")), weight: 400, style: "normal" },
        { name: "Pretendard", data: toArrayBuffer(pretendard("bold")), weight: 700, style: "normal" },
      ],
    },
  );
}

function toArrayBuffer(data: Buffer): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}
