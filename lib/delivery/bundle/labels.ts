// The words of a bundle's PDF and CSV headers, in the target's language. Kept here rather than in lib/i18n's
// message files so the bundle is one self-contained module; "{name}" marks a value filled in by `fill`.
import type { Language } from "./types";

const en = {
  kicker: "Open letter, signatures and personal letters",
  to: "To",
  from: "From",
  generated: "Bundle made",
  signatures: "Signatures",
  letters: "Personal letters",
  lettersDetail: "{ownWords} in the writers' own words · {nearCopies} near copies",
  countries: "Countries",
  removals: "Removed since the previous bundle",
  integrity: "Integrity",
  contentDigest: "Content digest (SHA-256)",
  previous: "Previous bundle's manifest (SHA-256)",
  previousNone: "none: this is the campaign's first bundle",
  keyId: "Signing key (Ed25519)",
  verify:
    "This pack is signed. Its manifest lists the SHA-256 of every file and of every signature and letter it holds. " +
    "To check it, give the bundle's manifest.json and manifest.sig, or any one of its files, to this page:",
  openLetter: "The open letter",
  openLetterSigned: "Co-signed by {count} people.",
  countsTitle: "Signatures by country and region",
  total: "Total",
  regionNotGiven: "region not given",
  otherRegions: "{count} other regions",
  signersTitle: "Signers, as each chose to appear",
  signersNote:
    "{shown} of {total} signers are listed below: {full} by name and place, {initials} by initials and country. " +
    "{counted} chose to be counted without a name. Initials are the first letter of each word of a name; a Korean " +
    "name shows its first syllable followed by ○○.",
  lettersTitle: "Personal letters",
  lettersNote:
    "{count} letters, each exactly as written: {ownWords} in the writers' own words, {nearCopies} near copies " +
    "(mostly the campaign's suggested text, or the same text as another letter).",
  letterOf: "Letter {n} of {count}",
  writtenIn: "Written in {language}",
  asWritten: "printed as written",
  ownWordsOne: "In the writer's own words",
  nearCopyOne: "Near copy",
  missingGlyphs:
    "{count} characters of this letter (Hanja, other scripts or symbols) are not in this PDF's font and show as " +
    "boxes; letters.csv and bundle.json hold the exact text.",
  topics: "Topics",
  writer: "From",
  writerCounted: "Name withheld at the writer's request",
  translation: "Translation into {language}",
  removalsTitle: "Removed since the previous bundle",
  removalsNote:
    "Rows that were in the previous bundle and are not in this one. Their ids and reasons are in the manifest.",
  kinds: { signature: "Signatures", letter: "Letters" } as Record<string, string>,
  reasons: {
    withdrawn: "withdrawn by the signer or writer",
    invalidated: "struck out by the organizer (abuse check)",
    rejected: "rejected in review",
    anonymised: "erased at the end of the retention period",
    unexplained: "no reason recorded",
  } as Record<string, string>,
  page: "{n} / {count}",
  digestShort: "content {digest}",
  csv: {
    signers: ["ID", "Name", "City", "Region", "Country", "Country code", "Shown as"],
    letters: [
      "ID",
      "Language",
      "Writer",
      "City",
      "Region",
      "Country",
      "Topics",
      "Own words",
      "Subject",
      "Text",
      "Translation language",
      "Translation subject",
      "Translation text",
    ],
    full: "name and place",
    initials: "initials",
    counted: "name withheld",
    yes: "yes",
    no: "no (near copy)",
  },
};

export type BundleLabels = typeof en;

const ko: BundleLabels = {
  kicker: "공개서한, 서명, 개인 편지",
  to: "받는 분",
  from: "보내는 곳",
  generated: "작성 시각",
  signatures: "서명",
  letters: "개인 편지",
  lettersDetail: "직접 쓴 편지 {ownWords}통 · 거의 같은 편지 {nearCopies}통",
  countries: "국가 수",
  removals: "이전 묶음 이후 제외",
  integrity: "무결성 확인",
  contentDigest: "내용 요약값 (SHA-256)",
  previous: "이전 묶음의 매니페스트 (SHA-256)",
  previousNone: "없음: 이 캠페인의 첫 번째 묶음입니다",
  keyId: "서명 키 (Ed25519)",
  verify:
    "이 묶음에는 전자 서명이 있습니다. 매니페스트에는 모든 파일과 모든 서명·편지의 SHA-256 값이 들어 있습니다. " +
    "manifest.json과 manifest.sig, 또는 묶음의 파일 하나를 아래 페이지에 올려 확인할 수 있습니다.",
  openLetter: "공개서한",
  openLetterSigned: "{count}명이 함께 서명했습니다.",
  countsTitle: "국가·지역별 서명 수",
  total: "합계",
  regionNotGiven: "지역 미기재",
  otherRegions: "기타 지역 {count}곳",
  signersTitle: "서명자 (각자 선택한 방식으로 표시)",
  signersNote:
    "서명자 {total}명 가운데 {shown}명을 아래에 적었습니다. {full}명은 이름과 지역으로, {initials}명은 이니셜과 " +
    "국가로 표시했습니다. {counted}명은 이름 없이 수에만 포함되기를 원했습니다. 이니셜은 이름 각 단어의 첫 글자이며, " +
    "한국어 이름은 첫 음절 뒤에 ○○을 붙여 표시합니다.",
  lettersTitle: "개인 편지",
  lettersNote:
    "편지 {count}통을 쓴 그대로 싣습니다. {ownWords}통은 직접 쓴 편지이고, {nearCopies}통은 캠페인이 제안한 문구를 " +
    "거의 그대로 쓰거나 다른 편지와 내용이 같은 편지입니다.",
  letterOf: "편지 {n} / {count}",
  writtenIn: "{language}로 작성",
  asWritten: "쓴 그대로 실음",
  ownWordsOne: "직접 쓴 편지",
  nearCopyOne: "거의 같은 편지",
  missingGlyphs:
    "이 편지의 글자 {count}자(한자, 다른 문자, 기호 등)는 이 PDF의 글꼴에 없어 네모로 표시됩니다. 정확한 본문은 " +
    "letters.csv와 bundle.json에 있습니다.",
  topics: "주제",
  writer: "보낸 사람",
  writerCounted: "작성자의 요청으로 이름을 밝히지 않음",
  translation: "{language} 번역",
  removalsTitle: "이전 묶음 이후 제외된 항목",
  removalsNote: "이전 묶음에는 있었으나 이번 묶음에는 없는 항목입니다. 각 항목의 ID와 사유는 매니페스트에 있습니다.",
  kinds: { signature: "서명", letter: "편지" },
  reasons: {
    withdrawn: "본인이 철회",
    invalidated: "주최 측이 무효 처리 (부정 사용 점검)",
    rejected: "검토에서 거절",
    anonymised: "보존 기간이 끝나 삭제",
    unexplained: "사유 기록 없음",
  },
  page: "{n} / {count}",
  digestShort: "내용 {digest}",
  csv: {
    signers: ["ID", "이름", "도시", "지역", "국가", "국가 코드", "표시 방식"],
    letters: [
      "ID",
      "언어",
      "보낸 사람",
      "도시",
      "지역",
      "국가",
      "주제",
      "직접 쓴 편지",
      "제목",
      "본문",
      "번역 언어",
      "번역 제목",
      "번역 본문",
    ],
    full: "이름과 지역",
    initials: "이니셜",
    counted: "이름 비공개",
    yes: "예",
    no: "아니요 (거의 같은 편지)",
  },
};

export const bundleLabels: Record<Language, BundleLabels> = { en, ko };

/** `template` with each "{key}" replaced by its value. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
