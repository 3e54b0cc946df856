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

export const DEMO_DEVICE_NAME = 'Central office (demo)';

/**
 * Demo data is catalogue data, which the central office keeps. A folder that
 * is already set up (as the office or as a laptop) is used as it is.
 */
export async function ensureDeviceSetUp(call: Call): Promise<{ name: string; setUpNow: boolean }> {
  const { device } = await call('device.status', {});
  if (device) return { name: device.name, setUpNow: false };
  const created = await call('device.setUp', { role: 'office', name: DEMO_DEVICE_NAME });
  return { name: created.name, setUpNow: true };
}
