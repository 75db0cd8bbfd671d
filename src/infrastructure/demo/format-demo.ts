// The demo's result for people.
import type { DemoResult } from './run-demo.js';

const pct = (part: number, whole: number): string => (whole === 0 ? '' : `  (${((100 * part) / whole).toFixed(1)}%)`);

export function formatDemo(r: DemoResult, elapsedSeconds: number): string {
  const f = r.funnel;
  const o = r.options;
  const e = f.emails;
  const row = (label: string, value: number | string, of?: number) =>
    `  ${label.padEnd(30)} ${String(value).padStart(7)}${of === undefined || typeof value === 'string' ? '' : pct(value, of)}`;
  const lines = [
    `nurture demo: ${o.leads} leads, ${o.days} simulated days (${r.simulatedFrom.slice(0, 10)} → ${r.simulatedTo.slice(0, 10)}), a run every ${o.everyHours} h (${r.simulation.runs} runs), seed ${o.seed}`,
    '',
    'Funnel (read with SQL from lead_nurturing_sequences, lead_nurturing_events, lead_nurturing_engagement_summary):',
    row('leads', f.leads),
    row('cold leads enrolled', f.sequencesStarted, f.leads),
    row('emails sent', e.sent),
    row('  delivered', e.delivered, e.sent),
    row('  bounced', e.bounced, e.sent),
    row('  opened', e.opened, e.sent),
    row('  clicked', e.clicked, e.sent),
    row('  replied', e.replied, e.sent),
    row('leads that opened', f.engagedLeads.opened, f.sequencesStarted),
    row('leads that clicked', f.engagedLeads.clicked, f.sequencesStarted),
    row('leads that replied', f.engagedLeads.replied, f.sequencesStarted),
    row('qualified', f.status.qualified, f.sequencesStarted),
    row('paused (inactive)', f.status.paused, f.sequencesStarted),
    row('completed', f.status.completed, f.sequencesStarted),
    row('stopped (bounced)', f.status.stopped, f.sequencesStarted),
    row('still active', f.status.active, f.sequencesStarted),
    row('conversion rate', `${f.conversionRatePct.toFixed(2)}%`),
    row('average days to qualify', f.avgDaysToQualify === null ? 'n/a' : f.avgDaysToQualify.toFixed(2)),
    '',
    `Email sink: ${r.simulation.sink.accepted} emails accepted, ${r.simulation.sink.duplicateKeys} repeated Idempotency-Keys, ${r.simulation.sink.rejected} rejected; engagement API polled ${r.simulation.engagementApiRequests} times.`,
    ...(r.simulation.stepErrors.length ? [`Warning: the runs reported ${r.simulation.stepErrors.length} step error(s), e.g. ${r.simulation.stepErrors[0]}`] : []),
    `Reproducible: the same --seed ${o.seed} with the same --leads and --days gives exactly these numbers (finished in ${elapsedSeconds.toFixed(1)} s).`,
    `The data is in the ${r.where}; explore it, e.g.:`,
    `  ${r.envHint} npx nurture history ${r.exampleLead ?? '<lead_ext_id>'}`,
    SEE_IT_LIVE,
  ];
  return lines.join('\n');
}

export const SEE_IT_LIVE = 'See it on the live dashboard: npx nurture serve --demo (it prints the address and a key to sign in with).';
