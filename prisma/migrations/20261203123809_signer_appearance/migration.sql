-- "How I appear to the target": each signer and letter writer chooses full name and place, initials and country, or
-- counted only; a campaign's risk setting picks the pre-selected choice. Existing rows never chose: those who ticked
-- "Show my name publicly" (show_name) already agreed to be named, so they get `full`; everyone else gets `initials`
-- (name reduced to initials, country kept), the safest choice that still delivers a recognisable signature. The
-- column default stays `initials` for any writer that omits it. The flagship campaign is at risk.
CREATE TYPE "appearance" AS ENUM ('full', 'initials', 'counted');

CREATE TYPE "campaign_risk" AS ENUM ('standard', 'at_risk');

ALTER TABLE "campaign" ADD COLUMN     "risk" "campaign_risk" NOT NULL DEFAULT 'standard';

ALTER TABLE "letter" ADD COLUMN     "appearance" "appearance" NOT NULL DEFAULT 'initials';

ALTER TABLE "signature" ADD COLUMN     "appearance" "appearance" NOT NULL DEFAULT 'initials';

UPDATE "signature" SET "appearance" = 'full' WHERE "show_name";

UPDATE "letter" SET "appearance" = 'full' WHERE "show_name";

UPDATE "campaign" SET "risk" = 'at_risk' WHERE "slug" = 'human-rights-on-the-agenda';
