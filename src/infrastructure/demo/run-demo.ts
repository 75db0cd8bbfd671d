// `nurture demo`: a fresh demo database, sample leads, simulated weeks of nurturing, the funnel.
import type { PipelineDeps } from '../../application/pipeline/pipeline-deps.js';
import { MS_PER_DAY, isoOf, startOfUtcDay } from '../../domain/shared/time.js';
import { runMigrations } from '../database/migrate.js';
import type { DatabaseSettings } from '../database/open-database.js';
import { createPipelineDeps } from '../pipeline/create-pipeline-deps.js';
import { LocalRunCoordination } from '../pipeline/local-run-coordination.js';
import { openDemoDatabase } from './demo-database.js';
import { insertDemoTemplate, insertLeads } from './demo-data.js';
import { EngagementModel } from './engagement-model.js';
import { type Funnel, readFunnel } from './funnel.js';
import { sampleLeads } from './sample-leads.js';
import { type SimulationResult, simulate } from './simulation.js';

export interface DemoOptions {
  leads: number;
  days: number;
  seed: number;
  everyHours: number;
}

export interface DemoResult {
  options: DemoOptions;
  simulatedFrom: string;
  simulatedTo: string;
  funnel: Funnel;
  simulation: SimulationResult;
  /** Where the demo's data is, and how to point other commands at it. */
  where: string;
  envHint: string;
  /** A lead whose history is worth a look (a qualified one if any); null when nobody was enrolled. */
  exampleLead: string | null;
}

export async function runDemo(options: DemoOptions, settings: DatabaseSettings, onRun: (done: number, total: number) => void): Promise<DemoResult> {
  // The simulation ends today (UTC midnight), so the specification's NOW()-relative SQL finds its rows.
  const start = startOfUtcDay(Date.now()) - options.days * MS_PER_DAY;
  const leads = sampleLeads(options.leads, options.seed, start);
  const { db, where, envHint } = await openDemoDatabase(settings);
  try {
    await runMigrations(db);
    await insertLeads(db.pool, leads);
    await insertDemoTemplate(db.pool);
    const deps: PipelineDeps = {
      ...createPipelineDeps(db),
      // The demo's database is its own: no other instance to exclude, no lock to hold.
      coordination: new LocalRunCoordination(),
    };
    const model = new EngagementModel(options.seed, leads);
    const plan = { start, days: options.days, everyHours: options.everyHours, maxLeadsPerRun: options.leads, seed: options.seed };
    const simulation = await simulate(deps, model, plan, onRun);
    const funnel = await readFunnel(db.pool);
    const { rows } = await db.pool.query<{ lead_ext_id: string }>(
      `SELECT lead_ext_id FROM lead_nurturing_sequences ORDER BY status = 'qualified' DESC, qualified_at, id LIMIT 1`,
    );
    return {
      options,
      simulatedFrom: isoOf(start),
      simulatedTo: simulation.lastRunAt,
      funnel,
      simulation,
      where,
      envHint,
      exampleLead: rows[0]?.lead_ext_id ?? null,
    };
  } finally {
    await db.close();
  }
}
