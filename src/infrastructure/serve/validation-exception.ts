// class-validator's errors as one HTTP error, naming the first bad field (`field`) besides every
// message: 400 when a field is malformed (wrong type, unknown field), 422 when every problem is a
// well-formed value over its size bound (the bound is a rule about the value, like the domain's).
import { BadRequestException, type HttpException, UnprocessableEntityException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

const SIZE_CONSTRAINTS = new Set(['maxLength', 'arrayMaxSize']);

const isOversizeOnly = (e: ValidationError): boolean => {
  const names = Object.keys(e.constraints ?? {});
  return names.length > 0 && names.every((name) => SIZE_CONSTRAINTS.has(name)) && !e.children?.length;
};

export function validationException(errors: ValidationError[]): HttpException {
  const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}).concat(e.children?.length ? [`${e.property} is invalid`] : []));
  const malformed = errors.find((e) => !isOversizeOnly(e));
  if (malformed === undefined && errors.length > 0) return new UnprocessableEntityException({ message: messages, field: errors[0]!.property });
  return new BadRequestException({ message: messages, field: (malformed ?? errors[0])?.property });
}
