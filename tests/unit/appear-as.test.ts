// @vitest-environment node
// The one function that applies "how I appear to the target", and the isolation of names from right-to-left
// overrides in the emails that carry them.
import { appearAs } from "@/lib/delivery/appear-as";
import { initialsOf } from "@/lib/delivery/initials-of";
import { defaultAppearance, isAppearance } from "@/lib/campaigns/appearance";
import { isolate, renderBodies } from "@/lib/infra/mail/layout";

const jane = { name: "Jane Doe", city: "Seattle", region: "WA", country: "us" };
const minjun = { name: "김민준", city: "서울", region: "11", country: "KR" };

describe("appearAs", () => {
  it.each([
    [
      "full, Latin",
      { ...jane, appearance: "full" },
      { appearance: "full", name: "Jane Doe", city: "Seattle", region: "WA", country: "US" },
    ],
    ["initials, Latin", { ...jane, appearance: "initials" }, { appearance: "initials", name: "J. D.", country: "US" }],
    ["counted, Latin", { ...jane, appearance: "counted" }, { appearance: "counted" }],
    [
      "full, Hangul",
      { ...minjun, appearance: "full" },
      { appearance: "full", name: "김민준", city: "서울", region: "11", country: "KR" },
    ],
    [
      "initials, Hangul",
      { ...minjun, appearance: "initials" },
      { appearance: "initials", name: "김○○", country: "KR" },
    ],
    ["counted, Hangul", { ...minjun, appearance: "counted" }, { appearance: "counted" }],
    ["initials of a two-syllable family name", { ...minjun, name: "남궁민", appearance: "initials" }, { name: "남○○" }],
    [
      "initials of a romanised Korean name",
      { ...jane, name: "Kim Min-jun", appearance: "initials" },
      { name: "K. M.-J." },
    ],
    [
      "full without a place",
      { ...jane, city: null, region: "  ", appearance: "full" },
      { appearance: "full", name: "Jane Doe", country: "US" },
    ],
    ["a blank name is counted", { ...jane, name: "  ", appearance: "full" }, { appearance: "counted" }],
    [
      "a name of symbols has no initials",
      { ...jane, name: "!!! 123", appearance: "initials" },
      { appearance: "counted" },
    ],
    [
      "an email address is never a name",
      { ...jane, name: "jane@example.org", appearance: "initials" },
      { appearance: "counted" },
    ],
    [
      "an email address inside a name is cut",
      { ...jane, name: "Jane Doe jane@example.org", appearance: "full" },
      { name: "Jane Doe" },
    ],
  ] as const)("%s", (_, person, expected) => {
    expect(appearAs(person)).toMatchObject(expected);
  });

  it("shows nothing but the choice for counted, and never a city or region for initials", () => {
    expect(appearAs({ ...jane, appearance: "counted" })).toEqual({ appearance: "counted" });
    expect(Object.keys(appearAs({ ...minjun, appearance: "initials" })).sort()).toEqual([
      "appearance",
      "country",
      "name",
    ]);
  });

  it("never reveals the length of a Korean given name", () => {
    expect(initialsOf("김민")).toBe(initialsOf("김민준서"));
  });

  it("refuses a choice it does not know instead of guessing", () => {
    expect(() => appearAs({ ...jane, appearance: "public" as never })).toThrow(/appearance/);
  });
});

describe("the campaign's pre-selected choice", () => {
  it("is initials for a campaign at risk, the full name otherwise", () => {
    expect(defaultAppearance("at_risk")).toBe("initials");
    expect(defaultAppearance("standard")).toBe("full");
    expect([isAppearance("counted"), isAppearance("public"), isAppearance(undefined)]).toEqual([true, false, false]);
  });
});

describe("isolate", () => {
  const rlo = "\u202Egnp.exe"; // a right-to-left override: "exe.png" to the eye, and everything after it reversed
  it("wraps a name in FSI…PDI in the text part and <bdi> in the HTML part", () => {
    const { text, html } = renderBodies("en", [{ text: `From ${isolate(rlo)}, United States` }]);
    expect(text).toBe(`From \u2068${rlo}\u2069, United States\n`);
    expect(html).toContain(`<p>From <bdi>${rlo}</bdi>, United States</p>`);
    expect(html).not.toMatch(/[\u2068\u2069]/);
  });

  it("removes isolates inside the name, so it cannot close ours early", () => {
    expect(isolate("a\u2069\u202Eb\u2066")).toBe("\u2068a\u202Eb\u2069");
  });

  it("escapes the HTML inside the isolate", () => {
    expect(renderBodies("en", [{ note: isolate("<b>x</b>") }]).html).toContain("<bdi>&lt;b&gt;x&lt;/b&gt;</bdi>");
  });
});
