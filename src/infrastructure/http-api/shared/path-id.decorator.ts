import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** A path parameter that must be a positive integer (sequence or template id): 400 naming it
 * otherwise. (A custom decorator, so the global pipe's lenient `+value` never sees it.) */
export const PathId = createParamDecorator((name: string, context: ExecutionContext): number => {
  const value = context.switchToHttp().getRequest<Request>().params[name];
  const id = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new BadRequestException({ message: `${name} must be a positive integer, got ${JSON.stringify(value)}`, field: name });
  }
  return id;
});
