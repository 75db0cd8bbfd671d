// A report's HTML page opens with a signed link (report-links.ts: what a Slack summary carries), or
// else with a read key like every query.
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { REPORT_LINKS, type ReportLinksSource } from '../../reports/report-links.provider.js';
import { ApiKeyGuard } from '../auth/api-key.guard.js';

@Injectable()
export class ReportPageGuard implements CanActivate {
  constructor(
    @Inject(REPORT_LINKS) private readonly links: ReportLinksSource,
    private readonly apiKeys: ApiKeyGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const { expires, signature } = request.query;
    if (expires !== undefined || signature !== undefined) {
      const id = String(request.params.id ?? '');
      if ((await this.links()).verify(id, expires, signature)) return true;
    }
    return this.apiKeys.canActivate(context);
  }
}
