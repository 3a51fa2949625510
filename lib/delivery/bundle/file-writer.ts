// A file written as a stream, with back-pressure, that knows its own SHA-256 and size when closed: large bundle
// files are never held in memory and never read back to be hashed. Small writes (a CSV line) are gathered into
// 64 KiB chunks first.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { once } from "node:events";

export type FileWriter = {
  write(chunk: string | Buffer): Promise<void>;
  close(): Promise<{ sha256: string; bytes: number }>;
  /** Gives up on the file after an error elsewhere: the stream is closed, what was written stays. */
  abort(): void;
};

const chunkSize = 64 * 1024;

export function openFileWriter(path: string): FileWriter {
  const out = createWriteStream(path);
  const hash = createHash("sha256");
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let failed: Error | null = null;
  out.on("error", (err) => (failed = err));

  async function flush(): Promise<void> {
    if (failed) throw failed;
    if (pendingBytes === 0) return;
    const data = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    if (!out.write(data)) await once(out, "drain");
  }

  return {
    async write(chunk) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      hash.update(buffer);
      bytes += buffer.length;
      pending.push(buffer);
      pendingBytes += buffer.length;
      if (pendingBytes >= chunkSize) await flush();
    },
    async close() {
      await flush();
      out.end();
      await once(out, "finish");
      return { sha256: hash.digest("hex"), bytes };
    },
    abort() {
      out.destroy();
    },
  };
}
