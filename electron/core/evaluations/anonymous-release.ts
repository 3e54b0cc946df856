import { randomBytes, randomInt, randomUUID } from 'node:crypto';
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
  /** The completion's derived id (session and person), as it will be once released; null for a before answer, which completes nothing. */
  completionId: string | null;
  sessionId: string;
  personId: string;
  templateId: string;
  /** JSON text of the answers. */
  answers: string;
  /** The day only: a time would tie the answer to the moment the person was at the kiosk. */
  day: string;
  moment: 'before' | 'after';
  /** 1 for a before answer given after the session's start. */
  late: number;
}

/** A pairing code: random, so it says nothing of the person, the time or the order people came in. */
const newPairingCode = () => randomBytes(16).toString('hex');

/**
 * Holds one anonymous answer (and, after the session, its completion), and
 * releases the session's batch once enough after answers are held. A before
 * answer gets a new pairing code, kept on this laptop beside the person; the
 * same person's after answer carries it, so the pair can be compared without
 * anyone knowing whose it is.
 */
export async function holdAnonymousAnswer(scope: WriteScope, answer: AnonymousAnswer): Promise<void> {
  let code: string | null;
  if (answer.moment === 'before') {
    code = newPairingCode();
    await scope.trx.insertInto('pending_pairing_codes').values({ session_id: answer.sessionId, person_id: answer.personId, code }).execute();
  } else {
    code = (await pairingCodeOf(scope.trx, answer.sessionId, answer.personId)) ?? null;
  }
  if (answer.completionId) {
    await scope.trx
      .insertInto('pending_anonymous_completions')
      .values({ id: answer.completionId, session_id: answer.sessionId, person_id: answer.personId, completed_on: answer.day })
      .execute();
  }
  // A random id, not a UUIDv7: that would carry the moment it was made.
  await scope.trx
    .insertInto('pending_anonymous_responses')
    .values({
      id: randomUUID(),
      session_id: answer.sessionId,
      template_id: answer.templateId,
      answers: answer.answers,
      submitted_on: answer.day,
      moment: answer.moment,
      late: answer.late,
      pairing_code: code,
    })
    .execute();
  if (answer.moment !== 'after') return;
  const { held } = await scope.trx
    .selectFrom('pending_anonymous_responses')
    .select(({ fn }) => fn.countAll<number>().as('held'))
    .where('session_id', '=', answer.sessionId)
    .where('moment', '=', 'after')
    .executeTakeFirstOrThrow();
  if (held >= RELEASE_BATCH) await releaseHeldAnswers(scope, answer.sessionId);
}

async function pairingCodeOf(db: Reader, sessionId: string, personId: string): Promise<string | undefined> {
  const row = await db.selectFrom('pending_pairing_codes').select('code').where('session_id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();
  return row?.code;
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
 *
 * A session's batch takes the after answers held and, with them, the before
 * answers that share their pairing codes, so a pair always travels in one
 * shuffled batch; a before answer whose person has not yet answered at the
 * end waits, with its code, for their after answer or the export. Codes go
 * from this laptop with their pairs: once released, nothing here or at the
 * office says whose a code was.
 */
export async function releaseHeldAnswers(scope: WriteScope, sessionId?: string): Promise<number> {
  const completions = await scope.trx
    .selectFrom('pending_anonymous_completions')
    .selectAll()
    .$if(sessionId !== undefined, (query) => query.where('session_id', '=', sessionId!))
    .execute();
  const held = await scope.trx
    .selectFrom('pending_anonymous_responses')
    .selectAll()
    .$if(sessionId !== undefined, (query) => query.where('session_id', '=', sessionId!))
    .execute();
  const pairedNow = new Set(held.filter((answer) => answer.moment === 'after' && answer.pairing_code).map((answer) => answer.pairing_code));
  const answers = sessionId === undefined ? held : held.filter((answer) => answer.moment === 'after' || pairedNow.has(answer.pairing_code));
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
  const released = answers.map((answer) => answer.id);
  for (let start = 0; start < released.length; start += 500) {
    await scope.trx.deleteFrom('pending_anonymous_responses').where('id', 'in', released.slice(start, start + 500)).execute();
  }
  if (sessionId === undefined) {
    await scope.trx.deleteFrom('pending_pairing_codes').execute();
  } else {
    const codes = [...pairedNow].filter((code): code is string => code !== null);
    for (let start = 0; start < codes.length; start += 500) {
      await scope.trx.deleteFrom('pending_pairing_codes').where('code', 'in', codes.slice(start, start + 500)).execute();
    }
  }
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

/** Whether this person has answered the session's before questions: linked, their answer; anonymous, the pairing code held for them here. */
export async function answeredBefore(db: Reader, sessionId: string, personId: string): Promise<boolean> {
  const found = await db
    .selectFrom('evaluation_responses')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .where('moment', '=', 'before')
    .unionAll(db.selectFrom('pending_pairing_codes').select('code as id').where('session_id', '=', sessionId).where('person_id', '=', personId))
    .executeTakeFirst();
  return found !== undefined;
}

/** Everyone who has answered a session's before questions and is known here to have: for the roster. */
export async function peopleWhoAnsweredBefore(db: Reader, sessionId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('evaluation_responses')
    .select('person_id')
    .where('session_id', '=', sessionId)
    .where('moment', '=', 'before')
    .where('person_id', 'is not', null)
    .unionAll(db.selectFrom('pending_pairing_codes').select('person_id').where('session_id', '=', sessionId))
    .execute();
  return new Set(rows.map((row) => row.person_id).filter((id): id is string => id !== null));
}
