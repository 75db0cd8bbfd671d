// The dashboard's top templates and steps: the reports' two ranking queries over the daily chart's
// window. They aggregate the window's cohort (a scan that grows with the read side), so a page view
// never runs them: it gets the last computed rankings, and a refresh starts in the background when
// those are older than the refresh interval and the projector has moved since (or the window did).
import type { Rankings, ReportFigures } from '../../reports/report-figures.port.js';
import type { DashboardWindow } from '../read-side/dashboard-read-model.port.js';

export const RANKED = 5;

export interface DashboardRankingsView extends Rankings {
  window: DashboardWindow;
  /** `report_min_sends` in force: steps with fewer emails sent are listed apart, unranked. */
  minSends: number;
  /** When they were computed, and at which projector position. */
  computedAt: string;
  position: number;
}

export interface DashboardRankingsOptions {
  minSends: number;
  refreshMs: number;
  clock?: () => number;
  /** Told of a failed refresh (the last rankings stay shown). */
  onError?: (error: unknown) => void;
}

export class DashboardRankings {
  private last: DashboardRankingsView | null = null;
  private running: Promise<void> | null = null;
  /** When a refresh last failed: the next try waits the refresh interval. */
  private failedAt: number | null = null;

  constructor(
    private readonly figures: Pick<ReportFigures, 'rankings'>,
    private readonly options: DashboardRankingsOptions,
  ) {}

  /** The rankings to show with a snapshot at `position` of `window` (null: none yet, or no window). */
  current(position: number, window: DashboardWindow | null): DashboardRankingsView | null {
    if (!window) return null;
    if (this.isStale(position, window)) this.refresh(position, window);
    return this.last && sameWindow(this.last.window, window) ? this.last : null;
  }

  /** The refresh in flight, if any (tests and shutdown wait for it). */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private isStale(position: number, window: DashboardWindow): boolean {
    if (this.running) return false;
    if (this.failedAt !== null && this.now() - this.failedAt < this.options.refreshMs) return false;
    if (!this.last || !sameWindow(this.last.window, window)) return true;
    const age = this.now() - Date.parse(this.last.computedAt);
    return age >= this.options.refreshMs && this.last.position !== position;
  }

  private refresh(position: number, window: DashboardWindow): void {
    const computedAt = new Date(this.now()).toISOString();
    this.running = this.figures
      .rankings({ start: window.start, end: window.end, top: RANKED, minSends: this.options.minSends })
      .then((rankings) => {
        this.last = { ...rankings, window, minSends: this.options.minSends, computedAt, position };
        this.failedAt = null;
      })
      .catch((error: unknown) => {
        this.failedAt = this.now();
        this.options.onError?.(error);
      })
      .finally(() => {
        this.running = null;
      });
  }

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }
}

const sameWindow = (a: DashboardWindow, b: DashboardWindow): boolean => a.start === b.start && a.end === b.end;
