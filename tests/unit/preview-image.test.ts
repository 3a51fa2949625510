// @vitest-environment node
// The link preview image (lib/campaigns/render-preview-image.tsx): a 1200×630 PNG per campaign and language, drawn
// with the shipped Pretendard font (Hangul included), kept per count step and version, and forgotten on a change.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countStep, previewImageUrl } from "@/lib/campaigns/preview-image-path";
import { forgetPreviewImages, previewImage } from "@/lib/campaigns/render-preview-image";

/** Width and height from a PNG's IHDR chunk, after checking the file's signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(Buffer.from(png.subarray(12, 16)).toString("ascii")).toBe("IHDR");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const campaign = (version: string) => ({
  slug: "preview-test",
  title: "Put human rights on the summit agenda",
  organizationName: "Demo Coalition",
  goal: 100_000,
  version,
});

describe("previewImage", () => {
  it.each([
    ["en", "Put human rights on the summit agenda"],
    ["ko", "북한 인권을 정상회담 의제로"],
  ] as const)(
    "is a 1200×630 PNG in %s",
    async (locale, title) => {
      const png = await previewImage({ ...campaign("v1"), title, organizationName: "데모 연대" }, 12_345, locale);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      if (process.env.PREVIEW_IMAGE_DIR) writeFileSync(`${process.env.PREVIEW_IMAGE_DIR}/preview-${locale}.png`, png);
    },
    60_000,
  );

  it("is drawn once per count step and version, and anew after the campaign changes", async () => {
    const first = await previewImage(campaign("v2"), 1_210, "en");
    expect(await previewImage(campaign("v2"), 1_290, "en")).toBe(first);
    expect(await previewImage(campaign("v3"), 1_290, "en")).not.toBe(first);
    forgetPreviewImages("preview-test");
    expect(await previewImage(campaign("v2"), 1_210, "en")).not.toBe(first);
  }, 60_000);
});

describe("countStep and the image's address", () => {
  it.each([
    [0, 0],
    [7, 0],
    [99, 90],
    [100, 100],
    [1_234, 1_200],
    [56_789, 56_000],
    [100_000, 100_000],
  ])("%i is in step %i", (count, step) => expect(countStep(count)).toBe(step));

  it("carries the language, the version and the step", () => {
    const url = new URL(previewImageUrl("summit", "ko", "abc", 1_234));
    expect(url.pathname).toBe("/api/campaigns/summit/preview-image");
    expect(Object.fromEntries(url.searchParams)).toEqual({ lang: "ko", v: "abc-1200" });
  });
});
