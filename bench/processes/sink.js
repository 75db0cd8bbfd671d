// The local email webhook, in its own process (child_process.fork): the specification's POST,
// idempotent by `Idempotency-Key` the way providers are (a repeated key gets the first answer back
// and is not a second send), keep-alive, counting. The parent asks for counts over IPC.
import { createServer } from 'node:http';

const sends = new Map(); // key → times requested
let requests = 0;
let malformed = 0;

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    requests += 1;
    const key = req.headers['idempotency-key'];
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = null;
    }
    if (req.method !== 'POST' || typeof key !== 'string' || key === '' || !body || typeof body.to !== 'string' || typeof body.subject !== 'string') {
      malformed += 1;
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"error":"malformed"}');
      return;
    }
    const seen = sends.get(key) ?? 0;
    sends.set(key, seen + 1);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `msg_${key}`, replayed: seen > 0 }));
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;

process.on('message', (m) => {
  if (m.type === 'stats') {
    let repeated = 0;
    for (const n of sends.values()) if (n > 1) repeated += 1;
    process.send({ type: 'stats', requests, distinct: sends.size, repeated, malformed });
  } else if (m.type === 'reset') {
    sends.clear();
    requests = 0;
    malformed = 0;
    process.send({ type: 'reset' });
  } else if (m.type === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
