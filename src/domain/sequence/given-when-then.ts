// Test helper: given these past events, when this command, then exactly these new events (or this error).
import { expect } from '@jest/globals';
import type { SequenceCommand } from './commands.js';
import { decide } from './decide.js';
import type { SequenceEvent } from './events.js';
import { replay } from './state.js';

type ErrorClass = abstract new (...args: never[]) => Error;

export function given(events: readonly SequenceEvent[]) {
  return {
    when(command: SequenceCommand) {
      return {
        then(expected: readonly SequenceEvent[] | ErrorClass): void {
          const state = replay(events);
          if (Array.isArray(expected)) expect(decide(command, state)).toEqual(expected);
          else expect(() => decide(command, state)).toThrow(expected as ErrorClass);
        },
      };
    },
  };
}
