// A TCP relay between an app server and Postgres that counts the bytes the app sends: zero bytes over a stretch of
// requests means not one query was made for them.
import { connect, createServer, type Socket } from "node:net";

export async function countingDbRelay(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let sent = 0;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on("data", (chunk: Buffer) => {
      sent += chunk.length;
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on("end", () => upstream.end());
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const relayed = new URL(databaseUrl);
  relayed.hostname = "127.0.0.1";
  relayed.port = String((server.address() as { port: number }).port);
  return {
    url: relayed.toString(),
    bytesSent: () => sent,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
