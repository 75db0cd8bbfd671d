import { Body, ConflictException, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NurturingRunner } from '../../../application/pipeline/nurturing-runner.js';
import { requireInstant } from '../../../application/queries/shared/input-checks.js';
import { loadRunParameters } from '../../config/load-run-parameters.js';
import { type NurturingModuleOptions, PARAMETER_SOURCES } from '../../nest/nurturing.module.js';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';
import { RunReportDto, runReportDto } from './run-report.response.dto.js';
import { ALLOWED_HOSTS_ENV, requireOverrideScope, requireSafeOverrides } from './run-override-policy.js';
import { TriggerRunRequestDto } from './trigger-run.request.dto.js';

@ApiTags('commands')
@ApiKeyProtected('write')
@Controller('runs')
export class TriggerRunController {
  constructor(
    private readonly runner: NurturingRunner,
    @Inject(PARAMETER_SOURCES) private readonly sources: NurturingModuleOptions,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the nurturing pipeline once, now, with per-run parameters',
    description:
      'Answers when the run ends, with its report (also stored: GET /runs/{id}). One run at a time: 409 while another holds the lock. ' +
      `Overriding email_webhook_url, engagement_api_url, slack_webhook_url or now needs an admin key (403 otherwise); an overriding URL must name a host of ${ALLOWED_HOSTS_ENV} and a real run's now cannot be in the future (422).`,
  })
  @ApiOkResponse({ type: RunReportDto })
  @ApiErrors(400, 409, 422)
  async trigger(@Body() body: TriggerRunRequestDto, @Req() request: AuthenticatedRequest): Promise<RunReportDto> {
    const overrides = { parameters: body.parameters ?? {}, now: body.now == null ? undefined : requireInstant(body.now, 'now') };
    requireOverrideScope(overrides, request.apiKeyScope ?? 'read');
    const params = loadRunParameters({ env: process.env, configFile: this.sources.configFile, overrides: overrides.parameters });
    requireSafeOverrides(overrides, params, process.env);
    const report = await this.runner.run({ params, now: overrides.now });
    if (report.status === 'skipped') throw new ConflictException(`another run holds the lock; run ${report.runId} did not start`);
    return runReportDto(report);
  }
}
