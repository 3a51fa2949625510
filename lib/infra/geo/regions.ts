// Subdivisions for the countries where a target cares about them: US states (a member of Congress is
// found by state and ZIP) and South Korean provinces. Elsewhere the region is free text.

type Region = { code: string; en: string; ko: string };

const usStates: Region[] = [
  ["AL", "Alabama", "앨라배마"],
  ["AK", "Alaska", "알래스카"],
  ["AZ", "Arizona", "애리조나"],
  ["AR", "Arkansas", "아칸소"],
  ["CA", "California", "캘리포니아"],
  ["CO", "Colorado", "콜로라도"],
  ["CT", "Connecticut", "코네티컷"],
  ["DE", "Delaware", "델라웨어"],
  ["DC", "District of Columbia", "워싱턴 D.C."],
  ["FL", "Florida", "플로리다"],
  ["GA", "Georgia", "조지아"],
  ["HI", "Hawaii", "하와이"],
  ["ID", "Idaho", "아이다호"],
  ["IL", "Illinois", "일리노이"],
  ["IN", "Indiana", "인디애나"],
  ["IA", "Iowa", "아이오와"],
  ["KS", "Kansas", "캔자스"],
  ["KY", "Kentucky", "켄터키"],
  ["LA", "Louisiana", "루이지애나"],
  ["ME", "Maine", "메인"],
  ["MD", "Maryland", "메릴랜드"],
  ["MA", "Massachusetts", "매사추세츠"],
  ["MI", "Michigan", "미시간"],
  ["MN", "Minnesota", "미네소타"],
  ["MS", "Mississippi", "미시시피"],
  ["MO", "Missouri", "미주리"],
  ["MT", "Montana", "몬태나"],
  ["NE", "Nebraska", "네브래스카"],
  ["NV", "Nevada", "네바다"],
  ["NH", "New Hampshire", "뉴햄프셔"],
  ["NJ", "New Jersey", "뉴저지"],
  ["NM", "New Mexico", "뉴멕시코"],
  ["NY", "New York", "뉴욕"],
  ["NC", "North Carolina", "노스캐롤라이나"],
  ["ND", "North Dakota", "노스다코타"],
  ["OH", "Ohio", "오하이오"],
  ["OK", "Oklahoma", "오클라호마"],
  ["OR", "Oregon", "오리건"],
  ["PA", "Pennsylvania", "펜실베이니아"],
  ["RI", "Rhode Island", "로드아일랜드"],
  ["SC", "South Carolina", "사우스캐롤라이나"],
  ["SD", "South Dakota", "사우스다코타"],
  ["TN", "Tennessee", "테네시"],
  ["TX", "Texas", "텍사스"],
  ["UT", "Utah", "유타"],
  ["VT", "Vermont", "버몬트"],
  ["VA", "Virginia", "버지니아"],
  ["WA", "Washington", "워싱턴"],
  ["WV", "West Virginia", "웨스트버지니아"],
  ["WI", "Wisconsin", "위스콘신"],
  ["WY", "Wyoming", "와이오밍"],
  ["AS", "American Samoa", "아메리칸사모아"],
  ["GU", "Guam", "괌"],
  ["MP", "Northern Mariana Islands", "북마리아나 제도"],
  ["PR", "Puerto Rico", "푸에르토리코"],
  ["VI", "U.S. Virgin Islands", "미국령 버진아일랜드"],
].map(([code, en, ko]) => ({ code: code!, en: en!, ko: ko! }));

const krProvinces: Region[] = [
  ["11", "Seoul", "서울특별시"],
  ["26", "Busan", "부산광역시"],
  ["27", "Daegu", "대구광역시"],
  ["28", "Incheon", "인천광역시"],
  ["29", "Gwangju", "광주광역시"],
  ["30", "Daejeon", "대전광역시"],
  ["31", "Ulsan", "울산광역시"],
  ["50", "Sejong", "세종특별자치시"],
  ["41", "Gyeonggi", "경기도"],
  ["51", "Gangwon", "강원특별자치도"],
  ["43", "North Chungcheong", "충청북도"],
  ["44", "South Chungcheong", "충청남도"],
  ["52", "North Jeolla", "전북특별자치도"],
  ["46", "South Jeolla", "전라남도"],
  ["47", "North Gyeongsang", "경상북도"],
  ["48", "South Gyeongsang", "경상남도"],
  ["49", "Jeju", "제주특별자치도"],
].map(([code, en, ko]) => ({ code: code!, en: en!, ko: ko! }));

const byCountry: Record<string, Region[]> = { US: usStates, KR: krProvinces };

/** Which countries have a fixed list; a region is required where the target needs it. */
export const regionRules: Record<string, { required: boolean; postalCode: RegExp; postalRequired: boolean }> = {
  US: { required: true, postalCode: /^\d{5}(-\d{4})?$/, postalRequired: false },
  KR: { required: false, postalCode: /^\d{5}$/, postalRequired: false },
};

export function hasRegionList(country: string): boolean {
  return country in byCountry;
}

export function isRegionOf(country: string, code: string): boolean {
  return byCountry[country]?.some((r) => r.code === code) ?? false;
}

export function regionOptions(country: string, locale: string): { code: string; name: string }[] {
  const list = byCountry[country] ?? [];
  return list.map((r) => ({ code: r.code, name: locale === "ko" ? r.ko : r.en }));
}

export function regionName(country: string, code: string | null | undefined, locale: string): string | null {
  if (!code) return null;
  const region = byCountry[country]?.find((r) => r.code === code);
  return region ? (locale === "ko" ? region.ko : region.en) : code;
}
