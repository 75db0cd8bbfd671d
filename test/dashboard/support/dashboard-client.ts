// The dashboard over real HTTP: sign-in as a browser's form would post it, the cookie it sets,
// and a reader of the Server-Sent Events stream.
export const SESSION_COOKIE = 'nurture_session';

export interface SignInAnswer {
  status: number;
  location: string | null;
  setCookie: string | null;
  /** `nurture_session=<value>` to send back, or null. */
  cookie: string | null;
  body: string;
}

export async function signIn(url: string, apiKey: string, headers: Record<string, string> = { origin: url }): Promise<SignInAnswer> {
  const res = await fetch(`${url}/dashboard/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ api_key: apiKey }).toString(),
  });
  const setCookie = res.headers.get('set-cookie');
  const match = setCookie ? new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(setCookie) : null;
  return { status: res.status, location: res.headers.get('location'), setCookie, cookie: match ? `${SESSION_COOKIE}=${match[1]}` : null, body: await res.text() };
}

export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** An open /dashboard/events stream; `next()` resolves with the next event (comments skipped). */
export class SseReader {
  private buffer = '';
  /** Whether the server ended the stream. */
  ended = false;
  /** A read still in flight when the last `next()` timed out: the next one awaits it, so no chunk is lost. */
  private pending: ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]> | null = null;
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly status: number,
    private readonly reader: ReadableStreamDefaultReader<Uint8Array> | null,
    private readonly controller: AbortController,
  ) {}

  static async open(url: string, cookie: string | null, lastEventId?: string): Promise<SseReader> {
    const controller = new AbortController();
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (cookie) headers.cookie = cookie;
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    const res = await fetch(`${url}/dashboard/events`, { headers, signal: controller.signal });
    return new SseReader(res.status, res.status === 200 ? res.body!.getReader() : null, controller);
  }

  async next(timeoutMs = 3000): Promise<SseEvent | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event: SseEvent = {};
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon <= 0) continue;
          const field = line.slice(0, colon) as keyof SseEvent;
          if (field === 'id' || field === 'event' || field === 'data') event[field] = line.slice(colon + 1).trimStart();
        }
        if (event.event) return event;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0 || !this.reader) return null;
      let timer: NodeJS.Timeout | undefined;
      this.pending ??= this.reader.read();
      const chunk = await Promise.race([this.pending, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), left)))]);
      clearTimeout(timer);
      if (chunk === null) return null;
      this.pending = null;
      if (chunk.done) {
        this.ended = true;
        return null;
      }
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  close(): void {
    this.controller.abort();
  }
}
