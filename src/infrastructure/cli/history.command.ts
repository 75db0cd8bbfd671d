import type { Command } from 'commander';
import { QueryBus } from '@nestjs/cqrs';
import { GetLeadHistoryQuery } from '../../application/leads/get-lead-history/get-lead-history.query.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { withAppContext } from './app-context.js';
import { formatLeadHistory } from './history-format.js';

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description("print every event of a lead's sequences, in order")
    .argument('<lead_ext_id>', "the lead's ext_id")
    .option('--json', 'print JSON for machines')
    .action(async (leadExtId: string, options: { json?: boolean }) => {
      await withAppContext(async (app) => {
        const history = await app.get(QueryBus).execute(new GetLeadHistoryQuery(leadExtId));
        if (history.events.length === 0) throw new NotFoundError(`no sequence history for lead "${leadExtId}"`);
        console.log(options.json ? JSON.stringify(history, null, 2) : formatLeadHistory(history));
      });
    });
}
