// The demo's engagement API, the specification's contract: GET /engagement?email=<address> →
// {"opened": bool, "clicked": bool, "replied": bool} as of the simulated clock.
import type { EngagementSnapshot } from '../../application/ports/engagement-source.js';
import { startLocalServer } from './local-server.js';

export interface EngagementApi {
  url: string;
  requests(): number;
  close(): Promise<void>;
}

export async function startEngagementApi(answer: (email: string) => EngagementSnapshot): Promise<EngagementApi> {
  let requests = 0;
  const server = await startLocalServer(({ method, url }) => {
    requests += 1;
    if (method !== 'GET' || url.pathname !== '/engagement') return { status: 404, json: { error: 'GET /engagement?email=…' } };
    const email = url.searchParams.get('email');
    if (!email) return { status: 400, json: { error: 'the email query parameter is required' } };
    return { status: 200, json: answer(email) };
  });
  return { url: `${server.origin}/engagement`, requests: () => requests, close: () => server.close() };
}
