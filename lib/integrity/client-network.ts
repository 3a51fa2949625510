// Moved to lib/infra (organizer sign-in throttling counts per network too); kept here for integrity's imports.
export { clientNetwork, type ClientNetwork } from "@/lib/infra/client-network";
