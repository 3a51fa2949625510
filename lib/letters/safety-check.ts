// Points at details in a letter that could identify someone still in North Korea: relatives' names, places, camps,
// dates of leaving, phone numbers, messenger IDs. The writer decides; it misses many, so silence is not safety.
// Positions are string indices, so the composer can highlight each finding.

import {
  addressSuffixKo,
  campPlacesEn,
  campPlacesKo,
  campWordsEn,
  campWordsKo,
  kangwonNorthOnlyKo,
  northQualifierKo,
  placesEn,
  placesKo,
  pyongyangEn,
  pyongyangKo,
  qualifiedPlacesEn,
  residenceKo,
  romanised,
  southernTwinsKo,
  wordLikePlacesKo,
} from "./north-korean-places";

export type FindingKind = "relative_name" | "place" | "camp" | "escape_date" | "phone" | "contact_id";
export type Finding = { kind: FindingKind; text: string; start: number; end: number };

const H = "[가-힣]";
const notHangulBefore = `(?<!${H})`;
const anyOf = (names: string[]) => names.join("|");
const anyOfRomanised = (names: string[]) => names.map(romanised).join("|");
const wordsEn = (flags: string, words: string[]) => new RegExp(`\\b(?:${words.join("|")})\\b`, flags);

// ---- Places --------------------------------------------------------------------------------------------------------

// After a known place, the rest of an address: "회령시 유선동", "무산군 ○○리", "Musan County", "Yuson-dong".
const addressTailKo = `(?:\\s*${H}{0,6}(?:시|군|구역|읍|면|리|동|노동자구|도))*`;
const addressTailEn =
  "(?:,?\\s*(?:[A-Z][a-z'ŏŭ]+[- ])?(?:[Cc]ounty|[Cc]ity|[Pp]rovince|gun|ri|dong|[uŭ]p|eup|si|do|-gun|-ri|-dong)\\b)*";
const northKoreaEn = "(?:North Korea|DPRK)";

const placePatterns: RegExp[] = [
  new RegExp(`${notHangulBefore}(?:${anyOf(placesKo)}|${pyongyangKo})${addressTailKo}`, "gu"),
  new RegExp(
    `${notHangulBefore}(?:${anyOf(wordLikePlacesKo)})(?:${addressSuffixKo}${addressTailKo}|${residenceKo})`,
    "gu",
  ),
  new RegExp(`${northQualifierKo}(?:${anyOf(southernTwinsKo)}|강원도)${addressTailKo}`, "gu"),
  new RegExp(`${notHangulBefore}강원도\\s*(?:${anyOf(kangwonNorthOnlyKo)})${addressTailKo}`, "gu"),
  // A county and a village together ("OO군 OO리") is an address wherever it is.
  new RegExp(`${notHangulBefore}${H}{1,4}군\\s*${H}{1,4}(?:리|읍|노동자구)(?!${H})`, "gu"),
  new RegExp(`\\b(?:${anyOfRomanised(placesEn)})\\b${addressTailEn}`, "gu"),
  new RegExp(`${pyongyangEn}${addressTailEn}`, "gu"),
  new RegExp(
    `\\b(?:${anyOfRomanised(qualifiedPlacesEn)})(?:\\s+[Cc]ounty|-gun|\\s+[Cc]ity)?,?\\s+(?:in\\s+)?${northKoreaEn}`,
    "gu",
  ),
  new RegExp(`\\b(?:North Korea(?:'s|n)|DPRK's)\\s+(?:${anyOfRomanised(qualifiedPlacesEn)})\\b${addressTailEn}`, "gu"),
  new RegExp(`\\b(?:North Korea(?:'s|n)|northern)\\s+[KG]angw(?:ŏ|o|eo)n(?:\\s+[Pp]rovince)?`, "gu"),
  new RegExp(`\\b[KG]angw(?:ŏ|o|eo)n(?:\\s+[Pp]rovince)?,?\\s+(?:in\\s+)?${northKoreaEn}`, "gu"),
  // Romanised villages and neighbourhoods ("Sinhung-ri", "Yuson-dong"), but not the test and launch sites in the news.
  /\b[A-Z][a-zŏŭ']+-(?:ri|dong|gun|up|eup)\b(?!\s+(?:nuclear\s+)?(?:test|launch|missile|rocket|satellite)\b)/gu,
];

// ---- Camps and prisons ---------------------------------------------------------------------------------------------

const campNumberEn = "(?:[Nn]o\\.?\\s*|[Nn]umber\\s+|#)";
const campPlaceNamesEn = `${anyOfRomanised(campPlacesEn)}|${anyOfRomanised(placesEn)}`;
const campPatterns: RegExp[] = [
  // "16호 관리소", "제12호 교화소", "관리소 15호"
  new RegExp(`(?:제\\s*)?\\d{1,2}\\s*호\\s*${campWordsKo}`, "gu"),
  new RegExp(`(?:관리소|교화소|수용소)\\s*(?:제\\s*)?\\d{1,2}\\s*호`, "gu"),
  // "요덕 수용소", "전거리 교화소", "온성 집결소", "개천 수용소"
  new RegExp(
    `${notHangulBefore}(?:${anyOf(placesKo)}|${pyongyangKo}|${anyOf(wordLikePlacesKo)}|${anyOf(campPlacesKo)}|` +
      `${anyOf(southernTwinsKo)})(?:${addressSuffixKo})?\\s*${campWordsKo}`,
    "gu",
  ),
  // "Camp 16", "Political Prison Camp No. 25", "Kwalliso No. 15", "Kyohwaso 12"; a bare "prison 10" is not a number.
  new RegExp(
    "\\b(?:(?:political\\s+)?(?:prison\\s+)?camp|kwall?iso|kwan-?li-?so|kyohwaso|kyo-hwa-so)\\s+" +
      `${campNumberEn}?\\d{1,2}\\b(?![,.]\\d)`,
    "giu",
  ),
  new RegExp(
    `\\b(?:prison|penitentiary|detention\\s+cent(?:er|re)|holding\\s+cent(?:er|re))\\s+${campNumberEn}\\d{1,2}\\b`,
    "giu",
  ),
  new RegExp(`\\b${campNumberEn}\\d{1,2}\\s+${campWordsEn}\\b`, "giu"),
  // "the Yodok camp", "the Chongori reeducation camp", "the prison camp at Kaechon", "the holding centre in Onsong"
  new RegExp(`\\b(?:${campPlaceNamesEn})\\s+${campWordsEn}\\b`, "giu"),
  new RegExp(`\\b${campWordsEn}\\s+(?:at|in|near|of|outside)\\s+(?:${campPlaceNamesEn})\\b`, "giu"),
];

// ---- Names ---------------------------------------------------------------------------------------------------------

const kinEn =
  "(?:older |younger |little |big |elder |eldest |late |baby )?(?:brother|sister|mother|father|mom|mum|mommy|dad|" +
  "daddy|son|daughter|uncle|aunt|auntie|cousin|grandmother|grandfather|grandma|grandpa|grandson|granddaughter|wife|" +
  "husband|niece|nephew|parents|brother-in-law|sister-in-law|family member|relative)";
const nameEn = "[A-Z][a-zŏŭ']+(?: [A-Z][a-zŏŭ']+|-[A-Za-zŏŭ][a-zŏŭ']*){0,3}";
// Capitalised words that follow a kinship word without being a name: "My father, God rest his soul".
const notNamesEn = new Set([
  "God",
  "Lord",
  "Jesus",
  "Christ",
  "North",
  "South",
  "Korea",
  "Korean",
  "Koreans",
  "American",
  "Chinese",
  "President",
  "Mr",
  "Mrs",
  "Ms",
  "Dr",
  "I",
  "Christmas",
  "Easter",
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
  "Singapore",
  "Seoul",
  "China",
]);
const firstWord = (name: string) => name.split(/[ -]/)[0]!;

const relativePatternsEn: RegExp[] = [
  // "my brother Kim Chol-su", "our mother, Ri Yong-hui", "my sister named Jang Mi", "my brother, who is called Chol"
  new RegExp(
    `\\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)[ \\t]+${kinEn}[ \\t]*,?[ \\t]+` +
      `(?:(?:who\\s+is\\s+|is\\s+)?(?:named|called)\\s+)?(${nameEn})`,
    "gu",
  ),
  // "Kim Chol-su, my brother", "Ok-hui, my eldest sister"
  new RegExp(
    `\\b(?:[A-Z][a-zŏŭ']+ [A-Z][a-zŏŭ']+(?:-[a-zŏŭ']+)?|[A-Z][a-zŏŭ']+-[a-zŏŭ']+),\\s+(?:[Mm]y|[Oo]ur)\\s+${kinEn}\\b`,
    "gu",
  ),
  // "My mom's name is Choi Mi-ran", "her name was Yun Hye-jin"
  new RegExp(`\\b(?:[Nn]ame(?:\\s+is|\\s+was|'s)|[Nn]ames\\s+(?:are|were))\\s+(${nameEn})`, "gu"),
  // "My uncle is called Pak Yong-nam", "a neighbour's boy named Song-min"
  new RegExp(
    `\\b(?:${kinEn}|man|woman|girl|boy|friend|neighbou?r|teacher|child|baby)(?:'s)?\\b[^.!?\\n]{0,24}?` +
      `\\b(?:named|called)\\s+(${nameEn})`,
    "gu",
  ),
];

const kinKo =
  "(?:큰아버지|작은아버지|외할머니|외할아버지|할머니|할아버지|외삼촌|삼촌|큰어머니|작은어머니|시어머니|시아버지|어머니|어머님|아버지|아버님|" +
  "큰언니|작은언니|큰오빠|작은오빠|큰누나|작은누나|큰형|작은형|형님|형부|형수|남동생|여동생|막냇동생|막내동생|동생|막내|오빠|누나|언니|엄마|아빠|" +
  "큰아들|작은아들|맏아들|외아들|아들|큰딸|작은딸|맏딸|외동딸|딸|이모부|이모|고모부|고모|외숙모|숙모|남편|아내|부인|조카딸|조카|사촌|" +
  "손자|손녀|며느리|사위|장모|장인|처제|처남|매형|매제|올케|시누이|제부|친척|형)";
const possessiveKo = "(?:(?:제|저의|나의|내|우리|저희)\\s*)?";
const surnamesKo = new Set(
  "김이리박최정강조윤장임림한오서신권황안송류유전홍고문양량손배백허남심노로하곽성차주우구민진나라지엄채원천방공현함변염렴여추도소석선설마길연위표명기반왕금옥육륙인맹제모탁국어은편용예경봉",
);
// Syllables common in Korean given names, North and South. A word after a kinship word is taken for a name only if
// it is made of these, which keeps out most nouns ("동생 친구가", "엄마 사진을", "할머니 손을").
const givenNameSyllables = new Set(
  "가강건결겸경계광국권귀규균근금기길나난남녀늘다단달담대덕도동두득란람랑래량려련렬령례룡류륜률리린림립만매맹명목몽무문미민" +
    "백범별병보복봉분빈빛산삼상새서석선설섭성세소솔송수숙순슬승시신실심아안애양언엽여연열영예오옥온완왕요용우욱운웅원월위" +
    "유윤율은음응의익인일임자장재전점정제조종주준중지직진찬창채천철청초춘충취치칠탁태택판팔평표풍필하학한함항해행향허헌혁" +
    "현형혜호홍화환활황회효후훈휘휴흠흥희",
);
// Nouns made of name syllables that often follow a kinship word: "어머니 건강이", "딸 아이가", "동생 문자가".
const notNamesKo = new Set(
  (
    "가게 가난 가수 가정 가족 가치 강원도 강아지 걱정 건강 결정 경제 계속 고문 고민 고향 과학 국가 국경 근무 기도 기분 기억 기운 " +
    "기회 김치 나이 남매 남자 남쪽 남한 노래 녀석 대신 대학 덕분 도강 도움 도장 동기 동무 동안 동창 둘 명령 모녀 모두 모자 문자 " +
    "문제 미국 미래 미소 방학 병원 보도 보상 보호 부녀 부모 부부 부자 북한 사정 사진 산소 상장 상태 생각 생전 선물 성격 성경 " +
    "성별 성인 성함 세대 세상 셋 소리 소문 소설 소식 소원 소재 손주 송환 수학 숙제 시신 신분 신청 신호 실종 아이 아직 안경 안위 " +
    "안전 얼굴 여자 여행 연락 연세 연애 연행 영상 영원 영향 영화 예전 예정 오늘 오해 용기 용서 우리 우정 운동 원래 원수 원한 " +
    "위치 유명 유산 유언 유일 유치원 유학 유해 은혜 의미 의지 이름 이민 이상 이야기 이유 이제 이해 이후 인권 인사 인상 인연 " +
    "인정 일기 일본 일상 임무 임신 자녀 자랑 자리 자매 자신 자유 장남 장녀 장래 장례 장애 재미 재산 재판 전화 정도 정리 정말 " +
    "정보 정성 정신 정원 정치 제대 제안 조건 조국 주민 주소 주인 주장 주택 준비 중국 지금 지시 지원 직장 진단 진실 진심 진학 " +
    "차례 창문 천국 초대 최근 최선 취미 태도 태몽 편지 평안 평양 평화 표정 표현 필요 하나 학원 한계 한국 한복 함께 항상 " +
    "행동 행복 향수 현실 현재 형제 혜택 호소 혼자 화가 화장 화해 환경 환자 활동 회의 효도 후회 훈련 훈장 휴가"
  ).split(" "),
);
// Particles that end a name in use, longest first: "철수가", "광혁이는", "김영희를", "은별이한테".
const particlesKo = [
  "에게서",
  "한테서",
  "께서는",
  "에게는",
  "한테는",
  "이라고",
  "이에게",
  "이한테",
  "께서",
  "에게",
  "한테",
  "이랑",
  "하고",
  "처럼",
  "까지",
  "이는",
  "이가",
  "이를",
  "이도",
  "이와",
  "이의",
  "라고",
  "은",
  "는",
  "이",
  "가",
  "을",
  "를",
  "의",
  "와",
  "과",
  "도",
  "랑",
  "께",
];
const hasFinalConsonant = (syllable: string) => (syllable.charCodeAt(0) - 0xac00) % 28 !== 0;

/** The length of the name a word after a kinship word begins with ("광혁이는" → "광혁이", 3), or 0 if it is not one. */
function koreanNameLength(word: string, honorificFollows: boolean): number {
  const stems = honorificFollows
    ? [word]
    : particlesKo.filter((p) => word.length > p.length && word.endsWith(p)).map((p) => word.slice(0, -p.length));
  for (const stem of stems) {
    const next = word.slice(stem.length);
    // The friendly suffix after a name ending in a consonant: "순이는", "광혁이가", "은별이". A single syllable needs a
    // particle after the suffix, as "일이" is more often a noun and its particle ("아버지 일이 바빠서").
    const suffixFollows = next.startsWith("이") && stem.length <= 2 && (stem.length > 1 || next.length > 1);
    if (suffixFollows && hasFinalConsonant(stem.at(-1)!) && isKoreanName(stem, true)) return stem.length + 1;
    const suffixed = stem.length >= 2 && stem.endsWith("이") && hasFinalConsonant(stem.at(-2)!);
    if (suffixed && isKoreanName(stem.slice(0, -1), true)) return stem.length;
    if (isKoreanName(stem, false)) return stem.length;
  }
  return 0;
}

function isKoreanName(name: string, hadSuffix: boolean): boolean {
  if (notNamesKo.has(name)) return false;
  const s = [...name];
  const given = (syllables: string[]) => syllables.every((c) => givenNameSyllables.has(c));
  if (s.length === 1) return hadSuffix && given(s);
  if (s.length === 2) return (given(s.slice(0, 1)) || surnamesKo.has(s[0]!)) && given(s.slice(1));
  if (s.length === 3) return surnamesKo.has(s[0]!) && given(s.slice(1));
  return false;
}

// "제 동생 김철수", "동생 철수가", "제 딸 순이는", "우리 언니 박순희 씨"
const kinThenWordKo = new RegExp(`${possessiveKo}${kinKo}(?:인|이신|님)?[,\\s]+(${H}+)(\\s*(?:씨|님))?`, "gu");
// "제 동생 이름은 김은별입니다", "엄마 이름은 최명순이고", "아버지 성함은 리철남입니다"
const namedKo = new RegExp(
  `(?:${possessiveKo}${kinKo}(?:의)?\\s*)?(?:이름|성함)(?:은|는|이)\\s*(${H}{1,4}?)` +
    `(?=\\s*(?:입니다|이고|이며|이에요|예요|이예요|이었|였|이야|인데|이라고|라고|이라는|라는|씨|님)|\\s*[,.!?]|\\s*$)`,
  "gu",
);

// ---- Dates of leaving ----------------------------------------------------------------------------------------------

const months =
  "January|February|March|April|May|June|July|August|September|October|November|December|" +
  "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|spring|summer|autumn|fall|winter";
const escapeVerbsEn =
  "escaped|escape|fled|flee|defected|defection|crossed|crossing|left North Korea|left home|left my home(?:town)?|" +
  "left the country|got out|ran away";
const escapeWordsKo = "탈북(?![민자])|탈출|도강|국경을 넘|강을 건너|두만강|압록강|북한을 떠|고향을 떠|넘어왔|넘어 왔";
const dateKo =
  "(?:(?:19|20)\\d{2}\\s*년(?:\\s*\\d{1,2}\\s*월)?(?:\\s*\\d{1,2}\\s*일)?|" +
  "\\d{1,2}\\s*월(?:\\s*\\d{1,2}\\s*일)?|(?:19|20)\\d{2})";
const dateEn = `(?:(?:(?:${months})\\s+(?:(?:of\\s+)?\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(?:of\\s+)?)?(?:19|20)\\d{2})`;

// A date right beside a verb of leaving: "escaped in March 2015", "In June 2011 my family crossed", "2015년 3월에 탈북".
const escapeNearDate: RegExp[] = [
  new RegExp(`\\b(?:${escapeVerbsEn})\\b[^.!?\\n]{0,40}?\\b(?:\\d{1,2}\\s+)?${dateEn}\\b`, "giu"),
  new RegExp(`\\b${dateEn}\\b[^.!?\\n]{0,40}?\\b(?:${escapeVerbsEn})\\b`, "giu"),
  new RegExp(`${dateKo}[^.!?\\n]{0,24}?(?:${escapeWordsKo})`, "gu"),
  new RegExp(`(?:${escapeWordsKo})[^.!?\\n]{0,16}?(?:19|20)\\d{2}\\s*년(?:\\s*\\d{1,2}\\s*월)?`, "gu"),
];

// Any year in a sentence that speaks of leaving, crossing, China or being sent back, whatever the verb: "저는
// 2015년에 중국으로 건너왔습니다", "I was caught in China and sent back in 2010".
const yearEn = new RegExp(`\\b${dateEn}\\b(?!s\\b|'s)|(?<=\\b(?:in|of)\\s+)['’]\\d{2}\\b`, "giu");
const yearKo = /(?:19|20)\d{2}\s*년(?!대)(?:도)?(?:\s*\d{1,2}\s*월)?(?:\s*\d{1,2}\s*일)?/gu;
const leavingEn = new RegExp(
  `\\b(?:China|Chinese (?:police|border|guards?|soldiers|security|authorities|brokers?)|Tumen|Yalu|river|border|` +
    `${escapeVerbsEn}|cross|repatriated|repatriation|deported|as a refugee|asylum|` +
    "sent (?:me |him |her |us |them )?back|(?:came|arrived|got) (?:to|in) (?:South Korea|Seoul|the South)|" +
    "reached (?:China|South Korea|Seoul|the South)|Thailand|Laos|Mongolia)\\b",
  "iu",
);
const leavingKo = new RegExp(
  `중국(?!어)|두만강|압록강|강을|강가|강\\s*건너|국경|넘어|넘었|넘은|넘던|건너|건넜|건넌|나왔|나오|떠나|떠났|떠난|${escapeWordsKo}|` +
    "북송|송환|붙잡혀|잡혀|입국|한국에\\s*(?:도착|들어)|(?:한국|남한|서울|남쪽|중국)(?:에|으로|로)\\s*(?:왔|온|와)|" +
    "왔습니다|왔어요|왔다|왔고|왔는데|태국|라오스|몽골|하나원",
  "u",
);
// Whose leaving: a sentence about the writer or a relative counts; one only about governments or "many people" does
// not ("In June 2019 the President crossed into North Korea", "2018년에도 중국 정부는 강제송환을 계속했습니다").
const personEn = wordsEn("iu", ["I", "me", "my", "we", "us", "our", "he", "him", "his", "she", "her", kinEn]);
const generalEn = wordsEn("iu", [
  "the President",
  "presidents?",
  "government",
  "authorities",
  "regime",
  "officials",
  "thousands",
  "hundreds",
  "millions",
  "many",
  "most",
  "people",
  "North Koreans",
  "defectors",
  "refugees",
  "activists",
  "organi[sz]ations",
  "the UN",
  "Beijing",
  "Pyongyang",
  "Washington",
]);
const personKo = new RegExp(`저는|저도|제가|저희|저를|제\\s|우리|나는|내가|나도|${kinKo}`, "u");
const generalKo =
  /정부|당국|정권|사람들|주민들|탈북민들|많은|수많은|유엔|대통령|단체|회담|북한은|중국은|북한이|중국이/u;
// Leaving for something else: study, work or travel, with no sign of the North ("I left home for college in 2010"),
// or leaving another country ("My parents fled Vietnam in 1979").
const otherPurposeEn = wordsEn("iu", [
  "for (?:college|university|school|work|business|a conference|vacation|a holiday)",
  "to study",
  "on (?:vacation|holiday|business)",
  "as a (?:tourist|student|journalist)",
]);
const otherPurposeKo = /유학|여행|출장|관광|졸업|입학|취업|결혼|이사|이민|연수|봉사/u;
const otherCountryEn = wordsEn("u", [
  "Vietnam",
  "Cuba",
  "Syria",
  "Germany",
  "Poland",
  "Hungary",
  "Czechoslovakia",
  "Iran",
  "Iraq",
  "Afghanistan",
  "Ukraine",
  "Russia",
  "the Soviet Union",
  "Cambodia",
  "Eritrea",
  "Venezuela",
  "Burma",
  "Myanmar",
  "Tibet",
]);
const northSignsEn = wordsEn("iu", [
  "China",
  "Chinese",
  "Tumen",
  "Yalu",
  "North Korea",
  "the North",
  "repatriat\\w*",
  "sent (?:\\w+ )?back",
  "defected",
]);
const northSignsKo = /중국(?!어)|두만강|압록강|강을|국경|북한|탈북|북송|송환|붙잡혀/u;

function aboutLeaving(sentence: string): boolean {
  const ko = /[가-힣]/.test(sentence);
  if (!(ko ? leavingKo : leavingEn).test(sentence)) return false;
  const person = (ko ? personKo : personEn).test(sentence);
  if (!person && (ko ? generalKo : generalEn).test(sentence)) return false;
  const north = (ko ? northSignsKo : northSignsEn).test(sentence);
  if (!north && (ko ? otherPurposeKo : otherPurposeEn).test(sentence)) return false;
  if (!ko && !north && otherCountryEn.test(sentence)) return false;
  return true;
}

// ---- Phone numbers and messenger IDs -------------------------------------------------------------------------------

// Eight or more digits with the usual separators: "010-1234-5678", "+86 139 1234 5678", "(191) 234-5678".
const phonePattern = /(?<![\d,.])\+?\(?\d[\d ()./-]{6,}\d(?![\d,])/g;
const isPhone = (m: RegExpExecArray) =>
  m[0].replace(/\D/g, "").length >= 8 && !/^(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$/.test(m[0]);

const handle = "(@?[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9]|\\+?\\(?\\d[\\d ()./-]{5,}\\d)";
const contactLabel = "(\\s*(?:ID|I\\.D\\.|id|아이디|account|계정|handle|username|user name|number|번호))?";
const contactJoin = "(?:\\s*(?:is|was|=|:|：|은|는|이|가|으로|로|at|on|-|–))*\\s*";
// "LINE", "Signal" and "라인" are also ordinary words, so they are matched with their capitals or an "ID" after them.
const messengersAnyCase = "we\\s?chat|weixin|kakao\\s?talk|kakao|telegram|whats\\s?app|viber|zalo";
const messengersExact =
  "\\bSignal|\\bLINE|\\bLine(?=\\s+ID)|\\bQQ|微信|위챗|카카오톡|카카오|카톡|텔레그램|왓츠앱|바이버|시그널|라인(?=\\s*(?:아이디|ID))";
const contactPatterns: RegExp[] = [
  new RegExp(`\\b(?:${messengersAnyCase})${contactLabel}${contactJoin}${handle}`, "giu"),
  new RegExp(`(?:${messengersExact})${contactLabel}${contactJoin}${handle}`, "gu"),
  // "ID: sarang_88", "ID is sunflower_77", "아이디는 hope2020"
  new RegExp(`(?:\\bID|아이디)()\\s*(?:[:：]|is|was|는|은|가|이)\\s*${handle}`, "gu"),
];
const emailPattern = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b/g;
// A word after a messenger's name is an ID only if it looks like one or was introduced as one ("WeChat ID is ...").
const notHandles = new Set(["is", "was", "the", "and", "but", "for", "not", "private", "secret", "same", "different"]);
function looksLikeHandle(m: RegExpExecArray): boolean {
  const [label, id] = [m[1], m[2]!];
  if (notHandles.has(id.toLowerCase())) return false;
  return /[\d_@.]/.test(id) || (label !== undefined && id.length >= 3);
}

// ---- Putting it together -------------------------------------------------------------------------------------------

type Accept = (m: RegExpExecArray) => false | { start: number; end: number } | true;

function collect(
  text: string,
  kind: FindingKind,
  pattern: RegExp,
  out: Finding[],
  accept: Accept = () => true,
  offset = 0,
) {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const verdict = accept(m);
    // A refused match must not hide one that starts inside it: "사촌 동생 명희는" is refused at "사촌 동생".
    if (!verdict) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    const span = verdict === true ? { start: m.index, end: m.index + m[0].trimEnd().length } : verdict;
    out.push({ kind, text: text.slice(span.start, span.end), start: span.start + offset, end: span.end + offset });
  }
}

function sentences(text: string): { text: string; start: number }[] {
  return [...text.matchAll(/[^.!?\n。]+(?:[.!?。]+|$)/gu)].map((m) => ({ text: m[0], start: m.index }));
}

/** Every finding, in reading order; where two overlap, the first (and longer) one is kept. */
export function checkLetterSafety(text: string): Finding[] {
  const found: Finding[] = [];
  const nameNotStop = (m: RegExpExecArray) => m[1] === undefined || !notNamesEn.has(firstWord(m[1]));
  for (const p of relativePatternsEn) collect(text, "relative_name", p, found, nameNotStop);
  collect(text, "relative_name", kinThenWordKo, found, (m) => {
    const length = koreanNameLength(m[1]!, m[2] !== undefined);
    return length > 0 && { start: m.index, end: m.index + m[0].indexOf(m[1]!) + length };
  });
  collect(text, "relative_name", namedKo, found, (m) => {
    const name = m[1]!;
    return isKoreanName(name, false) || (name.endsWith("이") && isKoreanName(name.slice(0, -1), true));
  });
  for (const p of campPatterns) collect(text, "camp", p, found);
  for (const s of sentences(text)) {
    if (!aboutLeaving(s.text)) continue;
    for (const p of escapeNearDate) collect(s.text, "escape_date", p, found, undefined, s.start);
    collect(s.text, "escape_date", /[가-힣]/.test(s.text) ? yearKo : yearEn, found, undefined, s.start);
  }
  for (const p of placePatterns) collect(text, "place", p, found);
  for (const p of contactPatterns) collect(text, "contact_id", p, found, looksLikeHandle);
  collect(text, "contact_id", emailPattern, found);
  collect(text, "phone", phonePattern, found, isPhone);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}

/** The text cut into plain and flagged pieces, for highlighting. */
export function splitByFindings(text: string, findings: Finding[]): { text: string; finding?: Finding }[] {
  const parts: { text: string; finding?: Finding }[] = [];
  let at = 0;
  for (const f of findings) {
    if (f.start > at) parts.push({ text: text.slice(at, f.start) });
    parts.push({ text: text.slice(f.start, f.end), finding: f });
    at = f.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
