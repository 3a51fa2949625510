// Lighthouse (mobile defaults: simulated slow 4G and a 4× slower CPU) in Debian's Chromium, and its baseline: a bare
// Next.js App Router page (one server component, no client code of its own), built from this project's Next.js and
// served by `next start` in the same run. The baseline is what the framework alone scores on this machine.
import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startProcess, waitFor } from "./support";

export type LighthouseFigures = { performance: number; accessibility: number; tbtMs: number; lcpMs: number };

/**
 * One Lighthouse run on a page the server has already served (a cold route's first compile is not the page's cost).
 * A run Lighthouse itself reports as failed (now and then it loses the trace: NO_NAVSTART) is run once more.
 */
export async function lighthouse(url: string): Promise<LighthouseFigures | { error: string }> {
  const first = await lighthouseOnce(url);
  return "error" in first ? lighthouseOnce(url) : first;
}

async function lighthouseOnce(url: string): Promise<LighthouseFigures | { error: string }> {
  for (let served = 0, tries = 0; served < 3 && tries < 6; tries++) {
    // A kept-alive socket the server closed during the previous run fails once; the next request opens a new one.
    served += await fetch(url).then(
      async (res) => (await res.arrayBuffer(), 1),
      () => 0,
    );
  }
  const out = spawnSync(
    "npx",
    [
      "--yes",
      "lighthouse@12",
      url,
      "--quiet",
      "--output=json",
      "--only-categories=performance,accessibility",
      `--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync`,
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  try {
    const report = JSON.parse(out.stdout) as {
      categories: Record<string, { score: number }>;
      audits: Record<string, { numericValue?: number }>;
    };
    return {
      performance: report.categories.performance!.score,
      accessibility: report.categories.accessibility!.score,
      tbtMs: Math.round(report.audits["total-blocking-time"]?.numericValue ?? NaN),
      lcpMs: Math.round(report.audits["largest-contentful-paint"]?.numericValue ?? NaN),
    };
  } catch {
    return { error: out.stderr?.split("\n")[0] || "no output" };
  }
}

/**
 * Builds and starts the bare page in .data/bench-bare-next (git-ignored); resolves to its address, and to the same
 * page under /coop sent with the app's `Cross-Origin-Opener-Policy: same-origin`. Chrome opens a page with that
 * header in a fresh renderer process (a new browsing context group) instead of the one Lighthouse's blank tab has
 * warmed up: the second baseline shows what that costs the framework alone.
 */
export async function startBarePage(port: number, children: ChildProcess[]): Promise<{ plain: string; coop: string }> {
  const dir = resolve(".data/bench-bare-next");
  mkdirSync(join(dir, "app/coop"), { recursive: true });
  writeFileSync(join(dir, "package.json"), `{ "private": true }\n`);
  // Its own config, so that Next does not take the project's.
  writeFileSync(
    join(dir, "next.config.js"),
    `module.exports = {\n  async headers() {\n    return [{ source: "/coop", headers: [{ key: "Cross-Origin-Opener-Policy", value: "same-origin" }] }];\n  },\n};\n`,
  );
  writeFileSync(
    join(dir, "app/layout.js"),
    `export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  );
  const page =
    `export const dynamic = "force-dynamic";\nexport const metadata = { title: "A bare page" };\n` +
    `export default function Page() {\n  return (<main><h1>A bare page</h1><p>One server component, no client code.</p></main>);\n}\n`;
  writeFileSync(join(dir, "app/page.js"), page);
  writeFileSync(join(dir, "app/coop/page.js"), page);
  const next = resolve("node_modules/next/dist/bin/next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const built = spawnSync(process.execPath, [next, "build"], { cwd: dir, env, stdio: "ignore" });
  if (built.status !== 0) throw new Error("the bare Next.js page did not build");
  const child = startProcess([next, "start", dir, "-p", String(port)], { NEXT_TELEMETRY_DISABLED: "1" });
  children.push(child);
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(url);
  return { plain: url, coop: `${url}coop` };
}
