// OpenAPI decorators shared by the controllers: the API key and the error answers.
import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard.js';
import { ErrorResponseDto } from './error-response.dto.js';

const ERRORS: Record<number, string> = {
  400: 'Malformed JSON, a wrong type, a missing or unknown field (the message names it).',
  401: 'Missing or wrong API key, or no API keys configured (NURTURE_API_KEYS).',
  404: 'The addressed resource does not exist.',
  409: 'Conflict: stale expected_revision, a transition the current status does not allow, or a duplicate.',
  422: 'A value the rules do not accept; `field` names it.',
};

/** Documents error answers with their shared body. */
export const ApiErrors = (...statuses: number[]): MethodDecorator & ClassDecorator =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: ERRORS[status], type: ErrorResponseDto })));

/** Requires `Authorization: Bearer <key>` (a key of NURTURE_API_KEYS). */
export const ApiKeyProtected = (): ClassDecorator & MethodDecorator =>
  applyDecorators(UseGuards(ApiKeyGuard), ApiBearerAuth(), ApiErrors(401));
