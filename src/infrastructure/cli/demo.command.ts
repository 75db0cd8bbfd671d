import type { Command } from 'commander';
import { databaseSettingsFromEnv } from '../database/open-database.js';
import { parseDemoOptions, type RawDemoOptions } from '../demo/demo-options.js';
import { formatDemo, SEE_IT_LIVE } from '../demo/format-demo.js';
import { type DemoResult, runDemo } from '../demo/run-demo.js';
import { runInstants } from '../demo/simulation.js';
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
      const bar = progress('simulating runs', runInstants({ start: 0, ...options }).length);
      bar.update(0);
      const result = await runDemo(options, databaseSettingsFromEnv(), (done) => bar.update(done)).catch((error: unknown) => {
        bar.finish('the demo stopped');
        throw error;
      });
      const seconds = (Date.now() - started) / 1000;
      bar.finish(`simulated ${options.days} days in ${result.simulation.runs} runs in ${seconds.toFixed(1)} s`);
      console.log(raw.json ? JSON.stringify(demoJson(result), null, 2) : formatDemo(result, seconds));
      if (raw.json) process.stderr.write(`${SEE_IT_LIVE}\n`);
    });
}

/** The funnel for machines: equal for equal options (dates and place aside). */
function demoJson({ options, simulatedFrom, simulatedTo, funnel, simulation, where }: DemoResult) {
  return {
    ...options,
    simulatedFrom,
    simulatedTo,
    runs: simulation.runs,
    funnel,
    sink: simulation.sink,
    engagementApiRequests: simulation.engagementApiRequests,
    stepErrors: simulation.stepErrors.length,
    where,
    reproducible: true,
  };
}
