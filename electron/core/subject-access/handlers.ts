import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { subjectAccessReport } from './report';
import { subjectAccessFile } from './spreadsheet';

/** Subject access: the office's alone (a laptop holds a few days of anyone, and is refused in plain words). */
export function subjectAccessHandlers(ctx: CoreContext): HandlerGroup<'subjectAccess'> {
  return {
    'subjectAccess.report': ({ personId }) => subjectAccessReport(ctx, personId),
    async 'subjectAccess.spreadsheet'({ personId }) {
      return subjectAccessFile(await subjectAccessReport(ctx, personId), ctx.clock());
    },
  };
}
