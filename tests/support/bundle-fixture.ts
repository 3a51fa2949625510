// A campaign for the bundle's tests and bench: the flagship campaign's texts (written from
// shared/notes/campaign-content.md) and any number of fictional signers and letters, Korean and English, made
// from a seeded generator so every run builds the same bundle.
import type { Appearance, BundleInput, LetterRow, SignerRow } from "@/lib/delivery/bundle/types";

export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const topics = [
  {
    key: "prison-camps",
    title: { en: "Political prison camps", ko: "정치범수용소" },
    en:
      "An estimated 80,000 to 120,000 people are held in North Korea's prison camps. Please ask for the camps to be " +
      "dismantled and for independent observers to be let in.",
    ko: "북한의 정치범수용소에는 8만에서 12만 명으로 추산되는 사람들이 갇혀 있습니다. 수용소를 해체하고 독립적인 감시단의 방문을 허용하라고 요구해 주십시오.",
  },
  {
    key: "fleeing",
    title: { en: "People caught fleeing", ko: "탈북 중 붙잡힌 사람들" },
    en:
      "People are detained and tortured, and some are killed, for trying to reach South Korea. Please ask that no " +
      "one be punished for leaving.",
    ko: "남한으로 가려다 붙잡힌 사람들은 구금되고 고문당하며, 목숨을 잃는 사람도 있습니다. 떠났다는 이유로 처벌하지 말라고 요구해 주십시오.",
  },
  {
    key: "families",
    title: { en: "Families of defectors", ko: "탈북민 가족" },
    en:
      "The families of defectors who reached South Korea are intimidated. Please ask for an end to the intimidation " +
      "and collective punishment of families.",
    ko: "남한에 도착한 탈북민의 가족들은 위협을 받습니다. 가족에 대한 위협과 연좌제 처벌을 멈추라고 요구해 주십시오.",
  },
  {
    key: "movement",
    title: { en: "Freedom of movement", ko: "이동의 자유" },
    en:
      "North Koreans need a permit to leave their own town or province. Please ask that people be free to travel " +
      "within their own country.",
    ko: "북한 주민은 자기 마을이나 도를 벗어나려면 허가를 받아야 합니다. 자기 나라 안에서 자유롭게 다닐 수 있게 하라고 요구해 주십시오.",
  },
  {
    key: "surveillance",
    title: { en: "Surveillance and speech", ko: "감시와 표현의 자유" },
    en:
      "Citizens live under high-tech surveillance, with little free speech, and outside media is forbidden. Please " +
      "ask that no one be punished for what they say, read or watch.",
    ko: "주민들은 첨단 감시 속에 살며 표현의 자유가 거의 없고, 외부 매체는 금지되어 있습니다. 말하고 읽고 보는 것 때문에 처벌하지 말라고 요구해 주십시오.",
  },
  {
    key: "profession",
    title: { en: "Choosing one's work", ko: "직업 선택의 자유" },
    en: "The state, not the person, decides one's profession. Please ask for the right to choose one's own work.",
    ko: "직업은 본인이 아니라 국가가 정합니다. 스스로 직업을 선택할 권리를 요구해 주십시오.",
  },
  {
    key: "one-right",
    title: { en: "One right as proof", ko: "변화의 증거가 될 권리 하나" },
    en:
      "Activists asked for just one right from the Universal Declaration of Human Rights as evidence that things " +
      "are really changing. Please tie any deal to one verifiable human-rights step.",
    ko: "활동가들은 변화가 진짜라는 증거로 세계인권선언의 권리 단 하나라도 보장하라고 요청했습니다. 어떤 합의든 확인할 수 있는 인권 조치 하나와 연결해 주십시오.",
  },
];

const openLetter = {
  en: [
    "Mr. President,",
    "You are to meet North Korea's leader Kim Jong Un in Singapore on June 12, 2018. The public agenda of the " +
      "summit is denuclearization. We ask you to put human rights on that agenda just as prominently.",
    "First among them are the political prison camps, where an estimated 80,000 to 120,000 people are held. The " +
      "UN Commission of Inquiry on Human Rights in the DPRK documented these and other abuses in its report of " +
      "February 2014 (A/HRC/25/CRP.1).",
    "Ask for the camps to be dismantled and opened to independent observers, and for one verifiable step on human " +
      "rights as part of any agreement.",
    "Respectfully,",
  ].join("\n\n"),
  ko: [
    "대통령님께,",
    "대통령님은 2018년 6월 12일 싱가포르에서 북한 지도자 김정은과 만날 예정입니다. 이번 정상회담의 공개된 의제는 비핵화입니다. 인권도 비핵화만큼 중요한 의제로 다뤄 주실 것을 요청합니다.",
    "가장 먼저 정치범수용소 문제가 있습니다. 그곳에는 8만에서 12만 명으로 추산되는 사람들이 갇혀 있습니다. 유엔 북한인권조사위원회는 2014년 2월 보고서(A/HRC/25/CRP.1)에서 이러한 " +
      "인권 침해를 기록했습니다.",
    "수용소를 해체하고 독립적인 감시단에게 공개할 것, 그리고 어떤 합의에든 확인할 수 있는 인권 조치 하나를 포함할 것을 요구해 주십시오.",
    "존경을 담아,",
  ].join("\n\n"),
};

const latinFirst = [
  "Jane",
  "John",
  "Maria",
  "David",
  "Sarah",
  "Michael",
  "Emma",
  "Daniel",
  "Grace",
  "Samuel",
  "Olivia",
  "Jean-Luc",
  "Ana",
  "Tom",
  "Ruth",
  "Min-jun",
];
const latinLast = [
  "Park",
  "Smith",
  "Johnson",
  "Lee",
  "García",
  "Brown",
  "Miller",
  "Kim",
  "Davis",
  "Wilson",
  "Moore",
  "van der Berg",
  "Nguyen",
  "O'Neil",
  "Taylor",
  "Choi",
];
const koFamily = [
  "김",
  "이",
  "박",
  "최",
  "정",
  "강",
  "조",
  "윤",
  "장",
  "임",
  "한",
  "오",
  "서",
  "신",
  "권",
  "황",
  "안",
  "송",
  "남궁",
  "선우",
];
const koGiven = [
  "민준",
  "서연",
  "지훈",
  "하은",
  "도윤",
  "수아",
  "예준",
  "지우",
  "시우",
  "서윤",
  "주원",
  "하윤",
  "지호",
  "민서",
  "준서",
  "채원",
  "영호",
  "순희",
  "철수",
  "미경",
];
const usStates = ["CA", "NY", "TX", "WA", "VA", "IL", "MD", "NJ", "GA", "MA", "DC"];
const krProvinces = ["11", "26", "41", "28", "30", "47", "49"];
const cities = {
  US: ["Los Angeles", "New York", "Seattle", "Arlington", "Chicago"],
  KR: ["서울", "부산", "수원", "인천"],
  GB: ["London", "Leeds"],
  CA: ["Toronto", "Vancouver"],
} as Record<string, string[]>;
const countries = ["US", "US", "US", "KR", "KR", "KR", "KR", "GB", "CA", "JP", "DE", "AU", "FR", "NL", "BR"];
const regionText: Record<string, string[]> = {
  GB: ["England", "Scotland"],
  CA: ["Ontario", "British Columbia"],
  DE: ["Berlin", "Bayern"],
};

const pickFrom = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function appearanceOf(random: () => number): Appearance {
  const r = random();
  return r < 0.5 ? "full" : r < 0.8 ? "initials" : "counted";
}

function uuid(prefix: number, n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${hex}`;
}

function person(random: () => number, country: string): { name: string; city: string | null; region: string | null } {
  const korean = country === "KR" ? random() < 0.9 : random() < 0.15;
  const name = korean
    ? `${pickFrom(random, koFamily)}${pickFrom(random, koGiven)}`
    : `${pickFrom(random, latinFirst)} ${pickFrom(random, latinLast)}`;
  const region =
    country === "US"
      ? pickFrom(random, usStates)
      : country === "KR"
        ? pickFrom(random, krProvinces)
        : regionText[country] && random() < 0.7
          ? pickFrom(random, regionText[country]!)
          : null;
  const city = cities[country] && random() < 0.6 ? pickFrom(random, cities[country]!) : null;
  return { name, city, region };
}

export function* fixtureSigners(count: number, seed = 1): Generator<SignerRow> {
  const random = seeded(seed);
  const start = Date.parse("2018-05-01T00:00:00Z");
  for (let i = 0; i < count; i++) {
    const country = pickFrom(random, countries);
    const who = person(random, country);
    yield {
      id: uuid(1, i),
      status: "confirmed",
      appearance: appearanceOf(random),
      name: who.name,
      city: who.city,
      region: who.region,
      country,
      confirmedAt: new Date(start + i * 37_000),
      emailKey: `signer${i}@example.test`,
    };
  }
}

const ownEn = [
  "My grandmother was born in Hamhung and never saw her sister again.",
  "I teach history, and my students ask me why the camps are still there.",
  "I have read the Commission of Inquiry's report and cannot forget it.",
  "Please do not let this summit pass without a word about the people in the camps.",
  "Peace that leaves the camps standing is not the peace we hope for.",
];
const ownKo = [
  "저는 함경북도에서 태어나 십 년 전에 남한에 왔습니다.",
  "고향에 남은 가족을 생각하면 이 편지를 쓰는 것도 조심스럽습니다.",
  "비핵화만큼 사람의 자유도 중요하다고 믿습니다.",
  "수용소에 있는 사람들을 잊지 말아 주십시오.",
  "회담이 끝난 뒤에도 인권 문제가 계속 다뤄지기를 바랍니다.",
];

export function fixtureLetters(count: number, seed = 2): LetterRow[] {
  const random = seeded(seed);
  const letters: LetterRow[] = [];
  for (let i = 0; i < count; i++) {
    const korean = i % 2 === 0;
    const chosen = topics.filter(() => random() < 0.35).slice(0, 3);
    if (chosen.length === 0) chosen.push(topics[0]!);
    const own = korean ? ownKo : ownEn;
    const template = random() < 0.25; // left mostly as the composer suggested
    const ownWords = template
      ? []
      : own
          .filter(() => random() < 0.5)
          .concat(korean ? `편지 번호 ${i}번을 보냅니다.` : `This is letter number ${i}.`);
    const paragraphs = [
      korean ? "대통령님께," : "Dear Mr. President,",
      ...ownWords,
      ...chosen.map((t) => (korean ? t.ko : t.en)),
      korean ? "감사합니다." : "Sincerely,",
    ];
    const country = korean ? (random() < 0.8 ? "KR" : "US") : pickFrom(random, ["US", "US", "GB", "CA"]);
    const who = person(random, country);
    letters.push({
      id: uuid(2, i),
      status: "confirmed",
      language: korean ? "ko" : "en",
      subject: korean ? `정상회담 의제에 인권을 (${i})` : `Human rights on the summit agenda (${i})`,
      body: paragraphs.join("\n\n"),
      writer: {
        appearance: appearanceOf(random),
        name: korean ? who.name : who.name,
        city: who.city,
        region: who.region,
        country,
      },
      topics: chosen.map((t) => t.key),
      personalised: !template,
      confirmedAt: new Date(Date.parse("2018-05-20T00:00:00Z") + i * 600_000),
      emailKey: `writer${i}@example.test`,
    });
  }
  // Two writers sent the same text: near copies of each other, whatever else they are.
  if (count >= 4) letters[3] = { ...letters[3]!, body: letters[1]!.body, personalised: true };
  return letters;
}

export function fixtureInput(options: {
  signers: number;
  letters: number;
  language?: "en" | "ko";
  seed?: number;
}): BundleInput {
  return {
    organization: { id: "0b0b0b0b-0000-4000-8000-000000000001", name: "Open Letters Example Coalition" },
    campaign: {
      id: "0c0c0c0c-0000-4000-8000-000000000001",
      slug: "summit-human-rights",
      title: { en: "Put human rights on the summit agenda", ko: "정상회담 의제에 인권을" },
      openLetterText: openLetter,
      targetName: { en: "The President of the United States", ko: "미국 대통령" },
      topics: topics.map(({ key, title }) => ({ key, title })),
    },
    target:
      options.language === "ko"
        ? { name: "미국 대통령", office: "백악관", email: "president@example.test", language: "ko" }
        : {
            name: "The President of the United States",
            office: "The White House",
            email: "president@example.test",
            language: "en",
          },
    generatedAt: new Date("2018-06-08T09:00:00Z"),
    previousManifestHash: null,
    signers: fixtureSigners(options.signers, options.seed ?? 1),
    letters: fixtureLetters(options.letters, (options.seed ?? 1) + 1),
    removals: [],
  };
}

/** Names for stored region codes, as lib/geo/regions gives them (a few, for the fixture's codes). */
export function fixtureRegionName(country: string, region: string, language: "en" | "ko"): string | null {
  const names: Record<string, [string, string]> = {
    "US:CA": ["California", "캘리포니아"],
    "US:NY": ["New York", "뉴욕"],
    "US:TX": ["Texas", "텍사스"],
    "US:WA": ["Washington", "워싱턴"],
    "US:VA": ["Virginia", "버지니아"],
    "US:IL": ["Illinois", "일리노이"],
    "US:MD": ["Maryland", "메릴랜드"],
    "US:NJ": ["New Jersey", "뉴저지"],
    "US:GA": ["Georgia", "조지아"],
    "US:MA": ["Massachusetts", "매사추세츠"],
    "US:DC": ["District of Columbia", "워싱턴 D.C."],
    "KR:11": ["Seoul", "서울특별시"],
    "KR:26": ["Busan", "부산광역시"],
    "KR:41": ["Gyeonggi", "경기도"],
    "KR:28": ["Incheon", "인천광역시"],
    "KR:30": ["Daejeon", "대전광역시"],
    "KR:47": ["North Gyeongsang", "경상북도"],
    "KR:49": ["Jeju", "제주특별자치도"],
  };
  const name = names[`${country}:${region}`];
  return name ? name[language === "ko" ? 1 : 0] : null;
}
