// A real local email webhook for tests: the specification's POST, idempotent by
// `Idempotency-Key` the way providers are (a repeated key gets the first answer back and is
// not a second send), with scriptable failures and delays.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

export interface ReceivedEmail {
  key: string;
  body: { from: string; to: string; subject: string; text: string; html?: string; headers?: Record<string, string>; metadata: Record<string, unknown> };
  headers: IncomingMessage['headers'];
  at: number;
}

export class EmailSink {
  private server: Server | undefined;
  url = '';
  readonly received: ReceivedEmail[] = [];
  /** Accepted sends per key: the number of times a key was sent, not merely requested. */
  readonly sends = new Map<string, number>();
  readonly requestsPerKey = new Map<string, number>();
  /** Decides the reply to a request (its key, and how many times the key was requested); default 200. */
  reply: (key: string, attempt: number, email: ReceivedEmail) => SinkReply | undefined = () => undefined;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/send`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Forgets what it received and answers 200 again (between tests). */
  reset(): void {
    this.received.length = 0;
    this.sends.clear();
    this.requestsPerKey.clear();
    this.reply = () => undefined;
  }

  keysSentMoreThanOnce(): string[] {
    return [...this.sends].filter(([, n]) => n > 1).map(([k]) => k);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const key = String(req.headers['idempotency-key'] ?? '');
    const email: ReceivedEmail = { key, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: req.headers, at: Date.now() };
    this.received.push(email);
    const attempt = (this.requestsPerKey.get(key) ?? 0) + 1;
    this.requestsPerKey.set(key, attempt);
    const scripted = this.reply(key, attempt, email);
    if (scripted?.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    if (scripted && (scripted.status < 200 || scripted.status >= 300)) {
      res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
      res.end(JSON.stringify(scripted.body ?? { error: 'scripted failure' }));
      return;
    }
    const replay = this.sends.has(key);
    if (!replay) this.sends.set(key, 1);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `msg_${key}`, replayed: replay }));
  }
}

/** The specification's engagement API: GET ?email= → {opened, clicked, replied}, from a map the test sets. */
export class EngagementApi {
  private server: Server | undefined;
  url = '';
  readonly flags = new Map<string, { opened?: boolean; clicked?: boolean; replied?: boolean }>();
  polls = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.polls += 1;
      const email = new URL(req.url ?? '/', 'http://x').searchParams.get('email') ?? '';
      const f = this.flags.get(email) ?? {};
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ opened: f.opened ?? false, clicked: f.clicked ?? false, replied: f.replied ?? false }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/engagement`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
