import { MaxLength } from 'class-validator';
import { tooLong } from '../../../domain/shared/input-limits.js';

/** A string field of at most `max` characters: over it, 422 naming the field (see
 * serve/validation-exception.ts), in the same words as the domain's own bounds. */
export const Bounded = (max: number): PropertyDecorator => MaxLength(max, { message: (args) => `${args.property} ${tooLong(max)}` });
