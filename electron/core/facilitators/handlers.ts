import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { write } from '../write';
import { addFacilitator, linkName, listFacilitators, renameFacilitator } from './records';

export function facilitatorHandlers(ctx: CoreContext): HandlerGroup<'facilitators'> {
  return {
    'facilitators.list': async () => listFacilitators(ctx),
    'facilitators.add': ({ name }) => write(ctx, (scope) => addFacilitator(ctx, scope, name)),
    'facilitators.rename': ({ id, name }) => write(ctx, (scope) => renameFacilitator(ctx, scope, id, name)),
    'facilitators.link': ({ name, facilitatorId }) => write(ctx, (scope) => linkName(ctx, scope, name, facilitatorId)),
  };
}
