// The demo's sample leads: names, companies, scores 0..70, priorities null/low/medium/high, created
// over the 60 days before the simulation starts. Deterministic from the seed.
import { MS_PER_DAY } from '../../domain/shared/time.js';
import { type Random, pick, seededRandom, weighted } from './random.js';

export interface SampleLead {
  extId: string;
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  score: number | null;
  priority: 'low' | 'medium' | 'high' | null;
  source: string;
  /** ISO-8601. */
  createdAt: string;
}

const FIRST = ['Ana', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kenji', 'Laura', 'Marco', 'Nadia', 'Omar', 'Paula', 'Quentin', 'Rosa', 'Sam', 'Tara', 'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe'];
const LAST = ['Garcia', 'Smith', 'Muller', 'Rossi', 'Silva', 'Kowalski', 'Nguyen', 'Okafor', 'Jensen', 'Dubois', 'Tanaka', 'Lopez', 'Brown', 'Novak', 'Haddad', 'Costa'];
const COMPANY_A = ['Blue', 'North', 'Bright', 'Iron', 'Green', 'Swift', 'Silver', 'Atlas', 'Nova', 'Pine', 'Red', 'Open'];
const COMPANY_B = ['Logistics', 'Analytics', 'Foods', 'Health', 'Retail', 'Labs', 'Energy', 'Media', 'Systems', 'Works', 'Finance', 'Travel'];
const SOURCES = ['website_form', 'webinar', 'ebook_download', 'trade_show', 'linkedin_ad', 'referral'];
const PRIORITIES = [['none', 30], ['low', 35], ['medium', 22], ['high', 13]] as const;
const CREATED_OVER_DAYS = 60;

export function sampleLeads(count: number, seed: number, simulationStart: number): SampleLead[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => sampleLead(seededRandom(seed, 'lead', i), i + 1, width, simulationStart));
}

function sampleLead(random: Random, n: number, width: number, start: number): SampleLead {
  const firstName = pick(random, FIRST);
  const lastName = pick(random, LAST);
  const company = `${pick(random, COMPANY_A)} ${pick(random, COMPANY_B)}`;
  const priority = weighted(random, PRIORITIES);
  // Skewed towards low scores, as a cold list is; 8% were never scored.
  const score = random() < 0.08 ? null : Math.round(70 * random() ** 1.3);
  const createdAt = start - Math.floor(random() * CREATED_OVER_DAYS * MS_PER_DAY / 1000) * 1000 - 1000;
  return {
    extId: `demo-${String(n).padStart(width, '0')}`,
    email: `${firstName}.${lastName}.${n}@${company.replace(' ', '-')}.example`.toLowerCase(),
    firstName,
    lastName,
    company,
    score,
    priority: priority === 'none' ? null : priority,
    source: pick(random, SOURCES),
    createdAt: new Date(createdAt).toISOString(),
  };
}
