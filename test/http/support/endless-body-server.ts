// A local HTTP server whose every answer is a 200 with a body that never ends (64 KiB chunks,
// chunked encoding) until the client hangs up; or, with `declaredBytes`, one that announces a
// Content-Length that large. It records how much each response wrote before its connection closed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EndlessBodyServer {
  url: string;
  /** Per request: bytes written, and whether the client closed the connection. */
  readonly responses: { bytes: number; closed: Promise<void> }[];
  close(): Promise<void>;
}

export async function startEndlessBodyServer(options: { declaredBytes?: number; contentType?: string } = {}): Promise<EndlessBodyServer> {
  const responses: EndlessBodyServer['responses'] = [];
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const server: Server = createServer((req, res) => {
    const entry = { bytes: 0, closed: new Promise<void>((resolve) => res.on('close', resolve)) };
    responses.push(entry);
    req.resume();
    const headers: Record<string, string | number> = { 'content-type': options.contentType ?? 'application/json' };
    if (options.declaredBytes !== undefined) headers['content-length'] = options.declaredBytes;
    res.writeHead(200, headers);
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) entry.bytes += chunk.length;
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    responses,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
