import { applySession, type SessionGroup } from './attendance';
import { SessionsFound } from './sessions-found';
import { LISTED, matchPerson, type Walk, type WalkResult } from './walk';

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
    await report.stage(walk.scope ? 'writing' : 'matching', [...groups.values()].reduce((sum, group) => sum + group.people.size, 0));
    for (const group of groups.values()) {
      const before = existing.find(group.course.id, group.date, group.venue.id);
      if (before && group.contractId !== null && before.contractId !== group.contractId) {
        preview.contracts.differing.push({
          course: group.course.title,
          date: group.date,
          venue: group.venue.name,
          inFile: group.contract!,
          inFieldbook: before.contractId === null ? null : await contractName(walk, before.contractId),
        });
      }
      const outcome = await applySession(walk.ctx, walk.db, walk.scope, group);
      sessions.push({ ...outcome, contract: group.contract });
      await report.advance(group.people.size);
    }
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
