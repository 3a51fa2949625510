// The database: the Kysely query layer and its transactions (see ARCHITECTURE.md for when Prisma Client is used).
export { closeDb, connectionIsSound, db, pool, prisma, type Database } from "./client";
export { transaction, type Transaction } from "./transaction";
export { writeWithinDeadline } from "./write-within-deadline";
