import type { Rankings, RankingsRequest } from '../../reports/report-figures.port.js';
import { DashboardRankings } from './dashboard-rankings.js';

const WINDOW = { start: '2026-11-03T00:00:00.000Z', end: '2026-12-03T00:00:00.000Z' };
const LATER = { start: '2026-11-04T00:00:00.000Z', end: '2026-12-04T00:00:00.000Z' };

/** The report figures' `rankings`, answering what it was asked (or failing while `failing`). */
class Figures {
  asked: RankingsRequest[] = [];
  failing = false;
  async rankings(request: RankingsRequest): Promise<Rankings> {
    this.asked.push(request);
    if (this.failing) throw new Error('database gone');
    return { topTemplates: [], topSteps: [], stepsTooFewSends: [] };
  }
}

describe('the dashboard rankings', () => {
  let now: number;
  let figures: Figures;
  let errors: unknown[];
  let rankings: DashboardRankings;
  beforeEach(() => {
    now = Date.parse('2026-12-02T10:00:00Z');
    figures = new Figures();
    errors = [];
    rankings = new DashboardRankings(figures, { minSends: 20, refreshMs: 60_000, clock: () => now, onError: (e) => errors.push(e) });
  });

  it('given none yet, a view gets none and starts their computation in the background, once', async () => {
    expect(rankings.current(10, WINDOW)).toBeNull();
    expect(rankings.current(10, WINDOW)).toBeNull();
    await rankings.settled();
    expect(figures.asked).toEqual([{ ...WINDOW, top: 5, minSends: 20 }]);
    expect(rankings.current(10, WINDOW)).toMatchObject({ window: WINDOW, minSends: 20, position: 10, computedAt: '2026-12-02T10:00:00.000Z' });
  });

  it('when the log moved but they are younger than the interval, nothing is recomputed', async () => {
    rankings.current(10, WINDOW);
    await rankings.settled();
    now += 59_999;
    expect(rankings.current(11, WINDOW)).toMatchObject({ position: 10 });
    await rankings.settled();
    expect(figures.asked).toHaveLength(1);
  });

  it('when older than the interval, they are recomputed only if the projector moved since', async () => {
    rankings.current(10, WINDOW);
    await rankings.settled();
    now += 60_000;
    rankings.current(10, WINDOW);
    await rankings.settled();
    expect(figures.asked).toHaveLength(1);
    expect(rankings.current(12, WINDOW)).toMatchObject({ position: 10 }); // the old ones meanwhile
    await rankings.settled();
    expect(figures.asked).toHaveLength(2);
    expect(rankings.current(12, WINDOW)).toMatchObject({ position: 12, computedAt: new Date(now).toISOString() });
  });

  it('when the window moves, the old ones are not shown for it and new ones are computed', async () => {
    rankings.current(10, WINDOW);
    await rankings.settled();
    expect(rankings.current(10, LATER)).toBeNull();
    await rankings.settled();
    expect(figures.asked.at(-1)).toMatchObject(LATER);
    expect(rankings.current(10, LATER)).toMatchObject({ window: LATER });
  });

  it('with no window (no day in the metrics view), there is nothing to rank', () => {
    expect(rankings.current(10, null)).toBeNull();
    expect(figures.asked).toEqual([]);
  });

  it('a failed computation is reported and tried again only after the interval', async () => {
    figures.failing = true;
    rankings.current(10, WINDOW);
    await rankings.settled();
    expect(errors).toHaveLength(1);
    rankings.current(11, WINDOW);
    await rankings.settled();
    expect(figures.asked).toHaveLength(1);
    figures.failing = false;
    now += 60_000;
    rankings.current(11, WINDOW);
    await rankings.settled();
    expect(rankings.current(11, WINDOW)).toMatchObject({ position: 11 });
  });
});
