// A project cloned inside a folder only its owner may enter (`mktemp -d` makes such folders, mode 0700) still gets
// its embedded Postgres. As root the server runs as the `postgres` user, which cannot enter that folder: its files
// are then kept under /var/lib/open-letters, `.data/postgres` links to them, nothing of the user's is opened to other
// users, and deleting the link starts afresh. As any other user the server runs as that user, in the folder itself.
import { lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { outsideDir, removeEmbeddedData, startEmbeddedPostgres } from "@/lib/cli/embedded-postgres";

const root = resolve(import.meta.dirname, "../..");
mkdirSync(join(root, ".data"), { recursive: true });
const privateFolder = mkdtempSync(join(root, ".data", "test-private-")); // mode 0700, as `mktemp -d` makes
const dataDir = join(privateFolder, "project", ".data", "postgres");
mkdirSync(join(privateFolder, "project", ".data"), { recursive: true });
const asRoot = process.getuid?.() === 0;

async function sql<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function withServer<T>(task: (url: string) => Promise<T>): Promise<T> {
  const lines: string[] = [];
  const server = await startEmbeddedPostgres({ dataDir, preferredPort: 55500, log: (line) => lines.push(line) });
  try {
    return await task(server.url);
  } finally {
    await server.stop();
  }
}

afterAll(() => {
  removeEmbeddedData(dataDir);
  rmSync(privateFolder, { recursive: true, force: true });
});

describe("the embedded Postgres of a project inside a private folder", () => {
  it("starts, keeps its data across a restart, and starts afresh when its data folder is deleted", async () => {
    expect(statSync(privateFolder).mode & 0o777).toBe(0o700);
    await withServer((url) => sql(url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')"));
    expect(statSync(privateFolder).mode & 0o777).toBe(0o700); // nothing was opened up

    const link = lstatSync(dataDir);
    if (asRoot) {
      expect(link.isSymbolicLink()).toBe(true);
      const target = readlinkSync(dataDir);
      expect(target.startsWith(`${outsideDir}/`)).toBe(true);
      const owner = statSync(target).uid;
      expect(owner).not.toBe(0); // the server's own user holds the data
      expect(statSync(target).mode & 0o777).toBe(0o700);
    } else {
      expect(link.isDirectory()).toBe(true);
    }

    expect(await withServer((url) => sql(url, "SELECT note FROM kept"))).toEqual([{ note: "still here" }]);

    const before = asRoot ? readlinkSync(dataDir) : null;
    rmSync(dataDir, { recursive: true, force: true }); // what the README says to do to start afresh
    expect(await withServer((url) => sql(url, "SELECT to_regclass('kept') AS kept"))).toEqual([{ kept: null }]);
    if (before) expect(readlinkSync(dataDir)).toBe(before); // the same place, emptied: nothing is left behind
  }, 120_000);
});
