import net from 'node:net';

/**
 * A TCP proxy in front of RabbitMQ that a test can cut and restore: a network
 * outage for the clients behind it only, while the real broker keeps serving
 * every other test.
 */
export class FaultProxy {
  private readonly sockets = new Set<net.Socket>();
  private down = false;

  private constructor(
    private readonly server: net.Server,
    private readonly target: { host: string; port: number },
    /** The URL to give clients instead of the broker's. */
    readonly url: string,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /** Listens on a free local port and forwards to the broker of `brokerUrl`. */
  static async start(brokerUrl: string): Promise<FaultProxy> {
    const server = net.createServer();
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (address && typeof address !== 'string') resolve(address.port);
        else reject(new Error('the proxy has no port'));
      });
    });
    const broker = new URL(brokerUrl);
    const proxied = new URL(brokerUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(port);
    const target = { host: broker.hostname, port: Number(broker.port || 5672) };
    return new FaultProxy(server, target, proxied.toString());
  }

  /** Drops every connection and refuses new ones until {@link restore}. */
  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    if (this.down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
