import { applySession, type SessionGroup } from './attendance';
import { SessionsFound } from './sessions-found';
import { recordPastAttendance, type PastAttendance } from '../signin/sign-in';
import { LISTED, matchPerson, type Walk, type WalkResult } from './walk';

/**
 * How many people's attendance at new sessions is written at a time: large
 * enough that each table's rows go in together, small enough that a batch's
 * rows are garbage before the collector promotes them. Up to 1,000 at a
 * time, a 100,000-row CSV import peaked at 388 to 406 MB (once 487 MB); 250
 * at a time, 340 to 352 MB, in no measurably longer time.
 */
const ATTENDANCE_BATCH = 250;

const NOBODY: ReadonlySet<string> = new Set();

/**
 * People and attendance: every row's person found or added; for attendance,
 * rows grouped into sessions by course, date and venue, each session found
 * or added (under the contract its rows name) with a sign-in for each
 * person who came.
 */
export async function walkSignInSheet(walk: Walk): Promise<WalkResult> {
  const { matcher, preview, read, report } = walk;
  const matched = new Set<string>();
  const groups = new Map<string, SessionGroup & { contract: string | null }>();
  await report.stage('matching', read.records.length);

  for (const record of read.records) {
    const found = await matchPerson(walk, record, matched);
    await report.advance();
    if (walk.request.kind !== 'attendance') continue;
    if (!record.attended) {
      preview.signIns.notAttended += 1;
      continue;
    }
    const course = await matcher.course(record.course!);
    const venueId = await matcher.venue(record.venue!);
    const key = `${course.id}|${record.date}|${venueId}`;
    let group = groups.get(key);
    if (!group) {
      group = { course: { ...course, title: record.course! }, venue: { id: venueId, name: record.venue! }, date: record.date!, people: new Set(), contractId: null, contract: null };
      groups.set(key, group);
    }
    // The first row that names a contract puts the session under it.
    if (record.contract && group.contract === null) {
      group.contract = record.contract;
      group.contractId = (await matcher.contract(record.contract)).id;
    }
    if (group.people.has(found.id)) preview.signIns.duplicateLines += 1;
    else group.people.add(found.id);
  }

  const sessions = [];
  if (groups.size > 0) {
    const existing = await SessionsFound.load(walk.db);
    const found = new Map([...groups.values()].map((group) => [group, existing.find(group.course.id, group.date, group.venue.id)]));
    const signedIn = await SessionsFound.signedIn(walk.db, [...found.values()].flatMap((session) => (session ? [session.id] : [])));
    const people = [...groups.values()].reduce((sum, group) => sum + group.people.size, 0);
    await report.stage(walk.scope ? 'writing' : 'matching', people);
    // New sessions' attendance, written a batch at a time (recordPastAttendance), the progress moving on as each batch is written.
    let pending: PastAttendance[] = [];
    let pendingPeople = 0;
    const writePending = async () => {
      if (walk.scope && pending.length > 0) await recordPastAttendance(walk.scope, pending, walk.ctx.clock());
      await report.advance(pendingPeople);
      pending = [];
      pendingPeople = 0;
    };
    for (const group of groups.values()) {
      const before = found.get(group) ?? null;
      if (before && group.contractId !== null && before.contractId !== group.contractId) {
        preview.contracts.differing.push({
          course: group.course.title,
          date: group.date,
          venue: group.venue.name,
          inFile: group.contract!,
          inFieldbook: before.contractId === null ? null : await contractName(walk, before.contractId),
        });
      }
      const outcome = await applySession(walk.ctx, walk.scope, group, before, (before && signedIn.get(before.id)) || NOBODY, pending);
      sessions.push({ ...outcome, contract: group.contract });
      pendingPeople += group.people.size;
      if (pendingPeople >= ATTENDANCE_BATCH) await writePending();
    }
    await writePending();
  }

  const newSignIns = sessions.reduce((sum, session) => sum + session.signIns, 0);
  preview.sessions = {
    new: sessions.filter((session) => session.isNew && session.signIns > 0).length,
    matched: sessions.filter((session) => !session.isNew).length,
    list: sessions.slice(0, LISTED).map(({ course, date, venue, isNew, signIns, contract }) => ({ course, date, venue, isNew, signIns, contract })),
  };
  preview.signIns.new = newSignIns;
  preview.signIns.already = sessions.reduce((sum, session) => sum + session.already, 0);
  preview.contracts.differing = preview.contracts.differing.slice(0, LISTED);
  return { accepted: read.records.length, anythingNew: newSignIns > 0 };
}

async function contractName(walk: Walk, id: string): Promise<string | null> {
  const row = await walk.db.selectFrom('contracts').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}
