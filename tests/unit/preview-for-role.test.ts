// @vitest-environment node
import { describe, expect, it } from "vitest";
import { previewForRole } from "@/lib/delivery/preview-for-role";
import type { NextDelivery } from "@/lib/delivery/preview-next-delivery";

const writer = { name: "Ji-woo Park", address: "jiwoo@example.org" };
const delivery = (kind: NextDelivery["kind"], replyTo?: typeof writer): NextDelivery => ({
  kind,
  to: "president@example.gov",
  content: {
    from: { name: "Open Letters", address: "letters@example.org" },
    replyTo,
    subject: "A letter",
    text: "Dear Mr. President",
    html: "<p>Dear Mr. President</p>",
    attachments: [{ filename: "signers.csv", content: "name" }],
  },
});

describe("what an organizer is shown of the next delivery", () => {
  it("shows editors and owners a letter's Reply-To, the writer's own address", () => {
    for (const role of ["owner", "editor"] as const) {
      const shown = previewForRole(delivery("letter", writer), role);
      expect(shown).toMatchObject({ replyTo: writer, replyToHidden: false, attachments: ["signers.csv"] });
    }
  });

  it("hides it from viewers and says that it is hidden, keeping the rest of the message", () => {
    const shown = previewForRole(delivery("letter", writer), "viewer");
    expect(shown).toMatchObject({
      replyTo: null,
      replyToHidden: true,
      subject: "A letter",
      to: "president@example.gov",
    });
    expect(JSON.stringify(shown)).not.toContain(writer.address);
  });

  it("has nothing to hide when the letter has no Reply-To, or for a digest", () => {
    expect(previewForRole(delivery("letter"), "viewer")).toMatchObject({ replyTo: null, replyToHidden: false });
    const digest = previewForRole(delivery("digest", writer), "viewer");
    expect(digest).toMatchObject({ replyTo: writer, replyToHidden: false });
  });
});
