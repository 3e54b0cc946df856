import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/contract';
import type { FieldbookErrorPayload } from '../../../shared/errors';
import { bridge } from './transport';

/** A failed call, carrying the plain-words message and per-field messages to show. */
export class ApiError extends Error {
  readonly code: FieldbookErrorPayload['code'];
  readonly fields: Record<string, string>;
  /** CHANGED_SINCE_OPENED: the record as it is now, with its newer version. */
  readonly current?: Record<string, unknown>;

  constructor(payload: FieldbookErrorPayload) {
    super(payload.message);
    this.code = payload.code;
    this.fields = payload.fields ?? {};
    if (payload.current) this.current = payload.current;
  }
}

/** Calls a declared procedure; the name and input are checked against the contract at compile time. */
export async function call<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>> {
  const result = await bridge.invoke(name, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as ProcedureOutput<N>;
}

export const onAppEvent = bridge.on;
