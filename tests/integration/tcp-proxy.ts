// A TCP proxy in front of Postgres that a test can cut: `refuse()` is Postgres stopped (open connections reset, new
// ones refused), `blackhole()` is a network that stops answering (connections stay open, nothing gets through, new
// ones are accepted and never answered), `restore()` brings it back on the same port. A blackhole pauses instead of
// dropping bytes, as TCP retransmission would: what was written goes through once the network returns.
import net from "node:net";
import type { AddressInfo } from "node:net";

type Pair = { client: net.Socket; upstream: net.Socket | null; drop: () => void };

export class TcpProxy {
  port = 0;
  private server: net.Server | null = null;
  private pairs = new Set<Pair>();
  private mode: "up" | "blackhole" | "refuse" = "up";

  constructor(private readonly target: { host: string; port: number }) {}

  async start(port = this.port): Promise<number> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  private accept(client: net.Socket) {
    const pair: Pair = {
      client,
      upstream: null,
      drop: () => {
        client.destroy();
        pair.upstream?.destroy();
        this.pairs.delete(pair);
      },
    };
    this.pairs.add(pair);
    client.on("error", pair.drop).on("close", pair.drop);
    if (this.mode === "blackhole") {
      client.pause(); // accepted, never answered: the connect timeout has to notice
      return;
    }
    this.connect(pair);
  }

  private connect(pair: Pair) {
    const upstream = net.connect(this.target.port, this.target.host);
    pair.upstream = upstream;
    upstream.on("error", pair.drop).on("close", pair.drop);
    this.flow(pair);
  }

  private flow(pair: Pair) {
    pair.client.pipe(pair.upstream!);
    pair.upstream!.pipe(pair.client);
    pair.client.resume();
    pair.upstream!.resume();
  }

  /** Postgres stopped: every open connection is reset and new ones are refused. */
  async refuse(): Promise<void> {
    this.mode = "refuse";
    const server = this.server;
    this.server = null;
    for (const pair of [...this.pairs]) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    this.pairs.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The network goes silent: open connections stop moving, new ones are accepted and never answered. */
  blackhole(): void {
    this.mode = "blackhole";
    for (const pair of this.pairs) {
      pair.client.unpipe();
      pair.upstream?.unpipe();
      pair.client.pause();
      pair.upstream?.pause();
    }
  }

  async restore(): Promise<void> {
    const was = this.mode;
    this.mode = "up";
    if (was === "refuse" || !this.server) await this.start(this.port);
    for (const pair of this.pairs) {
      if (pair.upstream) this.flow(pair);
      else this.connect(pair);
    }
  }

  async stop(): Promise<void> {
    await this.refuse();
  }
}
