// Seed content for the flagship campaign, in English and Korean.
// Every figure comes from shared/notes/campaign-content.md; keep them in step with that file and with `sources`.

export type Locale = "en" | "ko";

export type CampaignText = {
  title: string;
  summary: string;
  /** Background above the letter; paragraphs separated by "\n\n". */
  context: string;
  /** The open letter supporters co-sign; paragraphs separated by "\n\n", no signature (the app adds signers). */
  letter: string;
  /** One line per figure the page shows. */
  sources: string;
};

export type TopicText = {
  title: string;
  fact: string;
  ask: string;
  source: string;
  /** Ready to paste into a personal letter to the President; avoids "I"/"we" so it fits any writer. */
  paragraph: string;
};

export const demoOrganization: { slug: string; name: string; translatedNames: Partial<Record<Locale, string>> } = {
  slug: "demo-coalition",
  name: "Open Letters Demo Coalition",
  /** Shown on pages and in emails in these languages ("주최: …"); `name` everywhere else. */
  translatedNames: { ko: "오픈 레터스 시범 연대" },
};

export const flagshipCampaign: {
  slug: string;
  goal: number;
  deadline: Date;
  targetName: Record<Locale, string>;
  targetEmail: string;
  texts: Record<Locale, CampaignText>;
  topics: { key: string; texts: Record<Locale, TopicText> }[];
} = {
  slug: "human-rights-on-the-agenda",
  // The response threshold the White House once used for online petitions.
  goal: 100000,
  // The summit: June 12, 2018 in Singapore, opening at 9:00 local time (01:00 UTC).
  deadline: new Date("2018-06-12T01:00:00Z"),
  targetName: {
    en: "The President of the United States",
    ko: "미국 대통령",
  },
  // Reserved .example domain: the seed must never be able to mail a real inbox.
  targetEmail: "president@whitehouse.example",

  texts: {
    en: {
      title: "Put human rights on the summit agenda",
      summary:
        "Ask the President of the United States to raise human rights beside denuclearization when he meets Kim Jong Un in Singapore on June 12, 2018, starting with North Korea's political prison camps. Co-sign the open letter, or write your own.",
      context: [
        "The President of the United States and North Korea's leader, Kim Jong Un, are set to meet face to face on June 12, 2018 in Singapore, after an on-again, off-again run-up. The summit's public agenda is denuclearization.",
        "North Korean defectors and human-rights groups in Seoul and Washington, D.C. have asked that human rights be on the agenda as prominently as denuclearization. Some call the summit a political show; many fear the North Korean leader is only pretending to be sincere.",
        "On April 28, 2018, about 30 North Korea-related organizations signed a letter asking the President to demand the dismantling of North Korea's prison camps, where an estimated 80,000 to 120,000 people are held. In late May 2018, at least one defector-led group wrote to the White House asking that the prison camps be raised at the summit.",
        "The Commission of Inquiry on Human Rights in the DPRK, established by the UN Human Rights Council, documented the range of human-rights abuses in North Korea in a 372-page report published in February 2014.",
        "More than 31,000 North Koreans live in South Korea as South Korean citizens. Only a small fraction of them are activists, and many have no strong opinion on the summit. This campaign does not speak for all of them; it speaks only for the people who sign it.",
      ].join("\n\n"),
      letter: [
        "Dear Mr. President,",
        "When you meet North Korea's leader, Kim Jong Un, in Singapore on June 12, 2018, please put human rights on the agenda beside denuclearization, and give them the same prominence.",
        "Please start with the political prison camps. An estimated 80,000 to 120,000 people are held in them, and former prisoners describe torture, starvation and forced labor. Please ask that the camps be dismantled and that independent observers be let in.",
        "Please also speak for the people who are detained and tortured, and some killed, for trying to reach South Korea; for the families of defectors who reached South Korea, who are intimidated; and for the freedom of North Koreans to travel within their own country, where they need a permit just to leave their town or province.",
        "The 2014 report of the UN Commission of Inquiry, 372 pages long, documents the range of human-rights abuses in North Korea. Promises are easy to make. We ask that any agreement be tied to one verifiable human-rights step, such as freedom of movement or the right to choose one's profession, as proof that things are really changing.",
        "Security and human rights belong at the same table. We hope you will bring both to Singapore.",
      ].join("\n\n"),
      sources: [
        "Estimated prison-camp population (80,000–120,000): estimates cited by human-rights groups.",
        "Range of human-rights abuses in North Korea: the 2014 report of the UN Commission of Inquiry on Human Rights in the DPRK (372 pages, UN document A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
        "Letter of April 28, 2018 (about 30 organizations): letter to the President signed by North Korea-related organizations, asking for the dismantling of the prison camps.",
        "North Koreans living in South Korea as citizens (more than 31,000): figure reported at the time of the summit; only a small fraction are activists.",
        "Goal (100,000 confirmed signatures): the response threshold the White House once used for online petitions.",
      ].join("\n"),
    },
    ko: {
      title: "북한 인권을 정상회담 의제로",
      summary:
        "2018년 6월 12일 싱가포르에서 김정은 국무위원장을 만나는 미국 대통령에게 비핵화와 함께 북한 인권, 무엇보다 정치범수용소 문제를 제기해 달라고 요청합니다. 공개서한에 함께 서명하거나 직접 편지를 써 주십시오.",
      context: [
        "미국 대통령과 북한의 김정은 국무위원장이 개최가 취소됐다가 다시 추진되는 우여곡절 끝에 2018년 6월 12일 싱가포르에서 마주 앉습니다. 이번 정상회담에서 공개된 의제는 비핵화입니다.",
        "서울과 워싱턴 D.C.의 탈북민과 인권 단체들은 인권 문제도 비핵화만큼 비중 있게 의제에 올려야 한다고 요구해 왔습니다. 이번 회담을 정치적 쇼로 보는 사람도 있고, 북한 지도자가 진정성이 있는 척할 뿐이라고 우려하는 사람도 많습니다.",
        "2018년 4월 28일에는 북한 관련 단체 30여 곳이 미국 대통령에게 북한 정치범수용소 해체를 요구해 달라는 서한에 서명했습니다. 북한 정치범수용소에는 8만~12만 명이 갇혀 있는 것으로 추정됩니다. 2018년 5월 하순에는 탈북민이 이끄는 단체 가운데 적어도 한 곳이 백악관에 서한을 보내 정상회담에서 정치범수용소 문제를 다뤄 달라고 요청했습니다.",
        "유엔 인권이사회가 설립한 북한인권조사위원회(COI)는 2014년 2월 발표한 372쪽 분량의 보고서에서 북한의 광범위한 인권 침해를 기록했습니다.",
        "한국에는 3만 1천 명이 넘는 탈북민이 대한민국 국민으로 살고 있습니다. 이 가운데 활동가는 극히 일부이며, 정상회담에 대해 뚜렷한 의견이 없는 분도 많습니다. 이 캠페인은 탈북민 전체를 대변하지 않으며, 서명에 참여한 사람들의 목소리만을 전합니다.",
      ].join("\n\n"),
      letter: [
        "대통령님께",
        "2018년 6월 12일 싱가포르에서 북한의 김정은 국무위원장을 만나실 때, 비핵화와 함께 인권 문제도 같은 비중으로 의제에 올려 주시기를 부탁드립니다.",
        "먼저 정치범수용소 문제를 제기해 주십시오. 북한의 정치범수용소에는 8만~12만 명이 갇혀 있는 것으로 추정되며, 그곳에 갇혔던 사람들은 고문과 굶주림, 강제노동을 증언합니다. 수용소를 해체하고 독립적인 감시단의 접근을 허용하라고 요구해 주십시오.",
        "아울러 한국으로 가려 했다는 이유로 구금되고 고문당하며 때로는 목숨까지 잃는 사람들, 한국에 정착한 탈북민의 가족이라는 이유로 위협받는 사람들, 그리고 자기가 사는 시·군이나 도를 벗어나는 데조차 허가를 받아야 하는 북한 주민들의 이동의 자유에 대해서도 말씀해 주십시오.",
        "유엔 북한인권조사위원회의 2014년 보고서(372쪽)는 북한에서 벌어지는 광범위한 인권 침해를 기록하고 있습니다. 약속은 쉽게 할 수 있지만, 변화는 확인할 수 있어야 합니다. 이동의 자유나 직업 선택의 자유처럼 검증 가능한 인권 조치 하나를 어떤 합의에든 연계하여, 변화가 실제로 일어나고 있다는 증거로 삼아 주십시오.",
        "안보와 인권은 같은 회담장에서 함께 논의되어야 합니다. 싱가포르에서 이 두 가지를 모두 이야기해 주시기를 바랍니다. 감사합니다.",
      ].join("\n\n"),
      sources: [
        "정치범수용소 수감자 추정치(8만~12만 명): 인권 단체들이 인용하는 추정치.",
        "북한의 광범위한 인권 침해: 유엔 인권이사회가 설립한 북한인권조사위원회(COI)의 2014년 보고서(372쪽, 유엔 문서 A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
        "2018년 4월 28일 서한(30여 개 단체): 북한 관련 단체들이 서명해, 미국 대통령에게 정치범수용소 해체를 요구해 달라고 요청한 서한.",
        "한국에 사는 탈북민(3만 1천여 명, 대한민국 국민): 정상회담 당시 보도된 수치(이 가운데 활동가는 극히 일부).",
        "목표(확인된 서명 10만 명): 백악관이 과거 온라인 청원에 답변하던 기준.",
      ].join("\n"),
    },
  },

  topics: [
    {
      key: "prison-camps",
      texts: {
        en: {
          title: "Political prison camps",
          fact: "An estimated 80,000 to 120,000 people are held in North Korea's prison camps, where former prisoners describe torture, starvation and forced labor such as burying other inmates.",
          ask: "Dismantle the camps and let independent observers in.",
          source:
            "Estimates cited by human-rights groups; The 2014 report of the UN Commission of Inquiry on Human Rights in the DPRK (372 pages, UN document A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "An estimated 80,000 to 120,000 people are held in North Korea's political prison camps, and former prisoners describe torture, starvation and forced labor such as burying other inmates. Please ask North Korea to dismantle these camps and to let independent observers in.",
        },
        ko: {
          title: "정치범수용소",
          fact: "북한 정치범수용소에는 8만~12만 명이 갇혀 있는 것으로 추정되며, 그곳에 갇혔던 사람들은 고문과 굶주림, 그리고 동료 수감자의 시신을 묻는 일 같은 강제노동을 증언합니다.",
          ask: "수용소 해체와 독립적인 감시단의 접근 허용",
          source:
            "인권 단체들이 인용하는 추정치; 유엔 인권이사회가 설립한 북한인권조사위원회(COI)의 2014년 보고서(372쪽, 유엔 문서 A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "북한 정치범수용소에는 8만~12만 명이 갇혀 있는 것으로 추정되며, 그곳에 갇혔던 사람들은 고문과 굶주림, 동료 수감자의 시신을 묻는 일 같은 강제노동을 증언합니다. 북한이 이 수용소들을 해체하고 독립적인 감시단의 접근을 허용하도록 요구해 주십시오.",
        },
      },
    },
    {
      key: "fleeing",
      texts: {
        en: {
          title: "People caught fleeing",
          fact: "People are detained and tortured, and some are killed, for trying to reach South Korea.",
          ask: "Stop punishing people for leaving.",
          source:
            "The 2014 report of the UN Commission of Inquiry on Human Rights in the DPRK (372 pages, UN document A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "North Koreans who try to reach South Korea are detained and tortured, and some are killed. Leaving should not be a crime. Please ask North Korea to stop punishing people for leaving.",
        },
        ko: {
          title: "탈북하다 붙잡힌 사람들",
          fact: "한국으로 가려 했다는 이유로 사람들이 구금되고 고문당하며, 목숨을 잃는 경우도 있습니다.",
          ask: "북한을 떠나려 한 사람들에 대한 처벌 중단",
          source:
            "유엔 인권이사회가 설립한 북한인권조사위원회(COI)의 2014년 보고서(372쪽, 유엔 문서 A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "한국으로 가려 했다는 이유로 북한 주민들이 구금되고 고문당하며, 목숨을 잃는 경우도 있습니다. 나라를 떠나려 했다는 것이 죄가 되어서는 안 됩니다. 떠나려 한 사람들을 처벌하지 말라고 북한에 요구해 주십시오.",
        },
      },
    },
    {
      key: "families",
      texts: {
        en: {
          title: "Families of defectors",
          fact: "Families of defectors who reached South Korea are intimidated.",
          ask: "End the intimidation and collective punishment of families.",
          source:
            "The 2014 report of the UN Commission of Inquiry on Human Rights in the DPRK (372 pages, UN document A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "The families of defectors who reached South Korea are intimidated. No one should be punished for a relative's choice. Please ask North Korea to end the intimidation and collective punishment of these families.",
        },
        ko: {
          title: "탈북민의 가족",
          fact: "한국에 정착한 탈북민의 가족들이 위협을 받고 있습니다.",
          ask: "가족에 대한 위협과 연좌제식 처벌 중단",
          source:
            "유엔 인권이사회가 설립한 북한인권조사위원회(COI)의 2014년 보고서(372쪽, 유엔 문서 A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "한국에 정착한 탈북민의 가족들이 북한에서 위협을 받고 있습니다. 가족의 선택 때문에 처벌받는 사람이 있어서는 안 됩니다. 탈북민 가족에 대한 위협과 연좌제식 처벌을 멈추라고 북한에 요구해 주십시오.",
        },
      },
    },
    {
      key: "movement",
      texts: {
        en: {
          title: "Freedom of movement",
          fact: "North Koreans need a permit to leave their own town or province.",
          ask: "Let people travel within their own country.",
          source:
            "The 2014 report of the UN Commission of Inquiry on Human Rights in the DPRK (372 pages, UN document A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "North Koreans need a permit just to leave their own town or province. Please ask North Korea to let people travel freely within their own country.",
        },
        ko: {
          title: "이동의 자유",
          fact: "북한 주민은 자기가 사는 시·군이나 도를 벗어나려면 허가(통행증)를 받아야 합니다.",
          ask: "자기 나라 안에서 자유롭게 오갈 권리 보장",
          source:
            "유엔 인권이사회가 설립한 북한인권조사위원회(COI)의 2014년 보고서(372쪽, 유엔 문서 A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "북한 주민은 자기가 사는 시·군이나 도를 벗어나는 데에도 허가(통행증)를 받아야 합니다. 주민들이 자기 나라 안에서만이라도 자유롭게 오갈 수 있도록 북한에 요구해 주십시오.",
        },
      },
    },
    {
      key: "surveillance",
      texts: {
        en: {
          title: "Surveillance and speech",
          fact: "Citizens live under high-tech government surveillance with little free speech, and outside media is forbidden.",
          ask: "Stop punishing people for what they say, read or watch.",
          source:
            "The 2014 report of the UN Commission of Inquiry on Human Rights in the DPRK (372 pages, UN document A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "North Koreans live under high-tech government surveillance, with little free speech, and outside media is forbidden. Please ask North Korea to stop punishing people for what they say, read or watch.",
        },
        ko: {
          title: "감시와 표현의 자유",
          fact: "북한 주민들은 첨단 기술을 동원한 정부의 감시 속에 살고 있으며, 표현의 자유는 거의 없고 외부 매체는 금지돼 있습니다.",
          ask: "말하고 읽고 본 것을 이유로 한 처벌 중단",
          source:
            "유엔 인권이사회가 설립한 북한인권조사위원회(COI)의 2014년 보고서(372쪽, 유엔 문서 A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "북한 주민들은 첨단 기술을 동원한 정부의 감시 속에 살고 있으며, 표현의 자유는 거의 없고 외부 매체는 금지돼 있습니다. 무엇을 말하고 읽고 보았는지를 이유로 사람들을 처벌하지 말라고 북한에 요구해 주십시오.",
        },
      },
    },
    {
      key: "profession",
      texts: {
        en: {
          title: "Choosing one's work",
          fact: "The state, not the person, decides one's profession.",
          ask: "Grant the right to choose one's profession.",
          source:
            "The 2014 report of the UN Commission of Inquiry on Human Rights in the DPRK (372 pages, UN document A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "In North Korea, the state, not the person, decides what work someone will do. Please ask North Korea to grant its people the right to choose their own profession.",
        },
        ko: {
          title: "직업 선택의 자유",
          fact: "북한에서는 본인이 아니라 국가가 직업을 정합니다.",
          ask: "직업 선택의 자유 보장",
          source:
            "유엔 인권이사회가 설립한 북한인권조사위원회(COI)의 2014년 보고서(372쪽, 유엔 문서 A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1",
          paragraph:
            "북한에서는 어떤 일을 할지 본인이 아니라 국가가 정합니다. 주민들이 스스로 직업을 선택할 수 있는 권리를 보장하라고 북한에 요구해 주십시오.",
        },
      },
    },
    {
      key: "one-right",
      texts: {
        en: {
          title: "One right as proof",
          fact: "Activists asked for just one right from the Universal Declaration of Human Rights, such as freedom of movement or choosing one's profession, as evidence that things are really changing.",
          ask: "Tie any deal to one verifiable human-rights step.",
          source: "Request by activists; Universal Declaration of Human Rights.",
          paragraph:
            "Activists have asked for just one right from the Universal Declaration of Human Rights, such as freedom of movement or the right to choose one's profession, as evidence that things are really changing. Please tie any deal to one verifiable human-rights step, so that change can be seen and not only promised.",
        },
        ko: {
          title: "변화의 증거, 권리 하나",
          fact: "활동가들은 변화가 실제로 일어나고 있다는 증거로, 세계인권선언에 담긴 권리 가운데 단 하나(이동의 자유나 직업 선택의 자유)만이라도 보장하라고 요구했습니다.",
          ask: "모든 합의에 검증 가능한 인권 조치 하나를 연계",
          source: "활동가들의 요구; 세계인권선언",
          paragraph:
            "활동가들은 변화가 실제로 일어나고 있다는 증거로, 세계인권선언에 담긴 권리 가운데 이동의 자유나 직업 선택의 자유 같은 단 하나의 권리만이라도 보장하라고 요구해 왔습니다. 어떤 합의든 검증 가능한 인권 조치 하나와 연계하여, 변화가 약속에 그치지 않고 눈으로 확인될 수 있게 해 주십시오.",
        },
      },
    },
  ],
};
