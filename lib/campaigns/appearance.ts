// "How I appear to the target": the three choices a signer or letter writer has, and the one a campaign's risk
// setting pre-selects. No imports, so the sign form and the composer share it with the server's schemas.

/** Full name, city/region and country · initials and country · counted only, no name. Most to least shown. */
export const appearances = ["full", "initials", "counted"] as const;
export type Appearance = (typeof appearances)[number];

/** `at_risk`: signers may have family where being named endangers them. */
export const campaignRisks = ["standard", "at_risk"] as const;
export type CampaignRisk = (typeof campaignRisks)[number];

export function isAppearance(value: unknown): value is Appearance {
  return typeof value === "string" && (appearances as readonly string[]).includes(value);
}

/** The pre-selected choice: at risk → initials and country; otherwise full name and place. */
export function defaultAppearance(risk: CampaignRisk): Appearance {
  return risk === "at_risk" ? "initials" : "full";
}
