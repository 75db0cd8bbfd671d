// How the demo's leads behave. Each lead has a propensity to engage (partly its score, partly
// chance); each email it receives at simulated time T is, reproducibly from (seed, lead, step),
// bounced (a dead address) or delivered, then maybe opened, clicked and replied to at later
// simulated instants. The engagement API answers what the lead has done as of a given instant.
import type { EngagementSnapshot } from '../../application/ports/engagement-source.js';
import { exponential, seededRandom } from './random.js';
import type { SampleLead } from './sample-leads.js';

const HOUR = 3_600_000;
const BOUNCE_RATE = 0.02;

export interface LeadProfile {
  /** 0..1: how likely the lead is to open, click and reply. */
  propensity: number;
  /** Every email to it hard-bounces. */
  deadAddress: boolean;
}

/** What happens to one received email; instants in ms since the epoch, null = never. */
export interface EmailFate {
  bounced: boolean;
  openedAt: number | null;
  clickedAt: number | null;
  repliedAt: number | null;
}

export function leadProfile(lead: Pick<SampleLead, 'extId' | 'score'>, seed: number): LeadProfile {
  const random = seededRandom(seed, 'profile', lead.extId);
  const chance = random() ** 1.5;
  return { propensity: 0.65 * chance + 0.35 * ((lead.score ?? 15) / 70), deadAddress: random() < BOUNCE_RATE };
}

export function emailFate(profile: LeadProfile, seed: number, extId: string, step: number, receivedAt: number): EmailFate {
  if (profile.deadAddress) return { bounced: true, openedAt: null, clickedAt: null, repliedAt: null };
  const random = seededRandom(seed, 'email', extId, step);
  const p = profile.propensity;
  const [opens, clicks, replies] = [random(), random(), random()];
  const [openDelay, clickDelay, replyDelay] = [exponential(random, 20 * HOUR), exponential(random, 3 * HOUR), exponential(random, 16 * HOUR)];
  if (opens >= 0.12 + 0.7 * p) return { bounced: false, openedAt: null, clickedAt: null, repliedAt: null };
  const openedAt = receivedAt + Math.round(openDelay);
  return {
    bounced: false,
    openedAt,
    clickedAt: clicks < 0.06 + 0.5 * p ? openedAt + Math.round(clickDelay) : null,
    repliedAt: replies < 0.03 + 0.35 * p ? openedAt + Math.round(replyDelay) : null,
  };
}

/** The leads' behaviour over the simulation, by email address. */
export class EngagementModel {
  private readonly profiles = new Map<string, { extId: string; profile: LeadProfile }>();
  private readonly fates = new Map<string, { receivedAt: number; fate: EmailFate }[]>();

  constructor(
    private readonly seed: number,
    leads: readonly SampleLead[],
  ) {
    for (const lead of leads) this.profiles.set(lead.email, { extId: lead.extId, profile: leadProfile(lead, seed) });
  }

  /** The lead at `to` received its email of `step` at `at`; null for an address the demo never made. */
  received(to: string, step: number, at: number): EmailFate | null {
    const lead = this.profiles.get(to);
    if (!lead) return null;
    const fate = emailFate(lead.profile, this.seed, lead.extId, step, at);
    this.fates.set(to, [...(this.fates.get(to) ?? []), { receivedAt: at, fate }]);
    return fate;
  }

  /** The engagement API's answer for `email` as of `now`: has the lead opened, clicked, replied
   * one of the emails it received in the last `lookbackMs` (the window the poller asks about:
   * its answer counts for each email of that window). */
  snapshot(email: string, now: number, lookbackMs = 7 * 24 * HOUR): EngagementSnapshot {
    const fates = (this.fates.get(email) ?? []).filter((r) => r.receivedAt >= now - lookbackMs).map((r) => r.fate);
    const by = (at: number | null) => at !== null && at <= now;
    return {
      opened: fates.some((f) => by(f.openedAt)),
      clicked: fates.some((f) => by(f.clickedAt)),
      replied: fates.some((f) => by(f.repliedAt)),
    };
  }
}
