import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { thisDevice } from '../sync/device-keys';
import { reportFile } from './files';
import { facilitatorNamesByKey } from './facts/facilitator-key';
import { runReport } from './run';

function listed(ctx: CoreContext, sql: string): { id: string; name: string }[] {
  return ctx.sqlite.prepare(sql).all() as { id: string; name: string }[];
}

export function reportHandlers(ctx: CoreContext): HandlerGroup<'reports'> {
  return {
    async 'reports.options'() {
      // A laptop reports on its own sessions too (run.ts); its lists are what it holds.
      await thisDevice(ctx);
      // One entry per facilitator, however their name was typed on each session (facts/facilitator-key.ts).
      const facilitators = [...facilitatorNamesByKey(ctx.sqlite).values()].sort(new Intl.Collator('en-GB', { sensitivity: 'base' }).compare);
      return {
        contracts: ctx.sqlite.prepare('SELECT id, name, year_starts AS yearStarts FROM contracts ORDER BY name COLLATE NOCASE').all() as {
          id: string;
          name: string;
          yearStarts: string;
        }[],
        courses: listed(ctx, 'SELECT id, title AS name FROM courses ORDER BY title COLLATE NOCASE'),
        organisations: listed(ctx, 'SELECT id, name FROM organisations WHERE merged_into IS NULL ORDER BY name COLLATE NOCASE'),
        venues: listed(ctx, 'SELECT id, name FROM venues ORDER BY name COLLATE NOCASE'),
        facilitators,
        schemes: listed(ctx, 'SELECT id, name FROM membership_schemes ORDER BY name COLLATE NOCASE'),
      };
    },
    'reports.run': (choice) => runReport(ctx, choice),
    'reports.export': async ({ choice, format }) => reportFile(await runReport(ctx, choice), format, ctx.clock()),
  };
}
