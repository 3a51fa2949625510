// North Korean places and camps as regular-expression sources, for the letter safety check. A home town or a
// county is enough to find a family, so the list is long; names that are also words get a guard or a condition.

// Names that mean nothing else in a letter: flagged on their own. A guard follows the few that begin a common word
// or a South Korean place ("청진동" in Seoul, "원산지", "함흥차사", "나선형").
export const placesKo = [
  // Provinces and the capital's special cities. 평양 has its own rule (see pyongyangKo).
  "함경북도",
  "함경남도",
  "함경도",
  "함북",
  "함남",
  "양강도",
  "자강도",
  "평안북도",
  "평안남도",
  "평안도",
  "평북",
  "평남",
  "황해북도",
  "황해남도",
  "황해도",
  "라선",
  "나선(?![형계])",
  "라진",
  "나진",
  "선봉(?=군|구역|지구)",
  "남포(?!동)",
  // North Hamgyong
  "청진(?![기동])",
  "김책",
  "회령",
  "무산(?![되됐될돼시])",
  "온성",
  "길주",
  "명천",
  "명간",
  "부령",
  "어랑",
  "아오지",
  // South Hamgyong
  "함흥(?!차사)",
  "단천",
  "신포(?!동)",
  "북청(?!\\s*물장수)",
  "요덕",
  "허천",
  "함주",
  "금야",
  // Ryanggang
  "혜산",
  "갑산",
  "풍서",
  "대홍단",
  "보천",
  "운흥",
  "김정숙군",
  "김형직군",
  "삼지연(?!\\s*(?:관현악단|악단))",
  // Chagang
  "강계",
  "만포",
  "희천",
  "랑림",
  "낭림",
  "용림",
  "전천",
  "성간",
  // North Pyongan
  "신의주",
  "의주(?!로)",
  "용천",
  "곽산",
  "벽동",
  "삭주",
  "영변(?!\\s*(?:핵|원자로))",
  "태천",
  "피현",
  "향산",
  "철산군",
  // South Pyongan
  "평성",
  "덕천(?!동)",
  "북창",
  "숙천",
  "회창",
  "맹산",
  // North and South Hwanghae
  "사리원",
  "곡산",
  "린산",
  "황주",
  "해주(?:시(?=에|의|로|\\s|[,.]|$)|(?=에서|에\\s|에[,.]|의\\s|로\\s|\\s*출신|\\s*사람))",
  "재령",
  "안악",
  "은률",
  "청단",
  "벽성",
  "태탄",
  // Kangwon (the northern one)
  "원산(?!지)",
  "문천",
  "통천",
  "안변",
  "법동",
  "회양",
];

// Also common words ("개성 있는", "개천에서 용 난다", "삼수생", "선봉에 서다", "연사", "은덕"): flagged only as an
// address ("개성시", "삼수군") or where the sentence says someone lives, grew up or comes from there.
export const wordLikePlacesKo = [
  "개성",
  "개천",
  "안주",
  "정주",
  "구장",
  "구성",
  "삼수",
  "연사",
  "은덕",
  "새별",
  "화대",
  "경원",
  "경성",
  "경흥",
  "화성",
  "백암",
  "동창",
  "동림",
  "선천",
  "염주",
  "운산",
  "창성",
  "천마",
  "성천",
  "신양",
  "양덕",
  "은산",
  "증산",
  "평원",
  "대흥",
  "문덕",
  "송림",
  "봉산",
  "서흥",
  "수안",
  "신계",
  "연탄",
  "은파",
  "장풍",
  "토산",
  "신평",
  "평산",
  "장연",
  "송화",
  "삼천",
  "배천",
  "강령",
  "용연",
  "신원",
  "천내",
  "세포",
  "평강",
  "김화",
  "창도",
  "고원",
  "낙원",
  "덕성",
  "영광",
  "이원",
  "신흥",
  "정평",
  "홍원",
  "장진(?!호)",
  "부전",
  "초산",
  "자성",
  "위원",
  "우시",
  "중강",
  "장강",
  "화평",
  "고풍",
  "송원",
  "시중",
  "동신",
];
export const addressSuffixKo = "(?:시|군|구역|노동자구|지구|읍)";
export const residenceKo =
  "(?=\\s*(?:에서\\s*(?:태어|자라|자랐|컸|살|왔|나고|일하|일했|장사)|에\\s*(?:살|사십|사셨|사신|계십|계셨|계신|있습|남아)|출신|\\s사람))";

// Also South Korean places (순천, 고성, 철원, 이천, 금천, 신천, 판교, 옹진 ...): flagged only when the text says they are
// in the North ("북한 고성군"); after a province the address rule already covers them ("평안남도 순천시").
export const southernTwinsKo = [
  "순천",
  "고성",
  "철원",
  "이천",
  "금천",
  "신천",
  "봉천",
  "판교",
  "옹진",
  "연산",
  "연안",
  "과일",
  "금강",
  "대관",
];
export const northQualifierKo = "(?:북한|북측|이북|북쪽)(?:의)?\\s*";

// 강원도 is a province on both sides of the border: only with a qualifier or a place that is only in the North.
export const kangwonNorthOnlyKo = [
  "원산",
  "문천",
  "통천",
  "안변",
  "법동",
  "회양",
  "세포",
  "판교",
  "평강",
  "김화",
  "창도",
  "천내",
];

// The capital, except where it stands for the state ("평양 정권", "평양의 지도부", "평양냉면", "평양 정상회담").
export const pyongyangKo =
  "평양(?!에서[^.!?\\n]{0,12}?(?:열린|열렸|열리|개최)|" +
  "\\s*(?:정권|당국|정부|지도부|지도자|수뇌부|측|체제|회담|정상회담|남북|공동선언|선언|냉면|방문|" +
  "의\\s*(?:정권|당국|정부|지도부|지도자|입장|태도|의도|속셈|체제|약속|위협|도발|핵)))";

// Romanised names, McCune-Reischauer as written; romanised() also accepts plain vowels and the Revised spelling's
// vowels and initials ("Hoeryŏng", "Hoeryong", "Hoeryeong"; "Kaesŏng", "Gaeseong"). Case-sensitive: these are names.
export function romanised(name: string): string {
  return name
    .replace(/^Ŭ/, "(?:Ŭ|U|Eu)")
    .replace(/^Ŏ/, "(?:Ŏ|O|Eo)")
    .replace(/^K(?!')/, "[KG]")
    .replace(/^P(?!')/, "[PB]")
    .replace(/^T(?!')/, "[TD]")
    .replace(/^Ch(?!')/, "(?:Ch|J)")
    .replace(/'/g, "'?")
    .replace(/ŏ/g, "(?:ŏ|o|eo)")
    .replace(/ŭ/g, "(?:ŭ|u|eu)");
}

export const placesEn = [
  "North Hamgyŏng",
  "South Hamgyŏng",
  "Hamgyŏng",
  "R?yanggang",
  "Ch'agang",
  "Jagang",
  "North P'yŏngan",
  "South P'yŏngan",
  "North Hwanghae",
  "South Hwanghae",
  "Rasŏn",
  "Rajin",
  "Sŏnbong",
  "Namp'o",
  "Kaesŏng(?! [Ii]ndustrial)",
  "Ch'ŏngjin",
  "Kimch'aek",
  "Hoeryŏng",
  "Musan",
  "Onsŏng",
  "Kilju",
  "Myŏngch'ŏn",
  "Myŏnggan",
  "Puryŏng",
  "Orang",
  "Aoji",
  "Kyŏngsŏng",
  "Kyŏngwŏn",
  "Kyŏnghŭng",
  "Saebyŏl",
  "Ŭndŏk",
  "Susŏng",
  "Hamhŭng",
  "Tanch'ŏn",
  "Sinp'o",
  "Pukch'ŏng",
  "Yodŏk",
  "Hongwŏn",
  "Hŏch'ŏn",
  "Hamju",
  "Kŭmya",
  "Kowŏn",
  "Changjin(?! [Rr]eservoir)",
  "Chŏngp'yŏng",
  "Riwŏn",
  "Tŏksŏng",
  "Pujŏn",
  "Hyesan",
  "Kapsan",
  "Samsu",
  "P'ungsŏ",
  "Taehongdan",
  "Poch'ŏnbo",
  "Paegam",
  "Unhŭng",
  "Samjiyŏn(?! [Oo]rchestra)",
  "Kanggye",
  "Manp'o",
  "Hŭich'ŏn",
  "Chasŏng",
  "Chunggang",
  "Wiwŏn",
  "Rangnim",
  "Chŏnch'ŏn",
  "Sŏnggan",
  "Sh?inŭiju",
  "Ŭiju",
  "R?yongch'ŏn",
  "Kusŏng",
  "Kwaksan",
  "Pyŏktong",
  "Sakchu",
  "Sakju",
  "N?yŏngbyŏn(?! [Nn]uclear)",
  "T'aech'ŏn",
  "P'ihyŏn",
  "Ch'ŏlsan",
  "Sŏnch'ŏn",
  "Unsan",
  "Ch'angsŏng",
  "Hyangsan",
  "Kujang",
  "P'yŏngsŏng",
  "Kaech'ŏn",
  "Tŏkch'ŏn",
  "Anju",
  "Pukch'ang",
  "Sukch'ŏn",
  "Sŏngch'ŏn",
  "Yangdŏk",
  "Maengsan",
  "Chŭngsan",
  "Hoech'ang",
  "Sariwŏn",
  "Songrim",
  "Songnim",
  "Koksan",
  "Sŏhŭng",
  "Pongsan",
  "Hwangju",
  "Sin'gye",
  "Haeju",
  "Chaeryŏng",
  "Anak",
  "Ŭnryul",
  "Ŭnnyul",
  "Paech'ŏn",
  "Ch'ŏngdan",
  "Pyŏksŏng",
  "T'aet'an",
  "Wŏnsan",
  "Munch'ŏn",
  "Anbyŏn",
  "T'ongch'ŏn",
  "Pŏptong",
  "Hoeyang",
];

// Also South Korean places, or a missile's name: only with a qualifier ("Kosong County, North Korea").
export const qualifiedPlacesEn = [
  "Sunch'ŏn",
  "Kosŏng",
  "Ch'ŏrwŏn",
  "Ich'ŏn",
  "Sinch'ŏn",
  "Ongjin",
  "Hwasŏng",
  "Chŏngju",
  "Poch'ŏn",
];

// The capital, except where it stands for the state: "the Pyongyang regime", "Pyongyang's leaders", "talks with
// Pyongyang", "Pyongyang has refused".
export const pyongyangEn =
  "(?<!\\b(?:regime|government|leadership|rulers|dictatorship|leaders|authorities|officials|talks|dialogue|" +
  "negotiations|engage|engaging|pressure|pressing|press|urge|trust|let|with|on|against)\\s+(?:in\\s+)?)" +
  "\\bP'?y(?:ŏ|o|eo)ngyang\\b(?!'s\\s+(?:leaders?|leadership|regime|government|rulers?|nuclear|missiles?|weapons|" +
  "promises?|record|polic(?:y|ies)|propaganda|officials|authorities|claims?|intentions|sincerity|behaviou?r|" +
  "response|position|threats?)|\\s+(?:regime|government|leadership|leaders?|rulers?|authorities|officials|elite|" +
  "propaganda|summit|[Dd]eclaration|talks|has|have|had|will|would|must|should|can|could|may|might|does|did|" +
  "refuses|refused|says|said|claims|claimed|wants|denies|denied|insists|continues|agreed|responded))";

// Places where camps and prisons are known by their place: "전거리 교화소", "the Chongori reeducation camp".
export const campPlacesKo = ["전거리", "증산", "개천", "화성", "강동", "오로", "수성", "천마", "득장", "북창", "요덕"];
export const campPlacesEn = [
  "Chŏngŏri",
  "Chŏngŏ-ri",
  "Chŭngsan",
  "Hwasŏng",
  "Kaech'ŏn",
  "Yodŏk",
  "Pukch'ang",
  "Susŏng",
];
export const campWordsKo =
  "(?:정치범\\s*)?(?:관리소|수용소|교화소|집결소|노동단련대|단련대|구류장|보위부|안전부|보안서|교양소)";
export const campWordsEn =
  "(?:(?:political\\s+)?prison(?:\\s+camp)?|" +
  "(?:labou?r|re-?education|concentration|detention|political\\s+prison)\\s+camp|camp|kwall?iso|kyohwaso|" +
  "jipkyulso|holding\\s+cent(?:er|re)|detention\\s+cent(?:er|re)|jail)";
