import { procedures, type ProcedureName } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import type { Handlers } from '../handler-types';

/**
 * While the laptop is a kiosk, a participant must not reach the roster, other
 * people's details or the catalogue, whatever the screen shows: every
 * procedure not marked for kiosk use is refused here, in the core, until the
 * facilitator leaves kiosk mode with the PIN.
 */
export function lockedWhileKioskIsOpen(ctx: CoreContext, handlers: Handlers): Handlers {
  const guarded = { ...handlers } as Record<ProcedureName, (input: unknown) => Promise<unknown>>;
  for (const name of Object.keys(procedures) as ProcedureName[]) {
    if ('access' in procedures[name] && procedures[name].access === 'kiosk') continue;
    const handler = guarded[name];
    guarded[name] = async (input) => {
      if (ctx.kioskSessionId()) {
        throw new FieldbookError('KIOSK_LOCKED', 'Leave kiosk mode with the PIN first: the laptop is in kiosk mode.');
      }
      return handler(input);
    };
  }
  return guarded as Handlers;
}
