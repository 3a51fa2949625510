// A tiny runner for the export benchmark alone: `BENCH_DATABASE_URL=… npx tsx tests/bench/export-run.ts`.
// The database must exist with the migrations applied (npm run db:migrate with DATABASE_URL pointing at it).
import { exportBench } from "./export";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/open_letters_bench_export";
const result = await exportBench(url);
console.log(JSON.stringify(result));
