// OpenAPI decorators shared by the controllers: the API key and its scope, and the error answers.
import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import type { ApiScope } from '../auth/api-keys.js';
import { ApiKeyGuard, RequiresScope } from '../auth/api-key.guard.js';
import { ErrorResponseDto } from './error-response.dto.js';

const ERRORS: Record<number, string> = {
  400: 'Malformed JSON, a wrong type, a missing or unknown field (the message names it).',
  401: 'Missing or wrong API key, or no API keys configured (NURTURE_API_KEYS).',
  403: 'The API key lacks the scope this endpoint needs (the message names it).',
  404: 'The addressed resource does not exist.',
  409: 'Conflict: stale expected_revision, a transition the current status does not allow, or a duplicate.',
  422: 'A value the rules do not accept; `field` names it.',
  429: 'Over the API key\'s rate limit (NURTURE_API_RATE_LIMIT a minute); Retry-After says when to try again.',
};

/** Documents error answers with their shared body. */
export const ApiErrors = (...statuses: number[]): MethodDecorator & ClassDecorator =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: ERRORS[status], type: ErrorResponseDto })));

/** Requires `Authorization: Bearer <key>` (a key of NURTURE_API_KEYS) whose scope includes `scope`. */
export const ApiKeyProtected = (scope: ApiScope): ClassDecorator & MethodDecorator =>
  applyDecorators(UseGuards(ApiKeyGuard), RequiresScope(scope), ApiBearerAuth(), ApiErrors(401, 403, 429));

/** A handler of an `ApiKeyProtected` controller that needs another scope than the controller's. */
export const NeedsScope = (scope: ApiScope): MethodDecorator => applyDecorators(RequiresScope(scope));
