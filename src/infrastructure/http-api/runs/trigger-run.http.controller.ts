import { Body, ConflictException, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NurturingRunner } from '../../../application/pipeline/nurturing-runner.js';
import { requireInstant } from '../../../application/queries/shared/input-checks.js';
import { loadRunParameters } from '../../config/load-run-parameters.js';
import { type NurturingModuleOptions, PARAMETER_SOURCES } from '../../nest/nurturing.module.js';
import { ApiErrors, ApiKeyProtected } from '../shared/openapi.js';
import { RunReportDto, runReportDto } from './run-report.response.dto.js';
import { TriggerRunRequestDto } from './trigger-run.request.dto.js';

@ApiTags('commands')
@ApiKeyProtected()
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
    description: 'Answers when the run ends, with its report (also stored: GET /runs/{id}). One run at a time: 409 while another holds the lock.',
  })
  @ApiOkResponse({ type: RunReportDto })
  @ApiErrors(400, 409, 422)
  async trigger(@Body() body: TriggerRunRequestDto): Promise<RunReportDto> {
    const now = body.now == null ? undefined : requireInstant(body.now, 'now');
    const params = loadRunParameters({ env: process.env, configFile: this.sources.configFile, overrides: body.parameters ?? {} });
    const report = await this.runner.run({ params, now });
    if (report.status === 'skipped') throw new ConflictException(`another run holds the lock; run ${report.runId} did not start`);
    return runReportDto(report);
  }
}
