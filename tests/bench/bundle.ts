// Delivery bundle at scale (100,000 signers, 500 letters, both PDFs): time, file sizes, peak RSS, and the standalone
// verifier's verdict (BUNDLE_BENCH_VERIFY=0 skips it). Run: npx tsx tests/bench/bundle.ts [signers] [letters]
import { readFile, rm } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { buildBundle } from "@/lib/delivery/bundle/build-bundle";
import { createSigningKey } from "@/lib/delivery/bundle/create-signing-key";
import { deriveSourceKey } from "@/lib/delivery/bundle/derive-source-key";
import { fixtureInput, fixtureRegionName } from "@/tests/support/bundle-fixture";
import { readBundleDirectory, verifyBundleFiles } from "@/tests/support/verify-bundle/verify-bundle.mjs";

const signers = Number(process.argv[2] ?? 100_000);
const letters = Number(process.argv[3] ?? 500);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

let peakSampled = 0;
const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, process.memoryUsage().rss)), 25);

const key = createSigningKey();
const input = fixtureInput({ signers, letters, language: "en" });
const started = performance.now();
const bundle = await buildBundle(input, key.privateKeyPem, {
  sourceKey: deriveSourceKey("bench-secret-bench-secret-bench-secret"),
  regionName: fixtureRegionName,
});
const built = performance.now() - started;
clearInterval(sampler);
const peakBuild = Math.max(peakSampled, process.resourceUsage().maxRSS * 1024);

console.log(`bundle: ${signers.toLocaleString("en")} signers, ${letters} letters, target language en`);
console.log(
  `  built in ${(built / 1000).toFixed(1)} s; peak RSS ${mb(peakBuild)} (process, fixture generator included)`,
);
for (const file of bundle.manifest.files) console.log(`  ${file.name.padEnd(22)} ${mb(file.bytes).padStart(10)}`);
console.log(`  ${"manifest.json".padEnd(22)} ${mb(bundle.manifestBytes.length).padStart(10)}`);
const total = bundle.manifest.files.reduce((s, f) => s + f.bytes, 0) + bundle.manifestBytes.length;
console.log(`  ${"total".padEnd(22)} ${mb(total).padStart(10)}`);
const pages = async (name: string) =>
  ((await readFile(bundle.files.get(name)!)).toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
console.log(
  `  pages: bundle.pdf ${await pages("bundle.pdf")}, bundle-us-letter.pdf ${await pages("bundle-us-letter.pdf")}`,
);

if (process.env.BUNDLE_BENCH_VERIFY !== "0") {
  const checkStarted = performance.now();
  const result = await verifyBundleFiles(await readBundleDirectory(bundle.dir), { trustedKeyIds: [key.keyId] });
  const checked = performance.now() - checkStarted;
  console.log(
    `  standalone verifier: ${result.ok ? "ok" : result.problems.join("; ")} in ${(checked / 1000).toFixed(1)} s`,
  );
  console.log(
    `  peak RSS with the verifier (it reads every file into memory): ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}
await rm(bundle.dir, { recursive: true, force: true });
