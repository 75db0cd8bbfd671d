// The HTTP application: body limits (413), raw bodies kept for signature checks, validation of
// every DTO, one error mapping, OpenAPI at /docs. Used by `nurture serve` and by the tests.
import 'reflect-metadata';
import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Database } from '../database/database.js';
import { ErrorFilter } from './error.filter.js';
import { ServeModule } from './serve.module.js';
import { validationException } from './validation-exception.js';
import type { ServeOptions } from './pipeline-scheduler.service.js';

export const BODY_LIMIT = '1mb';

export async function createApp(db: Database, options: ServeOptions, logger: false | ('log' | 'warn' | 'error')[] = ['warn', 'error']): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ServeModule.forDatabase(db, options), { rawBody: true, bodyParser: false, logger, abortOnError: false });
  // Webhooks verify and parse the exact bytes they were sent: their bodies are kept raw, not
  // parsed a second time by the JSON parser.
  const isWebhook = (request: { url?: string }) => request.url?.startsWith('/webhooks/') ?? false;
  const isJson = (request: { headers: Record<string, unknown> }) => /^application\/([\w.+-]+\+)?json\b/i.test(String(request.headers['content-type'] ?? ''));
  app.useBodyParser('raw', { limit: BODY_LIMIT, type: (request: any) => isWebhook(request) && isJson(request) });
  app.useBodyParser('json', { limit: BODY_LIMIT, type: (request: any) => !isWebhook(request) && isJson(request) });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: true });
  app.useBodyParser('text', { limit: BODY_LIMIT, type: ['text/plain'] });
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationException,
    }),
  );
  app.set('trust proxy', 'loopback');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('lead-nurturing')
      .setDescription('Commands, queries and engagement webhooks of the lead nurturing service.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API key from NURTURE_API_KEYS' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
