import { describe, expect, it } from "vitest";
import { checkLetterSafety, splitByFindings } from "@/lib/letters/safety-check";
import { flagshipCampaign } from "@/prisma/seed-data/flagship";

const found = (text: string) => checkLetterSafety(text).map((f) => [f.kind, f.text]);

describe("checkLetterSafety", () => {
  it.each([
    [
      "My brother Kim Chol-su is still in Musan.",
      [
        ["relative_name", "My brother Kim Chol-su"],
        ["place", "Musan"],
      ],
    ],
    ["I think of our mother, Ri Yong-hui, every day.", [["relative_name", "our mother, Ri Yong-hui"]]],
    ["Jang Song-il, my uncle, was taken away.", [["relative_name", "Jang Song-il, my uncle"]]],
    [
      "I grew up in Hoeryong, North Hamgyong Province, and escaped in March 2015.",
      [
        ["place", "Hoeryong"],
        ["place", "North Hamgyong Province"],
        ["escape_date", "escaped in March 2015"],
      ],
    ],
    ["We fled in the winter of 2009.", [["escape_date", "fled in the winter of 2009"]]],
    ["In June 2011 my family crossed the river.", [["escape_date", "June 2011 my family crossed"]]],
    [
      "My village was Sinhung-ri, near Hyesan.",
      [
        ["place", "Sinhung-ri"],
        ["place", "Hyesan"],
      ],
    ],
    [
      "Call my cousin on +86 139 1234 5678 or 010-1234-5678.",
      [
        ["phone", "+86 139 1234 5678"],
        ["phone", "010-1234-5678"],
      ],
    ],
    ["I grew up in Pyongyang, near the river.", [["place", "Pyongyang"]]],
    ["My father was taken to Camp 16 in the spring.", [["camp", "Camp 16"]]],
    ["He spent four years in Kwalliso No. 15.", [["camp", "Kwalliso No. 15"]]],
    ["She is held in Political Prison Camp No. 25.", [["camp", "Political Prison Camp No. 25"]]],
    ["My grandfather died in the Yodok camp.", [["camp", "Yodok camp"]]],
    ["She spent a month in the holding centre in Onsong.", [["camp", "holding centre in Onsong"]]],
    ["My mom's name is Choi Mi-ran.", [["relative_name", "name is Choi Mi-ran"]]],
    ["My uncle is called Pak Yong-nam.", [["relative_name", "My uncle is called Pak Yong-nam"]]],
    ["My sister Sun-hee is waiting.", [["relative_name", "My sister Sun-hee"]]],
    ["Ok-hui, my eldest sister, stayed behind.", [["relative_name", "Ok-hui, my eldest sister"]]],
    ["My aunt was repatriated from China in 2012.", [["escape_date", "2012"]]],
    ["I was caught in China and sent back in 2010.", [["escape_date", "2010"]]],
    ["When I was fourteen, in 2003, I swam across the Tumen River.", [["escape_date", "2003"]]],
    ["You can reach my cousin on WeChat: kimhj1987.", [["contact_id", "WeChat: kimhj1987"]]],
    ["Her KakaoTalk ID is sunflower_77.", [["contact_id", "KakaoTalk ID is sunflower_77"]]],
    ["Message me on Telegram at @freedom_dawn.", [["contact_id", "Telegram at @freedom_dawn"]]],
    ["Contact me on WhatsApp: +1 213 555 0147.", [["contact_id", "WhatsApp: +1 213 555 0147"]]],
    ["Write to jane.doe@example.org.", [["contact_id", "jane.doe@example.org"]]],
  ])("finds the risky details in %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ["제 동생 김철수는 아직 북한에 있습니다.", [["relative_name", "제 동생 김철수"]]],
    ["어머니 이영희를 생각하면 잠이 오지 않습니다.", [["relative_name", "어머니 이영희"]]],
    [
      "우리 언니 박순희 씨는 청진에 삽니다.",
      [
        ["relative_name", "우리 언니 박순희"],
        ["place", "청진"],
      ],
    ],
    ["저는 함경북도 무산군 칠성리에서 왔습니다.", [["place", "함경북도 무산군 칠성리"]]],
    ["양강도 혜산시에서 자랐습니다.", [["place", "양강도 혜산시"]]],
    ["2015년 3월에 탈북했습니다.", [["escape_date", "2015년 3월에 탈북"]]],
    ["제 어머니는 1998년에 두만강을 건너셨습니다.", [["escape_date", "1998년에 두만강"]]],
    ["탈북한 것은 2009년 겨울이었습니다.", [["escape_date", "탈북한 것은 2009년"]]],
    [
      "신의주 사람들에게 연락하려면 010 9876 5432로 전화하세요.",
      [
        ["place", "신의주"],
        ["phone", "010 9876 5432"],
      ],
    ],
    ["저는 평양에서 태어났습니다.", [["place", "평양"]]],
    ["아버지는 16호 관리소로 끌려가셨습니다.", [["camp", "16호 관리소"]]],
    ["오빠는 제12호 교화소에 있습니다.", [["camp", "제12호 교화소"]]],
    ["할아버지는 요덕 수용소에서 돌아가셨습니다.", [["camp", "요덕 수용소"]]],
    ["언니가 전거리 교화소에 있습니다.", [["camp", "전거리 교화소"]]],
    ["강원도 원산에서 자랐습니다.", [["place", "강원도 원산"]]],
    ["북한 강원도 고성군이 고향입니다.", [["place", "북한 강원도 고성군"]]],
    ["개성에서 자랐습니다.", [["place", "개성"]]],
    ["제 동생 이름은 김은별입니다.", [["relative_name", "제 동생 이름은 김은별"]]],
    ["엄마 이름은 최명순이고, 장사를 하십니다.", [["relative_name", "엄마 이름은 최명순"]]],
    ["아버지 성함은 리철남입니다.", [["relative_name", "아버지 성함은 리철남"]]],
    ["제 딸 순이는 열 살입니다.", [["relative_name", "제 딸 순이"]]],
    ["동생 철수가 북한에 있습니다.", [["relative_name", "동생 철수"]]],
    ["사촌 동생 명희는 학생입니다.", [["relative_name", "동생 명희"]]],
    ["삼촌 정도현이 보고 싶어요.", [["relative_name", "삼촌 정도현"]]],
    ["저는 2015년에 중국으로 건너왔습니다.", [["escape_date", "2015년"]]],
    ["2012년 겨울에 강제북송되었습니다.", [["escape_date", "2012년"]]],
    ["저는 2019년에 한국에 왔습니다.", [["escape_date", "2019년"]]],
    ["제 위챗 아이디는 hope2020입니다.", [["contact_id", "위챗 아이디는 hope2020"]]],
    ["카카오톡 ID: sarang_88 로 연락 주세요.", [["contact_id", "카카오톡 ID: sarang_88"]]],
    ["라인 아이디 jh_kim2로 연락 주세요.", [["contact_id", "라인 아이디 jh_kim2"]]],
  ])("finds the risky details in the Korean %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    "어머니 이야기를 하고 싶습니다.",
    "회담이 무산될까 걱정입니다.",
    "탈북민 3만 1천 명이 한국에 살고 있습니다.",
    "My mother taught me to care about human rights.",
    "An estimated 80,000 to 120,000 people are held in the camps. In 2018 the summit was planned.",
    "I left my job in 2009 to study law.",
    "Kim Jong Un should hear this.",
    // The capital standing for the state, and words that are also North Korean or South Korean place names.
    "The Pyongyang regime must answer for the camps.",
    "Pyongyang's leaders ignore the UN.",
    "Talks with Pyongyang must include human rights.",
    "Presidents have made peace at Camp David.",
    "The Kaesong Industrial Complex was closed.",
    "The Punggye-ri test site was closed.",
    "평양 정권은 답해야 합니다.",
    "평양 당국은 인권 문제를 외면하고 있습니다.",
    "평양 정부의 약속은 믿기 어렵습니다.",
    "평양냉면을 좋아합니다.",
    "저는 강원도 속초에 삽니다.",
    "개천에서 용 난다는 말이 있습니다.",
    "저마다 개성 있는 편지를 씁니다.",
    "이 일만은 꼭 해주십시오.",
    "교화소와 집결소에서 벌어지는 고문을 멈춰야 합니다.",
    // Words after a kinship word that are not names, and names that are not given.
    "My father, God rest his soul, fought in the war.",
    "My name is not important.",
    "The group I volunteer with is called Hope Bridge.",
    "할머니 손을 다시 잡아 보고 싶습니다.",
    "동생 방에는 아직 사진이 걸려 있습니다.",
    "동생 진로 문제로 고민이 많습니다.",
    "어머니 건강이 걱정됩니다.",
    "아버지 일이 바빠서 못 왔습니다.",
    "동생 문자가 왔습니다.",
    "동생 방학이 끝났습니다.",
    "언니 고민이 많습니다.",
    "I miss my mother\nSometimes I cry.",
    "제 이름은 밝히지 않겠습니다.",
    "어머니 이름은 여기 적지 않겠습니다.",
    // Years beside words of leaving that are not about the writer or a relative leaving the North.
    "In June 2019 the President crossed into North Korea at Panmunjom.",
    "My parents fled Vietnam by boat in 1979.",
    "I left home for college in 2010.",
    "I learned Chinese in 2015.",
    "2018년에도 중국 정부는 탈북민 강제송환을 계속했습니다.",
    "저는 2018년에 미국으로 유학을 왔습니다.",
    "저는 2016년에 중국어를 배웠습니다.",
    // Messengers named without an ID.
    "I have a WeChat account, but I would never use it for this.",
    "Signal is safer than KakaoTalk for people with family in the North.",
    "카카오톡으로 가족 소식을 듣곤 합니다.",
    "위챗은 중국 당국의 감시를 받습니다.",
  ])("raises no alarm for the ordinary %j", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("raises no alarm on the campaign's own texts and topic paragraphs, in either language", () => {
    for (const lang of ["en", "ko"] as const) {
      const texts = [
        ...flagshipCampaign.topics.flatMap((t) => [t.texts[lang].paragraph, t.texts[lang].fact, t.texts[lang].ask]),
        flagshipCampaign.texts[lang].letter,
        flagshipCampaign.texts[lang].context,
        flagshipCampaign.texts[lang].summary,
      ];
      for (const text of texts) expect(checkLetterSafety(text), text).toEqual([]);
    }
  });

  it("gives positions that cut the text into highlightable parts", () => {
    const text = "Dear Mr. President,\n\n제 동생 김철수는 회령에 있습니다.";
    const findings = checkLetterSafety(text);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    const parts = splitByFindings(text, findings);
    expect(parts.map((p) => p.text).join("")).toBe(text);
    expect(parts.filter((p) => p.finding).map((p) => p.text)).toEqual(["제 동생 김철수", "회령"]);
  });
});
