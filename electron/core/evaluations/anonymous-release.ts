import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';
import type { WriteScope } from '../write';
import { SMALL_GROUP } from './summary';

/**
 * Anonymous evaluation answers, and the completions that say who answered,
 * are held on this laptop and written to the shared tables (and so to the
 * change log that travels to the office) only as a batch: at least
 * RELEASE_BATCH for one session, or whatever is held at the end-of-day export.
 * Released one at a time, the log would read completion, answer, completion,
 * answer, and each answer's neighbour would name the person who gave it.
 */

/** The smallest batch a session's held answers are released in before the export: the smallest group whose results are shown. */
export const RELEASE_BATCH = SMALL_GROUP;

type Reader = Kysely<Schema> | Transaction<Schema>;

export interface AnonymousAnswer {
  /** The completion's derived id (session and person), as it will be once released. */
  completionId: string;
  sessionId: string;
  personId: string;
  templateId: string;
  /** JSON text of the answers. */
  answers: string;
  /** The day only: a time would tie the answer to the moment the person was at the kiosk. */
  day: string;
}

/** Holds one anonymous answer and its completion, and releases the session's batch once it is large enough. */
export async function holdAnonymousAnswer(scope: WriteScope, answer: AnonymousAnswer): Promise<void> {
  await scope.trx
    .insertInto('pending_anonymous_completions')
    .values({ id: answer.completionId, session_id: answer.sessionId, person_id: answer.personId, completed_on: answer.day })
    .execute();
  // A random id, not a UUIDv7: that would carry the moment it was made.
  await scope.trx
    .insertInto('pending_anonymous_responses')
    .values({ id: randomUUID(), session_id: answer.sessionId, template_id: answer.templateId, answers: answer.answers, submitted_on: answer.day })
    .execute();
  const { held } = await scope.trx
    .selectFrom('pending_anonymous_responses')
    .select(({ fn }) => fn.countAll<number>().as('held'))
    .where('session_id', '=', answer.sessionId)
    .executeTakeFirstOrThrow();
  if (held >= RELEASE_BATCH) await releaseHeldAnswers(scope, answer.sessionId);
}

function shuffled<T>(items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

/**
 * Writes held completions and answers to the shared tables: every completion
 * first, then every answer, each group in random order, so neither the order
 * nor the clock stamps of the change log pair an answer with a person. One
 * session's batch, or everything held (the export).
 */
export async function releaseHeldAnswers(scope: WriteScope, sessionId?: string): Promise<number> {
  const completions = await scope.trx
    .selectFrom('pending_anonymous_completions')
    .selectAll()
    .$if(sessionId !== undefined, (query) => query.where('session_id', '=', sessionId!))
    .execute();
  const answers = await scope.trx
    .selectFrom('pending_anonymous_responses')
    .selectAll()
    .$if(sessionId !== undefined, (query) => query.where('session_id', '=', sessionId!))
    .execute();
  for (const completion of shuffled(completions)) {
    await scope.insert('evaluation_completions', {
      id: completion.id,
      session_id: completion.session_id,
      person_id: completion.person_id,
      completed_at: completion.completed_on,
    });
  }
  for (const answer of shuffled(answers)) {
    await scope.insert('evaluation_responses', { ...answer, person_id: null, language: null });
  }
  await scope.trx
    .deleteFrom('pending_anonymous_completions')
    .$if(sessionId !== undefined, (query) => query.where('session_id', '=', sessionId!))
    .execute();
  await scope.trx
    .deleteFrom('pending_anonymous_responses')
    .$if(sessionId !== undefined, (query) => query.where('session_id', '=', sessionId!))
    .execute();
  return answers.length;
}

/** Whether anything is held back on this laptop, waiting for a batch or the export. */
export function anythingHeld(sqlite: Database): boolean {
  return sqlite.prepare('SELECT 1 FROM pending_anonymous_completions UNION ALL SELECT 1 FROM pending_anonymous_responses LIMIT 1').get() !== undefined;
}

/** Whether this completion exists, released or still held: someone who answered cannot answer again. */
export async function hasCompleted(db: Reader, completionId: string): Promise<boolean> {
  const found = await db
    .selectFrom('evaluation_completions')
    .select('id')
    .where('id', '=', completionId)
    .unionAll(db.selectFrom('pending_anonymous_completions').select('id').where('id', '=', completionId))
    .executeTakeFirst();
  return found !== undefined;
}

/** Everyone who has answered a session's evaluation, released or still held, for the response rate. */
export async function peopleWhoAnswered(db: Reader, sessionId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('evaluation_completions')
    .select('person_id')
    .where('session_id', '=', sessionId)
    .unionAll(db.selectFrom('pending_anonymous_completions').select('person_id').where('session_id', '=', sessionId))
    .execute();
  return new Set(rows.map((row) => row.person_id));
}
