import { ReportChoice, type SavedReport } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { SavedReportsTable } from '../../db/schema';
import { localDate, type CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { runReport } from '../reports/run';
import { thisDevice } from '../sync/device-keys';
import { write } from '../write';
import { nextChoice, periodLabelOn, type Choice } from './next-choice';

const STALE =
  'Delete this saved report and save the choices again: what it saved no longer fits a report this version of Fieldbook can run.';

/** The stored choices, checked again: a row written by an older version, or edited by hand, must not reach a report half-valid. */
function storedChoice(row: SavedReportsTable): Choice | null {
  try {
    const parsed = ReportChoice.safeParse(JSON.parse(row.choice));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toSaved(ctx: CoreContext, row: SavedReportsTable): SavedReport {
  const choice = storedChoice(row);
  return {
    id: row.id,
    name: row.name,
    choice,
    problem: choice ? null : STALE,
    periodLabel: choice ? periodLabelOn(ctx, choice, localDate(ctx.clock())) : null,
    savedAt: row.saved_at,
  };
}

async function savedRow(ctx: CoreContext, id: string): Promise<SavedReportsTable> {
  const row = await ctx.db.selectFrom('saved_reports').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose one from the list of saved reports: that one could not be found.');
  return row;
}

function refuseTakenName(ctx: CoreContext, name: string): void {
  const taken = ctx.sqlite
    .prepare('SELECT name FROM saved_reports WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE')
    .pluck()
    .get(name) as string | undefined;
  if (taken !== undefined) {
    const message = `Choose another name: there is already a saved report called "${taken}".`;
    throw new FieldbookError('INVALID_INPUT', message, { name: message });
  }
}

/** Saved reports, at the office only: the reports they run are the office's. */
export function savedReportHandlers(ctx: CoreContext): HandlerGroup<'savedReports'> {
  return {
    async 'savedReports.list'() {
      await thisDevice(ctx, 'office');
      const rows = await ctx.db
        .selectFrom('saved_reports')
        .selectAll()
        .where('deleted_at', 'is', null)
        .orderBy(({ fn }) => fn('lower', ['name']))
        .execute();
      return rows.map((row) => toSaved(ctx, row));
    },

    async 'savedReports.save'({ name, choice }) {
      await thisDevice(ctx, 'office');
      // Run once first: choices that cannot run (a backwards span, a contract that is not there) are refused in the report's own words.
      await runReport(ctx, choice);
      refuseTakenName(ctx, name);
      const id = await write(ctx, async (scope) => {
        const id = scope.newId();
        await scope.insert('saved_reports', { id, name, choice: JSON.stringify(choice), saved_at: ctx.clock().toISOString(), deleted_at: null });
        return id;
      });
      return toSaved(ctx, await savedRow(ctx, id));
    },

    async 'savedReports.runNext'({ id }) {
      await thisDevice(ctx, 'office');
      const row = await savedRow(ctx, id);
      const choice = storedChoice(row);
      if (!choice) throw new FieldbookError('INVALID_INPUT', STALE);
      const next = nextChoice(ctx, choice);
      // The report runs before the saved choices move on, so a period that cannot run leaves them as they were.
      const report = await runReport(ctx, next);
      await write(ctx, (scope) => scope.update('saved_reports', id, { choice: JSON.stringify(next) }));
      return { saved: toSaved(ctx, await savedRow(ctx, id)), report };
    },

    async 'savedReports.delete'({ id }) {
      await thisDevice(ctx, 'office');
      await savedRow(ctx, id);
      await write(ctx, (scope) => scope.update('saved_reports', id, { deleted_at: ctx.clock().toISOString() }));
      return { id };
    },
  };
}
