import type { ParsedInput, ProcedureName, ProcedureOutput } from '../../shared/contract';

/** The core's implementation of one procedure: validated input in, plain data out. */
export type Handler<N extends ProcedureName> = (input: ParsedInput<N>) => Promise<ProcedureOutput<N>>;

export type Handlers = { [N in ProcedureName]: Handler<N> };

/** The handlers of one domain, e.g. every `courses.*` procedure. */
export type HandlerGroup<Prefix extends string> = {
  [N in ProcedureName as N extends `${Prefix}.${string}` ? N : never]: Handler<N>;
};
