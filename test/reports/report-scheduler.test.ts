// The scheduled reports of `serve`: at start, the last complete week's and month's reports are
// published when the store lacks them (once), not when it has them; two instances starting
// together on one PostgreSQL publish once; bad cron expressions are refused naming the variable.
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { REPORT_GENERATOR, REPORT_STORE } from '../../src/application/reports/report-ports.js';
import { ReportSchedulerService } from '../../src/infrastructure/serve/report-scheduler.service.js';
import { reportSchedulesFrom } from '../../src/infrastructure/serve/report-schedules.js';
import { ReportSchedulingModule } from '../../src/infrastructure/serve/report-scheduling.module.js';
import { openServerDatabase } from '../../src/infrastructure/database/database.js';
import { parsePeriod } from '../../src/domain/reports/report-period.js';
import { FixtureReportGenerator, InMemoryReportStore } from '../support/in-memory-reports.js';
import { createTestDatabase, describeWithServer, SKIP_REASON_ONE_SESSION, type TestDatabase } from '../support/test-database.js';

// Wednesday 2026-03-04: the last complete week is 2026-W09, the last complete month 2026-02.
const NOW = '2026-03-04T12:00:00.000Z';

function reportsModule(store: InMemoryReportStore, generator: FixtureReportGenerator) {
  @Global()
  @Module({ providers: [{ provide: REPORT_STORE, useValue: store }, { provide: REPORT_GENERATOR, useValue: generator }], exports: [REPORT_STORE, REPORT_GENERATOR] })
  class InTestReportsModule {}
  return InTestReportsModule;
}

async function startScheduler(t: TestDatabase, store: InMemoryReportStore, generator: FixtureReportGenerator, schedules = reportSchedulesFrom({})): Promise<{ app: INestApplicationContext; scheduler: ReportSchedulerService }> {
  const app = await NestFactory.createApplicationContext(ReportSchedulingModule.forDatabase(t.db, { schedules, now: () => NOW }, reportsModule(store, generator)), { logger: false });
  await app.init();
  const scheduler = app.get(ReportSchedulerService);
  await scheduler.catchUp;
  return { app, scheduler };
}

describe('scheduled reports', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
  });
  afterAll(() => t.drop());

  it('catches up at start: publishes the missing last week and last month, once', async () => {
    const store = new InMemoryReportStore();
    const generator = new FixtureReportGenerator(store);
    const { app, scheduler } = await startScheduler(t, store, generator);
    try {
      expect(generator.generated.sort()).toEqual(['monthly-2026-02', 'weekly-2026-W09']);
      expect(await scheduler.publishLast('weekly')).toBeNull();
      expect(generator.generated).toHaveLength(2);
    } finally {
      await app.close();
    }
  });

  it('publishes nothing at start when the reports are stored; "off" schedules nothing', async () => {
    const store = new InMemoryReportStore();
    const earlier = new FixtureReportGenerator(store);
    await earlier.generate(parsePeriod('weekly', '2026-W09'));
    const generator = new FixtureReportGenerator(store);
    const { app } = await startScheduler(t, store, generator, reportSchedulesFrom({ NURTURE_MONTHLY_REPORT_SCHEDULE: 'off' }));
    try {
      expect(generator.generated).toEqual([]);
      expect([...store.reports.keys()]).toEqual(['weekly-2026-W09']);
    } finally {
      await app.close();
    }
  });

  it('refuses a bad cron expression, naming the variable', () => {
    expect(() => reportSchedulesFrom({ NURTURE_WEEKLY_REPORT_SCHEDULE: 'mondays at nine' })).toThrow(
      /^NURTURE_WEEKLY_REPORT_SCHEDULE: must be a cron expression \(UTC\) such as "0 9 \* \* 1", or "off"; got "mondays at nine"/,
    );
    expect(() => reportSchedulesFrom({ NURTURE_MONTHLY_REPORT_SCHEDULE: '0 9 32 * *' })).toThrow(/^NURTURE_MONTHLY_REPORT_SCHEDULE: /);
    expect(reportSchedulesFrom({})).toEqual({ weekly: '0 9 * * 1', monthly: '0 9 1 * *' });
  });
});

describeWithServer(`two instances on one PostgreSQL (skipped on embedded: ${SKIP_REASON_ONE_SESSION})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
  });
  afterAll(() => t.drop());

  it('starting together, they publish each missing report once', async () => {
    const store = new InMemoryReportStore();
    const generator = new FixtureReportGenerator(store, { delayMs: 300 });
    // Two instances: two Nest contexts on two pools of the same database; only the store and generator are shared.
    const second = await openServerDatabase({ url: t.url!, poolSize: 4 });
    try {
      const instances = await Promise.all([startScheduler(t, store, generator), startScheduler({ ...t, db: second }, store, generator)]);
      expect(generator.generated.sort()).toEqual(['monthly-2026-02', 'weekly-2026-W09']);
      await Promise.all(instances.map((i) => i.app.close()));
    } finally {
      await second.close();
    }
  });
});
