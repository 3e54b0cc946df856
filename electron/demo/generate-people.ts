import type { Core } from '../core';
import type { CoreContext } from '../core/deps';
import { write } from '../core/write';
import { calendarDay } from './calendar';
import { demoOrganisations } from './catalogue-data';
import { seededRandom } from './random';
import { randomPerson, type EmployerForPeople } from './random-person';

export interface GenerateOptions {
  /** Defaults to the real clock; the change log stamps every row with it. */
  clock?: () => Date;
  newId?: () => string;
  /** People per transaction; see below. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The core's own context, with the generator's clock and ids when given. */
function contextFor(core: Pick<Core, 'context'>, options: GenerateOptions): CoreContext {
  return {
    ...core.context,
    clock: options.clock ?? core.context.clock,
    newId: options.newId ?? core.context.newId,
  };
}

/** Staff of organisations already in the database; demo ones keep their email domain and scheme membership. */
async function employersIn(ctx: CoreContext): Promise<EmployerForPeople[]> {
  const known = new Map(demoOrganisations.map((organisation) => [organisation.name, organisation]));
  const rows = await ctx.db.selectFrom('organisations').select(['id', 'name']).orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    emailDomain: known.get(row.name)?.emailDomain ?? 'work.example',
    membershipPartner: known.get(row.name)?.membershipPartner ?? false,
  }));
}

/**
 * Adds `count` generated people for benchmarks, through the same write()
 * scope as the app, so every row has its change-log entry and clock stamp
 * exactly like a person typed in. Rows go in batches: one transaction per
 * batch keeps the fsync cost per row tiny, while a batch stays small enough
 * that the app reading the same file is never locked out for long.
 * Returns how many people were added.
 */
export async function generatePeople(
  core: Pick<Core, 'context'>,
  count: number,
  seed: number,
  options: GenerateOptions = {},
): Promise<number> {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number, 0 or more.');
  const ctx = contextFor(core, options);
  const random = seededRandom(seed);
  const today = calendarDay(ctx.clock());
  const employers = await employersIn(ctx);
  const batchSize = options.batchSize ?? 10_000;

  let done = 0;
  while (done < count) {
    const size = Math.min(batchSize, count - done);
    await write(ctx, async (scope) => {
      for (let index = 0; index < size; index += 1) {
        const person = randomPerson(random, employers, today);
        await scope.insert('people', {
          id: scope.newId(),
          given_name: person.givenName,
          family_name: person.familyName,
          preferred_name: person.preferredName,
          email: person.email,
          phone: person.phone,
          organisation_id: person.organisationId,
          membership_joined_on: person.membershipJoinedOn,
        });
      }
    });
    done += size;
    options.onProgress?.(done, count);
  }
  return done;
}
