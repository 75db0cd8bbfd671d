import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ValidationError } from '../../../domain/shared/errors.js';
import { tooLong } from '../../../domain/shared/input-limits.js';

/** A text path parameter (`:extId`) of at most `max` characters: 422 naming it otherwise. */
export const BoundedParam = createParamDecorator(([name, max]: [string, number], context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<Request>().params[name];
  const text = typeof value === 'string' ? value : '';
  if (text.length > max) throw new ValidationError(name, tooLong(max));
  return text;
});
