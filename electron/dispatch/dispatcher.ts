import { isProcedureName, procedures } from '../../shared/contract';
import { FieldbookError, type CallResult } from '../../shared/errors';
import { parseOrThrow } from '../../shared/validation';
import type { Handlers } from '../core/handler-types';

export type Dispatch = (name: unknown, input: unknown) => Promise<CallResult<unknown>>;

export type ErrorLogger = (message: string, error: unknown) => void;

const defaultLogger: ErrorLogger = (message, error) => console.error(message, error);

/**
 * The one place a call from any transport is checked: the name must be a
 * declared procedure, the input must match its schema, and the output must
 * match too. Every failure becomes a typed error value with plain words.
 */
export function createDispatcher(handlers: Handlers, logError: ErrorLogger = defaultLogger): Dispatch {
  return async (name, input) => {
    if (!isProcedureName(name)) {
      return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: 'Fieldbook does not know how to do that.' } };
    }
    const definition = procedures[name];
    try {
      const parsed = parseOrThrow(definition.input, input);
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const result = await handler(parsed);
      const output = definition.output.safeParse(result);
      if (!output.success) {
        logError(`Output of ${name} did not match its contract`, output.error);
        return { ok: false, error: internalError() };
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof FieldbookError) return { ok: false, error: error.toPayload() };
      logError(`Unexpected failure in ${name}`, error);
      return { ok: false, error: internalError() };
    }
  };
}

function internalError() {
  return {
    code: 'INTERNAL' as const,
    message: 'Something went wrong and nothing was saved. Please try again; if it keeps happening, tell the central office.',
  };
}
