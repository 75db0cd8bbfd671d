// A tiny scripted HTTP server on 127.0.0.1 for the HTTP adapters' tests: one reply per request
// (the last one repeats), optional delays or no answer at all, and a record of every request
// (method, URL, headers, body, arrival time, connection) and of every TCP connection.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  delayMs?: number;
  /** Never answer (the client has to time out). */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request's headers arrived. */
  at: number;
  connection: number;
}

export type Script = Reply[] | ((request: RecordedRequest, index: number) => Reply);

export interface ScriptedServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  readonly requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function startServer(script: Script = [{}]): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const ids = new WeakMap<Socket, number>();
  let connections = 0;
  const server: Server = createServer(async (req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at,
      connection: ids.get(req.socket) ?? 0,
    };
    const index = requests.push(request) - 1;
    const reply = typeof script === 'function' ? script(request, index) : (script[Math.min(index, script.length - 1)] ?? {});
    if (reply.hang) return;
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const type = typeof reply.body === 'string' ? 'text/plain' : 'application/json';
    if (!res.destroyed) res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers }).end(body);
  });
  server.on('connection', (socket: Socket) => ids.set(socket, ++connections));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A URL on 127.0.0.1 where nothing listens (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** Milliseconds between consecutive requests' arrivals. */
export const gaps = (requests: RecordedRequest[]): number[] => requests.slice(1).map((r, i) => r.at - requests[i]!.at);
