// The HTTP side of a browser, enough to time a page: keep-alive connections (6 per host, as
// browsers open), one cookie jar, bodies read whole. node:http, so the client costs little.
import http from 'node:http';

export class Browser {
  constructor(origin) {
    this.origin = new URL(origin);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
    this.cookies = new Map();
  }

  /** One request: `{ status, headers, body (Buffer), ms }`. Cookies it sets are kept. */
  request(path, { method = 'GET', headers = {}, body } = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const t0 = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: this.origin.hostname, port: this.origin.port, path, method, agent: this.agent, headers: { ...(cookie ? { cookie } : {}), ...headers } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            for (const line of [res.headers['set-cookie'] ?? []].flat()) {
              const [pair] = line.split(';');
              const eq = pair.indexOf('=');
              if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
            }
            resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), ms: Number(process.hrtime.bigint() - t0) / 1e6 });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A form POST from this origin's own page (the Origin header a browser sends). */
  postForm(path, fields) {
    const body = new URLSearchParams(fields).toString();
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: this.origin.origin },
      body,
    });
  }

  close() {
    this.agent.destroy();
  }
}
