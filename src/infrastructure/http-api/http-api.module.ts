// Commands and queries over HTTP, behind an API key (NURTURE_API_KEYS). Handlers of the use cases
// that only the API serves live here; the sequence commands and the lead history come from the
// global NurturingModule.
import { Module } from '@nestjs/common';
import { EnrollLeadHandler } from '../../application/enrollment/enroll-lead/enroll-lead.handler.js';
import { SaveTemplateHandler } from '../../application/enrollment/save-template/save-template.handler.js';
import { GetConversionMetricsHandler } from '../../application/queries/conversion-metrics/get-conversion-metrics.handler.js';
import { GetSequenceHandler } from '../../application/queries/get-sequence/get-sequence.handler.js';
import { ListSequencesHandler } from '../../application/queries/list-sequences/list-sequences.handler.js';
import { ListTemplatesHandler } from '../../application/queries/list-templates/list-templates.handler.js';
import { GetRunHandler } from '../../application/queries/runs/get-run.handler.js';
import { ListRunsHandler } from '../../application/queries/runs/list-runs.handler.js';
import { GetReportFileHandler, GetReportHandler, ListReportsHandler } from '../../application/queries/reports/report.handlers.js';
import { ListUnmatchedEventsHandler } from '../../application/queries/unmatched-events/list-unmatched-events.handler.js';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { LeadHistoryController } from './leads/lead-history.http.controller.js';
import { ConversionMetricsController } from './conversion-metrics/conversion-metrics.http.controller.js';
import { ReportsModule } from '../reports/reports.module.js';
import { ReportPageController, ReportsController } from './reports/reports.http.controller.js';
import { ReportPageGuard } from './reports/report-page.guard.js';
import { RunsController } from './runs/runs.http.controller.js';
import { TriggerRunController } from './runs/trigger-run.http.controller.js';
import { EnrollLeadController } from './sequences/enroll-lead.http.controller.js';
import { RecordEngagementController } from './sequences/record-engagement.http.controller.js';
import { SequenceCommands } from './sequences/sequence-commands.service.js';
import { SequenceLifecycleController } from './sequences/sequence-lifecycle.http.controller.js';
import { SequenceQueriesController } from './sequences/sequence-queries.http.controller.js';
import { READ_SIDE_PROVIDERS } from '../read-side/read-side.providers.js';
import { SuppressionsController } from './suppressions/suppressions.http.controller.js';
import { TemplatesController } from './templates/templates.http.controller.js';
import { UnmatchedEventsController } from './unmatched/unmatched-events.http.controller.js';

@Module({
  imports: [ReportsModule],
  controllers: [
    EnrollLeadController,
    SequenceLifecycleController,
    RecordEngagementController,
    TriggerRunController,
    SequenceQueriesController,
    ConversionMetricsController,
    TemplatesController,
    RunsController,
    LeadHistoryController,
    UnmatchedEventsController,
    SuppressionsController,
    ReportsController,
    ReportPageController,
  ],
  providers: [
    ApiKeyGuard,
    ReportPageGuard,
    SequenceCommands,
    ...READ_SIDE_PROVIDERS,
    EnrollLeadHandler,
    SaveTemplateHandler,
    ListSequencesHandler,
    GetSequenceHandler,
    GetConversionMetricsHandler,
    ListTemplatesHandler,
    ListRunsHandler,
    GetRunHandler,
    ListUnmatchedEventsHandler,
    ListReportsHandler,
    GetReportHandler,
    GetReportFileHandler,
  ],
})
export class HttpApiModule {}
