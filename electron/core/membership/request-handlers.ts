import { FieldbookError } from '../../../shared/errors';
import { localDate, type CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { thisDevice } from '../sync/device-keys';
import { write } from '../write';
import { officeOnly } from './office-only';
import { confirmRequest, declineRequest, getRequest, listRequests, recordRequest, sessionMembership } from './requests';

/** The roster's membership lines, and "wants to join" from the laptop's roster to the office's Membership screens. */
export function membershipRequestHandlers(ctx: CoreContext): HandlerGroup<'memberLines' | 'memberRequests'> {
  const today = () => localDate(ctx.clock());
  return {
    async 'memberLines.forSession'({ sessionId }) {
      const device = await thisDevice(ctx);
      return sessionMembership(ctx.db, device.role, sessionId, today());
    },

    async 'memberRequests.record'(input) {
      const device = await thisDevice(ctx);
      if (device.role !== 'laptop') {
        throw new FieldbookError('WRONG_DEVICE_ROLE', 'Add them as a member on the Membership screens: requests to join are recorded on a facilitator’s laptop.');
      }
      await write(ctx, (scope) => recordRequest(scope, input, ctx.clock()));
      return sessionMembership(ctx.db, device.role, input.sessionId, today());
    },

    async 'memberRequests.list'({ status }) {
      await officeOnly(ctx);
      return listRequests(ctx.db, status);
    },

    async 'memberRequests.confirm'(input) {
      await officeOnly(ctx);
      await write(ctx, (scope) => confirmRequest(scope, input, today(), ctx.clock()));
      return getRequest(ctx.db, input.id);
    },

    async 'memberRequests.decline'(input) {
      await officeOnly(ctx);
      await write(ctx, (scope) => declineRequest(scope, input, ctx.clock()));
      return getRequest(ctx.db, input.id);
    },
  };
}
