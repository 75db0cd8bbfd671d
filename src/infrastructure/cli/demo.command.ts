import type { Command } from 'commander';
import { databaseSettingsFromEnv } from '../database/open-database.js';
import { parseDemoOptions, type RawDemoOptions } from '../demo/demo-options.js';
import { formatDemo } from '../demo/format-demo.js';
import { runDemo } from '../demo/run-demo.js';
import { progress } from './progress.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'simulate weeks of nurturing on sample leads, with a local email sink and engagement API, and print the funnel. ' +
        'Always starts from scratch in its own data (embedded: <NURTURE_DATA_DIR>/demo; DATABASE_URL: schema nurture_demo), ' +
        'so running it again never doubles the data and the same seed gives the same numbers',
    )
    .option('--leads <n>', 'sample leads to create', '1000')
    .option('--days <n>', 'simulated days', '45')
    .option('--seed <n>', 'seed of the sample data and of the leads\' behaviour', '42')
    .option('--every <hours>', 'simulated hours between pipeline runs', '12')
    .option('--json', 'print the funnel as JSON')
    .action(async (raw: RawDemoOptions & { json?: boolean }) => {
      const options = parseDemoOptions(raw);
      const started = Date.now();
      let bar: ReturnType<typeof progress> | undefined;
      const result = await runDemo(options, databaseSettingsFromEnv(), (done, total) => {
        bar ??= progress('simulating runs', total);
        bar.update(done);
      });
      const seconds = (Date.now() - started) / 1000;
      bar?.finish(`simulated ${options.days} days in ${result.simulation.runs} runs in ${seconds.toFixed(1)} s`);
      if (raw.json) {
        const { options: o, simulatedFrom, simulatedTo, funnel, simulation, where } = result;
        console.log(JSON.stringify({ ...o, simulatedFrom, simulatedTo, runs: simulation.runs, funnel, sink: simulation.sink, engagementApiRequests: simulation.engagementApiRequests, stepErrors: simulation.stepErrors.length, where, reproducible: true }, null, 2));
      } else {
        console.log(formatDemo(result, seconds));
      }
    });
}
