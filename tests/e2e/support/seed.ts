import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/contract';
import { createDispatcher } from '../../../electron/dispatch/dispatcher';
import type { AppUnderTest } from './harness';

export type Seed = <N extends ProcedureName>(name: N, input: ProcedureInput<N>) => Promise<ProcedureOutput<N>>;

/** Seeds through the dispatcher, so inputs get the contract's defaults and checks as the UI's calls do. */
export function seeder(app: AppUnderTest): Seed {
  const dispatch = createDispatcher(app.core.handlers);
  return async (name, input) => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as never;
  };
}
