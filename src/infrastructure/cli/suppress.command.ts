// `nurture suppress add|remove|list`: the operator's hand on the suppression list.
import type { Command } from 'commander';
import { listSuppressions, suppressAddress, unsuppressAddress } from '../../application/suppression/manage-suppressions.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { SqlSuppressionList } from '../suppression/sql-suppression-list.js';
import { withDatabase } from './app-context.js';
import { CliUsageError } from './exit-codes.js';

export function registerSuppress(program: Command): void {
  const suppress = program.command('suppress').description('manage the suppression list (addresses never written to again)');
  suppress
    .command('add')
    .description('suppress an address: no sequence of it is sent another email')
    .argument('<email>', 'the address (any case)')
    .option('--reason <reason>', 'manual, bounced, unsubscribed or complained', 'manual')
    .option('--note <text>', 'why (kept with the entry)')
    .action(async (email: string, options: { reason: string; note?: string }) => {
      await withDatabase(async (db) => {
        const { added, suppression } = await suppressAddress(new SqlSuppressionList(db.pool), { email, ...options }, new Date().toISOString());
        console.log(added ? `suppressed ${suppression.email} (${suppression.reason})` : `${suppression.email} was already suppressed (${suppression.reason}, since ${suppression.suppressedAt})`);
      });
    });
  suppress
    .command('remove')
    .description('remove an address from the suppression list (stopped sequences stay stopped)')
    .argument('<email>', 'the address (any case)')
    .action(async (email: string) => {
      await withDatabase(async (db) => {
        if (!(await unsuppressAddress(new SqlSuppressionList(db.pool), email))) throw new NotFoundError(`${email.trim().toLowerCase()} is not suppressed`);
        console.log(`removed ${email.trim().toLowerCase()} from the suppression list`);
      });
    });
  suppress
    .command('list')
    .description('print the suppression list, in address order')
    .option('--limit <n>', 'most entries printed', '1000')
    .option('--json', 'print JSON for machines')
    .action(async (options: { limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliUsageError(`--limit must be an integer from 1 to 1000, got "${options.limit}"`);
      await withDatabase(async (db) => {
        const page = await listSuppressions(new SqlSuppressionList(db.pool), { limit });
        if (options.json) return console.log(JSON.stringify(page.items, null, 2));
        for (const s of page.items) console.log([s.email, s.reason, s.source ?? '-', s.suppressedAt, s.note ?? ''].join('\t').trimEnd());
        if (page.nextCursor) console.error(`… more than ${limit}; use --json with a larger --limit, or SQL`);
      });
    });
}
