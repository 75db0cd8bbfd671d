// A verified webhook whose body we cannot read: answer 400 when it is not even JSON (`malformed`),
// 422 when its JSON does not say what it must. `field` is the path of the
// offending value (`[2].event_type`, `event-data.message.headers`); the message never repeats the
// body's content. A `ValidationError`, so the HTTP layer maps it like every other bad input.
import { ValidationError } from '../../../domain/shared/errors.js';

export class WebhookPayloadError extends ValidationError {
  constructor(
    field: string,
    readonly problem: string,
    readonly malformed = false,
  ) {
    super(field, problem);
  }
}
