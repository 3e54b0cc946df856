import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';
import { FieldbookError } from '../../shared/errors';
import type { Dispatch } from '../dispatch/dispatcher';

export type Call = <N extends ProcedureName>(name: N, input: ProcedureInput<N>) => Promise<ProcedureOutput<N>>;

/**
 * A typed caller over the dispatcher that turns a refused call back into a
 * FieldbookError, so a script can read top to bottom and stop at the first
 * problem with the same plain-words message the UI would show.
 */
export function callerFor(dispatch: Dispatch): Call {
  return async (name, input) => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new FieldbookError(result.error.code, result.error.message, result.error.fields);
    // The dispatcher has already checked the value against the procedure's output schema.
    return result.value as ProcedureOutput<typeof name>;
  };
}
