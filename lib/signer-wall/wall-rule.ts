// Who the public signer wall may show, and how: the one rule, applied in SQL by the wall and the reason queue.
// A signer is on the wall only if they ticked "Show my name publicly", confirmed, and were not struck out; and never
// more than they agreed to show the campaign's target: "full" shows the full name, region and country, "initials"
// shows initials and country, and "counted only" keeps them off the wall altogether.
import { sql, type SqlBool } from "kysely";

/** On the wall: confirmed (never pending, suspected or struck out), shown by choice, named, not counted only. */
export const onTheWall = sql<SqlBool>`s.status = 'confirmed' AND s.show_name AND s.appearance <> 'counted' AND s.name <> ''`;

/** Signers per page of the wall. */
export const wallPageSize = 30;

/** Pages beyond this are not served: the wall is for the newest signers, not a way to walk through them all. */
export const wallMaxPage = 100;
