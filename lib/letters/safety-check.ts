// Points at details in a letter that could identify someone still in North Korea: relatives' names, places, camps,
// dates of leaving, phone numbers. The writer decides; it misses many, so silence is not safety.
// Positions are string indices, so the composer can highlight each finding.

import {
  addressSuffixKo, campPlacesEn, campPlacesKo, campWordsEn, campWordsKo, kangwonNorthOnlyKo, northQualifierKo,
  placesEn, placesKo, pyongyangEn, pyongyangKo, qualifiedPlacesEn, residenceKo, romanised, southernTwinsKo,
  wordLikePlacesKo,
} from "./north-korean-places";

export type FindingKind = "relative_name" | "place" | "camp" | "escape_date" | "phone";
export type Finding = { kind: FindingKind; text: string; start: number; end: number };

const H = "[가-힣]";
const notHangulBefore = `(?<!${H})`;
const anyOf = (names: string[]) => names.join("|");
const anyOfRomanised = (names: string[]) => names.map(romanised).join("|");

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
  "(?:older |younger |little |big |elder |eldest |late |baby )?(?:brother|sister|mother|father|mom|mum|mommy|dad|daddy|son|daughter|uncle|aunt|auntie|cousin|grandmother|grandfather|grandma|grandpa|grandson|granddaughter|wife|husband|niece|nephew|parents|brother-in-law|sister-in-law|family member|relative)";
const kinKo =
  "(?:남동생|여동생|동생|큰형|작은형|형님|형|오빠|누나|언니|어머니|어머님|엄마|아버지|아버님|아빠|아들|딸|큰아버지|작은아버지|삼촌|외삼촌|이모|고모|할머니|할아버지|외할머니|외할아버지|남편|아내|부인|조카|사촌|손자|손녀|장모|장인|시어머니|시아버지|처제|처남|매형|형수|올케|친척)";
const surnamesKo = "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉";
// Common words after a kinship word that start like a surname: "어머니 이야기", "동생 소식".
const notNamesKo = new Set([
  "이야기", "이름", "이제", "이미", "이런", "이렇게", "이번", "소식", "고향", "고생", "한국", "한번", "정말", "전화", "조금", "지금",
  "주소", "강제", "방금", "나라", "나이", "마음", "모두", "모습", "남한", "남쪽", "하루", "신분", "오래", "오늘", "우리", "유일",
  "문제", "도움", "서로", "기억", "금방", "여기", "연락", "예전", "위해", "표정", "명절", "진짜", "추억", "하나", "함께", "구출",
  "노동", "용기", "인생", "원래", "편지", "차별", "성공", "생각", "사진", "안부", "걱정", "가족", "건강", "소원", "부탁", "선물",
  "석방", "송환", "강원도", "남편", "아내", "장사", "배고픔", "고문", "감옥", "수용소", "모두가", "지금도", "이제는", "정말로",
  "한국에", "한국으로", "고향에", "고향을", "소식을", "소식이", "연락이", "연락을", "생사를", "생사", "도와", "도움을",
]);

const relativePatterns: RegExp[] = [
  // "my brother Kim Chol-su", "our mother, Ri Yong-hui", "my sister named Jang Mi".
  new RegExp(`\\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\\s+${kinEn}\\s*,?\\s+(?:(?:named|called|is)\\s+)?[A-Z][a-zŏŭ']+(?: [A-Z][a-zŏŭ']+|-[A-Za-zŏŭ][a-zŏŭ']*){0,3}`, "gu"),
  // "Kim Chol-su, my brother"
  new RegExp(`\\b[A-Z][a-zŏŭ']+ [A-Z][a-zŏŭ']+(?:-[a-zŏŭ']+)?,\\s+(?:[Mm]y|[Oo]ur)\\s+${kinEn}\\b`, "gu"),
];
const relativeKo = new RegExp(
  `(?:(?:제|저의|나의|내|우리|저희)\\s*)?${kinKo}(?:인|이신|님)?[,\\s]+([${surnamesKo}]${H}{1,2})(?=씨|님|이가|이는|이를|이와|이의|에게|께서|[은는이가을를의와과도께]|[^가-힣]|$)`,
  "gu",
);

// ---- Dates of leaving ----------------------------------------------------------------------------------------------

const months = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|spring|summer|autumn|fall|winter";
const escapeVerbsEn = "escaped|escape|fled|flee|defected|defection|crossed|crossing|left North Korea|left home|left my home(?:town)?|left the country|got out|ran away";
const escapeWordsKo = "탈북(?![민자])|탈출|도강|국경을 넘|강을 건너|두만강|압록강|북한을 떠|고향을 떠|넘어왔|넘어 왔";
const dateKo = `(?:(?:19|20)\\d{2}\\s*년(?:\\s*\\d{1,2}\\s*월)?(?:\\s*\\d{1,2}\\s*일)?|\\d{1,2}\\s*월(?:\\s*\\d{1,2}\\s*일)?|(?:19|20)\\d{2})`;
const dateEn = `(?:(?:(?:${months})\\s+(?:(?:of\\s+)?\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(?:of\\s+)?)?(?:19|20)\\d{2})`;

const escapePatterns: RegExp[] = [
  // "escaped in March 2015", "fled North Korea in the spring of 2009", "crossed the river on 3 May 2011"
  new RegExp(`\\b(?:${escapeVerbsEn})\\b[^.!?\\n]{0,40}?\\b(?:\\d{1,2}\\s+)?${dateEn}\\b`, "giu"),
  // "In March 2015, I escaped", "in 2015 my family fled"
  new RegExp(`\\b${dateEn}\\b[^.!?\\n]{0,40}?\\b(?:${escapeVerbsEn})\\b`, "giu"),
  // "2015년 3월에 탈북", "2015년 봄 두만강을 건너"
  new RegExp(`${dateKo}[^.!?\\n]{0,24}?(?:${escapeWordsKo})`, "gu"),
  // "탈북한 것은 2015년 3월"
  new RegExp(`(?:${escapeWordsKo})[^.!?\\n]{0,16}?(?:19|20)\\d{2}\\s*년(?:\\s*\\d{1,2}\\s*월)?`, "gu"),
];

// ---- Phone numbers ------------------------------------------------------------------------------------------------

// Eight or more digits with the usual separators: "010-1234-5678", "+86 139 1234 5678", "(191) 234-5678".
const phonePattern = /(?<![\d,.])\+?\(?\d[\d ()./-]{6,}\d(?![\d,])/g;
const isPhone = (m: RegExpExecArray) =>
  m[0].replace(/\D/g, "").length >= 8 && !/^(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$/.test(m[0]);

// ---- Putting it together -------------------------------------------------------------------------------------------

type Accept = (m: RegExpExecArray) => false | { start: number; end: number } | true;

function collect(
  text: string, kind: FindingKind, pattern: RegExp, out: Finding[], accept: Accept = () => true, offset = 0,
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

/** Every finding, in reading order; where two overlap, the first (and longer) one is kept. */
export function checkLetterSafety(text: string): Finding[] {
  const found: Finding[] = [];
  for (const p of relativePatterns) collect(text, "relative_name", p, found);
  collect(text, "relative_name", relativeKo, found, (m) => !notNamesKo.has(m[1]!) && ![...notNamesKo].some((w) => m[1]!.startsWith(w)));
  for (const p of campPatterns) collect(text, "camp", p, found);
  for (const p of escapePatterns) collect(text, "escape_date", p, found);
  for (const p of placePatterns) collect(text, "place", p, found);
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
