// RFC 8058 one-click unsubscribe: POST to the link unsubscribes (no cookies, no auth, no
// redirect); GET shows a confirmation page whose button makes that POST.
import { Controller, Get, Header, HttpCode, Inject, NotFoundException, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EngagementIngestion } from '../../application/engagement/engagement-ingestion.js';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { loadUnsubscribeTokens } from '../unsubscribe/load-unsubscribe-tokens.js';
import type { UnsubscribeTokens } from '../unsubscribe/unsubscribe-tokens.js';
import { PublicRateLimit } from './rate-limit.js';
import { confirmationPage, donePage } from './unsubscribe-pages.js';
import { WebhookMetrics } from './webhook-metrics.js';

@ApiExcludeController()
@Controller('unsubscribe')
@UseGuards(PublicRateLimit)
export class UnsubscribeController {
  private tokens: Promise<UnsubscribeTokens> | undefined;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly ingestion: EngagementIngestion,
    private readonly metrics: WebhookMetrics,
  ) {}

  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async confirm(@Param('token') token: string): Promise<string> {
    await this.sequenceOf(token);
    return confirmationPage();
  }

  @Post(':token')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async unsubscribe(@Param('token') token: string): Promise<string> {
    const sequenceId = await this.sequenceOf(token);
    const now = new Date().toISOString();
    const result = await this.ingestion.ingest({
      reports: [{ source: 'unsubscribe', providerEventId: `sequence-${sequenceId}`, type: 'unsubscribed', occurredAt: now, sequenceId }],
      metadata: { via: 'one-click unsubscribe' },
    });
    this.metrics.countOutcomes('unsubscribe', result);
    return donePage();
  }

  private async sequenceOf(token: string): Promise<number> {
    this.tokens ??= loadUnsubscribeTokens(this.db.pool);
    const sequenceId = (await this.tokens).verify(token);
    if (sequenceId === null) throw new NotFoundException('this unsubscribe link is not valid');
    return sequenceId;
  }
}
