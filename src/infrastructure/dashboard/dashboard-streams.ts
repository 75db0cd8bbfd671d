// The open /dashboard/events streams, fed by one poller: every POLL_MS it reads the projector's
// checkpoint, the log head and the two lists' gauges once (index lookups) and writes a `change` to
// each stream whose last sent mark differs. The mark, sent as the event's id, is
// `<position>.<unmatched events>.<suppressions>`: the two lists change outside the log. A stream whose session ended (key removed, expired, or signed out on
// any instance: one query per poll for all the streams) is closed.
import { Injectable, type OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { GetProjectionProgressQuery } from '../../application/queries/dashboard/dashboard.queries.js';
import type { DashboardPulse } from '../../application/queries/read-side/dashboard-read-model.port.js';
import { DashboardSessions } from './dashboard-sessions.js';
import type { DashboardSession } from './session-token.js';

export const POLL_MS = 500;
export const KEEP_ALIVE_MS = 15_000;
export const MAX_STREAMS_ENV = 'NURTURE_DASHBOARD_MAX_STREAMS';
export const DEFAULT_MAX_STREAMS = 50;

interface Stream {
  session: DashboardSession;
  response: Response;
  /** The mark last sent; null until the first change. */
  sent: string | null;
  lastWrite: number;
}

export const maxStreamsFrom = (env: NodeJS.ProcessEnv): number => {
  const n = Number(env[MAX_STREAMS_ENV]);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_STREAMS;
};

@Injectable()
export class DashboardStreams implements OnModuleDestroy {
  private readonly streams = new Set<Stream>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly queries: QueryBus,
    private readonly sessions: DashboardSessions,
  ) {}

  /** Starts a stream of `session` on `response`; `lastEventId` (a mark) resumes one after a drop. */
  open(request: Request, response: Response, session: DashboardSession, lastEventId: string | undefined): void {
    if (this.streams.size >= maxStreamsFrom(process.env)) {
      throw new ServiceUnavailableException(`too many dashboard streams open (${MAX_STREAMS_ENV})`);
    }
    const resumed = /^\d{1,15}\.\d{1,15}\.\d{1,15}$/.test(lastEventId ?? '') ? lastEventId! : null;
    response.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    response.flushHeaders();
    response.write('retry: 2000\n\n');
    const stream: Stream = { session, response, sent: resumed, lastWrite: Date.now() };
    this.streams.add(stream);
    request.on('close', () => this.streams.delete(stream));
    void this.poll();
    this.timer ??= setInterval(() => void this.poll(), POLL_MS);
  }

  get size(): number {
    return this.streams.size;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      if (this.streams.size === 0) return this.stopTimer();
      const now = Date.now();
      await this.endStreamsOfEndedSessions(now);
      if (this.streams.size === 0) return;
      const progress = await this.queries.execute(new GetProjectionProgressQuery());
      for (const stream of this.streams) this.feed(stream, progress, now);
    } catch {
      // The next tick tries again; the client shows its last state meanwhile.
    } finally {
      this.polling = false;
    }
  }

  private async endStreamsOfEndedSessions(now: number): Promise<void> {
    const current: Stream[] = [];
    for (const stream of this.streams) {
      if (this.sessions.stillCurrent(stream.session, now)) current.push(stream);
      else this.end(stream);
    }
    const signedOut = await this.sessions.signedOutAmong([...new Set(current.map((s) => s.session.id))]);
    for (const stream of current) if (signedOut.has(stream.session.id)) this.end(stream);
  }

  private end(stream: Stream): void {
    this.streams.delete(stream);
    stream.response.end();
  }

  private feed(stream: Stream, { position, head, unmatchedEvents, suppressions }: DashboardPulse, now: number): void {
    const mark = `${position}.${unmatchedEvents}.${suppressions}`;
    if (stream.sent !== mark) {
      stream.response.write(`id: ${mark}\nevent: change\ndata: ${JSON.stringify({ position, head, behind: Math.max(0, head - position) })}\n\n`);
      stream.sent = mark;
      stream.lastWrite = now;
    } else if (now - stream.lastWrite >= KEEP_ALIVE_MS) {
      stream.response.write(': keep-alive\n\n');
      stream.lastWrite = now;
    }
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  onModuleDestroy(): void {
    this.stopTimer();
    for (const stream of this.streams) stream.response.end();
    this.streams.clear();
  }
}
