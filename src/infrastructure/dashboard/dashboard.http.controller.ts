// GET /dashboard (the page), /dashboard/data (its snapshot), /dashboard/events (its change stream)
// and /dashboard/assets/* (its scripts, from this service: no CDN). All but the assets need a session.
import { createRequire } from 'node:module';
import { Controller, Get, Headers, HttpStatus, Req, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { GetDashboardSnapshotQuery } from '../../application/queries/dashboard/dashboard.queries.js';
import type { DashboardView } from '../../application/queries/dashboard/dashboard.queries.js';
import { type DashboardCharts, dashboardCharts } from './dashboard-charts.js';
import { dashboardLang } from './dashboard-labels.js';
import { dashboardPage } from './dashboard-pages.js';
import { DASHBOARD_SCRIPT } from './dashboard-script.js';
import { DashboardSessionGuard, type SignedInRequest } from './dashboard-session.guard.js';
import { DashboardSessions } from './dashboard-sessions.js';
import { DashboardStreams } from './dashboard-streams.js';
import { PAGE_HEADERS } from './sign-in.http.controller.js';

const ECHARTS_BUNDLE = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
const SCRIPT_HEADERS = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff' };

@ApiExcludeController()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly queries: QueryBus,
    private readonly sessions: DashboardSessions,
    private readonly streams: DashboardStreams,
  ) {}

  @Get()
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const lang = dashboardLang(request.query.lang, request.headers['accept-language']);
    if (!(await this.sessions.sessionOf(request))) return response.redirect(HttpStatus.SEE_OTHER, `/dashboard/sign-in?lang=${lang}`);
    response.status(HttpStatus.OK).set(PAGE_HEADERS).send(dashboardPage(lang));
  }

  @Get('data')
  @UseGuards(DashboardSessionGuard)
  async data(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<DashboardView & { charts: DashboardCharts }> {
    response.set('Cache-Control', 'no-store');
    const view = await this.queries.execute(new GetDashboardSnapshotQuery());
    return { ...view, charts: dashboardCharts(view, dashboardLang(request.query.lang, request.headers['accept-language'])) };
  }

  @Get('events')
  @UseGuards(DashboardSessionGuard)
  events(@Req() request: Request, @Res() response: Response, @Headers('last-event-id') lastEventId?: string): void {
    this.streams.open(request, response, (request as SignedInRequest).dashboardSession, lastEventId);
  }

  @Get('assets/echarts.min.js')
  echarts(@Res() response: Response): void {
    response.set(SCRIPT_HEADERS).sendFile(ECHARTS_BUNDLE);
  }

  @Get('assets/dashboard.js')
  script(@Res() response: Response): void {
    response.status(HttpStatus.OK).set(SCRIPT_HEADERS).send(DASHBOARD_SCRIPT);
  }
}
