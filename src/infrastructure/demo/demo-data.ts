// Writes the demo's starting data: the sample leads, and one analyst template (inserted with the
// specification's SQL) for low-priority leads with a slower, longer sequence — whose silent leads
// the auto-pause catches before its last step. Other cold leads get the default template.
import type pg from 'pg';
import type { SampleLead } from './sample-leads.js';

export async function insertLeads(db: Pick<pg.Pool, 'query'>, leads: readonly SampleLead[]): Promise<void> {
  const column = <K extends keyof SampleLead>(key: K) => leads.map((l) => l[key]);
  await db.query(
    `INSERT INTO leads (ext_id, email, first_name, last_name, company, score, priority, source, created_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::timestamptz[])`,
    [
      column('extId'),
      column('email'),
      column('firstName'),
      column('lastName'),
      column('company'),
      column('score'),
      column('priority'),
      column('source'),
      column('createdAt'),
    ],
  );
}

export const DEMO_TEMPLATE_NAME = 'low_priority_slow_nurturing';

const STEPS = [
  { step: 1, delay_days: 0, subject_template: '{{first_name|Hi}}, ideas for {{company|your team}}', body_template: 'Hi {{first_name|there}},\n\nA short note on how teams like {{company|yours}} save time every week. Reply if you would like the details.' },
  { step: 2, delay_days: 7, subject_template: 'A case study for {{company|your team}}', body_template: 'Hi {{first_name|there}},\n\nHere is how a team much like {{company|yours}} got started. Happy to walk you through it.' },
  { step: 3, delay_days: 14, subject_template: '{{first_name|Hi}}, still on your radar?', body_template: 'Hi {{first_name|there}},\n\nIf now is not the time, no problem. Just reply when it is.' },
  { step: 4, delay_days: 21, subject_template: 'Closing the loop, {{first_name|there}}', body_template: 'Hi {{first_name|there}},\n\nThis is my last note for now. Thanks for reading.' },
];

export async function insertDemoTemplate(db: Pick<pg.Pool, 'query'>): Promise<void> {
  await db.query(
    `INSERT INTO nurturing_sequence_templates
       (name, description, priority_filter, min_score, max_score, total_steps, steps_config, enabled)
     VALUES ($1, $2, 'low', 0, 49, $3, $4::jsonb, true)`,
    [DEMO_TEMPLATE_NAME, 'Demo: four emails over six weeks for low-priority cold leads', STEPS.length, JSON.stringify(STEPS)],
  );
}
