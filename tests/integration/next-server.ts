// A real `next start` for tests that need the whole request path (proxy.ts, rendering, headers): builds the app
// first if the build is stale, serves it on a free port, and stops it when the test file is done.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { buildIsStale } from "@/lib/cli/build-status";

const root = resolve(import.meta.dirname, "../..");
const nextBin = resolve(root, "node_modules/next/dist/bin/next");

/** The environment of this test run, but with the NODE_ENV `next build` and `next start` use (vitest sets "test"). */
function serverEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...overrides };
}

export function buildIfStale(): void {
  if (!buildIsStale(root)) return;
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env: serverEnv({}), encoding: "utf8" });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export async function startNextServer(
  env: Record<string, string> = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: serverEnv(env),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${stderr}`);
    try {
      await fetch(`${url}/api/campaigns/ready/count`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
