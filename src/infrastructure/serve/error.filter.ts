// Maps every error to one HTTP answer, once: typed domain/application errors to their status,
// Nest's HTTP errors as they are, anything else to 500 without internals.
import { STATUS_CODES } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { InvalidParameterError } from '../../application/pipeline/run-parameters.js';
import { ConcurrencyError } from '../../application/ports/event-store.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../../domain/shared/errors.js';
import { WebhookAuthError, WebhookPayloadError } from '../webhooks/providers/index.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  field?: string;
  /** Every field error, where there are several (templates). */
  errors?: unknown[];
}

export function toHttpError(error: unknown): ErrorBody {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const body = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
    return {
      statusCode: error.getStatus(),
      error: STATUS_CODES[error.getStatus()] ?? 'Error',
      message: (body.message as string | string[]) ?? error.message,
      ...(body.field ? { field: String(body.field) } : {}),
      ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
    };
  }
  if (error instanceof WebhookAuthError) return { statusCode: 401, error: 'Unauthorized', message: `webhook rejected: ${error.reason}` };
  if (error instanceof WebhookPayloadError && error.malformed) return { statusCode: 400, error: 'Bad Request', message: error.message, field: error.field };
  if (error instanceof ValidationError) return { statusCode: 422, error: 'Unprocessable Entity', message: error.message, field: error.field };
  if (error instanceof InvalidParameterError) return { statusCode: 422, error: 'Unprocessable Entity', message: error.message, field: error.parameter };
  if (error instanceof ConcurrencyError) return { statusCode: 409, error: 'Conflict', message: error.message };
  if (error instanceof InvalidStateError) return { statusCode: 409, error: 'Conflict', message: error.message };
  if (error instanceof NotFoundError) return { statusCode: 404, error: 'Not Found', message: error.message };
  const status = (error as { status?: number; statusCode?: number; type?: string }).status;
  if (status === 413) return { statusCode: 413, error: 'Payload Too Large', message: 'request body is larger than the limit' };
  if (status === 400 && (error as { type?: string }).type === 'entity.parse.failed') {
    return { statusCode: 400, error: 'Bad Request', message: 'body is not valid JSON' };
  }
  return { statusCode: 500, error: 'Internal Server Error', message: 'internal error' };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const body = toHttpError(error);
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    host.switchToHttp().getResponse<Response>().status(body.statusCode).json(body);
  }
}
