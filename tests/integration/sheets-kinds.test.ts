import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SheetInput, SheetPreview, SheetProgress } from '../../shared/contract';
import type { CallResult } from '../../shared/errors';
import { write } from '../../electron/core/write';
import { csvFile, sheetInput, sheetRefusal, xlsxFile } from '../support/spreadsheets';
import { databaseHash, tempCore, type TempCore } from '../support/temp-core';

/**
 * The kinds of sheet beyond people: evaluation results, member lists, and
 * the funding column of a sign-in sheet; and what the screen relies on: new
 * courses only when confirmed, and progress while a big file is imported.
 * The test clock says 12 March 2026.
 */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

const input = sheetInput;
const refusal = (name: 'sheets.preview' | 'sheets.import', value: SheetInput) => sheetRefusal(temp.dispatch, name, value);

const all = (sql: string, ...params: unknown[]) => temp.sqlite.prepare(sql).all(...params);
const one = (sql: string, ...params: unknown[]) => temp.sqlite.prepare(sql).pluck().get(...params);

const ATTENDANCE_HEADER = ['First name', 'Surname', 'Email', 'Session date', 'Course', 'Venue'];

describe('importing evaluation results', () => {
  let linkedCourse: string;
  beforeEach(async () => {
    linkedCourse = (
      await temp.call('courses.create', {
        title: 'Cultural Competency',
        durationMinutes: 180,
        learningOutcomes: ['Explore what we mean by culture', 'Recognise good practice'],
        evaluationMode: 'linked',
      })
    ).id;
    await temp.call('courses.create', { title: 'Health Equity Basics', durationMinutes: 120, learningOutcomes: ['Understand local communities'] });
    // The sessions come from their sign-in sheets, imported first.
    const signIns = csvFile([
      ATTENDANCE_HEADER,
      ['Amira', 'Khan', 'amira@example.org', '14/05/2025', 'Cultural Competency', 'Eastfield'],
      ['Zoë', 'Clarke', 'zoe@example.org', '14/05/2025', 'Cultural Competency', 'Eastfield'],
      ['Ben', 'Ortiz', 'ben@example.org', '02/06/2025', 'Health Equity Basics', "St Mary's Hall"],
    ]);
    await temp.call('sheets.import', input('attendance', 'sign-ins.csv', signIns));
  });

  const RESULTS = async () =>
    xlsxFile({
      Responses: [
        ['Evaluation results, exported from the form'],
        [],
        ['Course', 'Date', 'Venue', 'Email (optional)', 'Explore what we mean by culture (1-5)', 'Recognise good practice', 'Understand local communities', 'Confidence before the course (1-5)', 'Confidence after (1-5)', 'Comments'],
        ['Cultural Competency', new Date(Date.UTC(2025, 4, 14)), 'Eastfield', ' AMIRA@example.org ', 4, '5', null, 2, 4, 'Very useful'],
        ['cultural competency', '14/05/2025', 'eastfield', 'zoe@example.org', 3, 3, null, 3, 3, null],
        ['Health Equity Basics', '2025-06-02', "St Mary's Hall", 'ben@example.org', null, null, 5, 1, 4, 'Good'],
        ['Health Equity Basics', '2025-06-02', "St Mary's Hall", 'ben@example.org', null, null, 5, 1, 4, 'Good'],
        ['Cultural Competency', '14/05/2025', 'Eastfield', null, 7, 4, null, 2, 3, null],
        ['Cultural Competency', '15/05/2025', 'Eastfield', null, 4, 4, null, 2, 3, null],
      ],
    });

  it('ties a linked course’s response to the person by email, keeps an anonymous course’s without one, and refuses a rating of 7', async () => {
    const file = await RESULTS();
    const before = databaseHash(temp.sqlite);
    const preview = await temp.call('sheets.preview', input('evaluations', 'results.xlsx', file));
    expect(databaseHash(temp.sqlite)).toBe(before);
    expect(preview.rowsRead).toBe(6);
    // Two identical rows are two people's answers: both are kept.
    expect(preview.responses).toEqual({ new: 4, already: 0, linked: 2 });
    expect(preview.refused).toEqual([
      { sheet: 'Responses', row: 8, reason: 'the rating "7" for “Explore what we mean by culture” is not from 1 to 5' },
      { sheet: 'Responses', row: 9, reason: 'there is no session of Cultural Competency at Eastfield on 2025-05-15 in Fieldbook: import its sign-in sheet first' },
    ]);
    expect(preview.ignoredColumns).toEqual([]);
    expect(preview.message).toBe('Read 6 rows from results.xlsx. To import: 4 new responses. 2 rows were refused.');

    const imported = await temp.call('sheets.import', input('evaluations', 'results.xlsx', file));
    expect(imported.responses).toEqual(preview.responses);
    const idOf = (email: string) => one('SELECT id FROM people WHERE email = ?', email);
    const sessionOf = (title: string) => one('SELECT sessions.id FROM sessions JOIN courses ON courses.id = course_id WHERE title = ?', title) as string;
    const linked = [
      { person_id: idOf('amira@example.org'), language: 'en' },
      { person_id: idOf('zoe@example.org'), language: 'en' },
    ].sort((a, b) => String(a.person_id).localeCompare(String(b.person_id)));
    expect(all('SELECT person_id, language FROM evaluation_responses WHERE session_id = ? ORDER BY person_id', sessionOf('Cultural Competency'))).toEqual(linked);
    expect(all('SELECT person_id FROM evaluation_completions ORDER BY person_id')).toEqual(linked.map(({ person_id }) => ({ person_id })));
    // The anonymous course's answers name nobody, and its email is stored nowhere with them.
    const anonymous = all('SELECT person_id, language, answers FROM evaluation_responses WHERE session_id = ?', sessionOf('Health Equity Basics')) as {
      person_id: string | null;
      answers: string;
    }[];
    expect(anonymous).toHaveLength(2);
    expect(anonymous.every((row) => row.person_id === null && !row.answers.includes('ben@'))).toBe(true);
    expect(one("SELECT count(*) FROM change_log WHERE table_name = 'evaluation_responses' AND fields LIKE '%ben@example.org%'")).toBe(0);

    // The session's evaluation summary reads them with the course's own questions.
    const summary = await temp.call('evaluations.summary', { sessionId: sessionOf('Cultural Competency') });
    expect(summary.responses).toBe(2);
    expect(summary.outcomes.map(({ text, mean }) => ({ text, mean }))).toEqual([
      { text: 'Explore what we mean by culture', mean: 3.5 },
      { text: 'Recognise good practice', mean: 4 },
    ]);
    expect(summary.confidence).toMatchObject({ paired: 2, rose: 1 });
    expect(summary.comments).toEqual([{ question: 'Anything else?', text: 'Very useful' }]);
    const template = await temp.call('evaluations.template', { courseId: linkedCourse });
    expect(template.stored).toBe(true);
  });

  it('changes nothing when the same results are imported again', async () => {
    const file = await RESULTS();
    await temp.call('sheets.import', input('evaluations', 'results.xlsx', file));
    const before = databaseHash(temp.sqlite);
    const again = await temp.call('sheets.import', input('evaluations', 'results.xlsx', file));
    expect(again.responses).toEqual({ new: 0, already: 4, linked: 0 });
    expect(again.nothingNew).toBe(true);
    expect(again.message).toBe('Read 6 rows from results.xlsx. Nothing new: everything in it is already in Fieldbook. 2 rows were refused.');
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('refuses a file whose every response is refused, writing nothing', async () => {
    const bytes = csvFile([
      ['Course', 'Date', 'Venue', 'Explore what we mean by culture'],
      ['Cultural Competency', '14/05/2025', 'Eastfield', '7'],
    ]);
    const before = databaseHash(temp.sqlite);
    const error = await refusal('sheets.import', input('evaluations', 'results.csv', bytes));
    expect(error.message).toBe(
      'Nothing could be imported from results.csv: every row was refused (row 2: the rating "7" for “Explore what we mean by culture” is not from 1 to 5). Nothing was imported.',
    );
    expect(databaseHash(temp.sqlite)).toBe(before);
  });
});

async function addScheme(name: string, courseId: string): Promise<string> {
  return write(temp.core.context, async (scope) => {
    const id = scope.newId();
    // Rolling 12-month terms: no membership year.
    await scope.insert('membership_schemes', { id, name, required_course_ids: JSON.stringify([courseId]), window_months: 6, year_starts: null, fee_pence: 2500, grace_days: 30 });
    return id;
  });
}

describe('importing a member list', () => {
  beforeEach(async () => {
    const course = await temp.call('courses.create', { title: 'Cultural Competency', durationMinutes: 180, learningOutcomes: ['Listen first'] });
    await addScheme('Partner practitioners', course.id);
  });

  const MEMBERS = csvFile([
    ['First name', 'Surname', 'Email', 'Organisation', 'Sector', 'Date joined', 'Renewal date', 'Fee paid'],
    ['Amira', 'Khan', 'amira@example.org', 'Hope Centre', 'VCSE', '01/04/2024', '01/04/2025', '£25'],
    ['Ben', 'Ortiz', null, 'Hope Centre', null, '2024-09-01', null, '25.00'],
    ['Carla', 'Díaz', null, 'Riverside Trust', 'Statutory', '15/01/2025', null, '25'],
    ['Dan', 'Wu', null, 'Riverside Trust', null, '01/01/2025', '01/06/2025', null],
    ['Eve', 'Ng', null, null, null, null, null, null],
  ]);

  it('adds a term from the date joined and a renewal’s from the renewal date, with the fee in pence', async () => {
    const before = databaseHash(temp.sqlite);
    const preview = await temp.call('sheets.preview', input('members', 'members.csv', MEMBERS, { scheme: 'partner  PRACTITIONERS' }));
    expect(databaseHash(temp.sqlite)).toBe(before);
    expect(preview.members).toEqual({ scheme: 'Partner practitioners', new: 3, termsAdded: 4, already: 0 });
    expect(preview.refused.map((row) => `row ${row.row}: ${row.reason}`)).toEqual([
      'row 5: the renewal date 1 June 2025 is inside the term that began on joining, which runs to 31 December 2025',
      'row 6: no date joined',
    ]);

    const imported = await temp.call('sheets.import', input('members', 'members.csv', MEMBERS, { scheme: 'Partner practitioners' }));
    expect({ ...imported, imported: false, message: '' }).toEqual({ ...preview, message: '' });
    expect(imported.message).toBe(
      'Read 5 rows from members.csv. Imported: 4 new people, 0 people already known, 3 new members of Partner practitioners, 4 terms. 2 rows were refused.',
    );
    expect(
      all('SELECT given_name, starts_on, origin, fee_pence FROM membership_terms JOIN people ON people.id = person_id ORDER BY given_name, starts_on'),
    ).toEqual([
      { given_name: 'Amira', starts_on: '2024-04-01', origin: 'new', fee_pence: null },
      { given_name: 'Amira', starts_on: '2025-04-01', origin: 'renewal', fee_pence: 2500 },
      { given_name: 'Ben', starts_on: '2024-09-01', origin: 'new', fee_pence: 2500 },
      { given_name: 'Carla', starts_on: '2025-01-15', origin: 'new', fee_pence: 2500 },
    ]);
    // Dan's row was refused whole: no joining term without the renewal that could not be added.
    expect(one("SELECT count(*) FROM membership_terms JOIN people ON people.id = person_id WHERE given_name = 'Dan'")).toBe(0);
    expect(one("SELECT count(*) FROM change_log WHERE table_name = 'membership_terms'")).toBe(4);
  });

  it('changes nothing when the same list is imported again', async () => {
    await temp.call('sheets.import', input('members', 'members.csv', MEMBERS, { scheme: 'Partner practitioners' }));
    const before = databaseHash(temp.sqlite);
    const again = await temp.call('sheets.import', input('members', 'members.csv', MEMBERS, { scheme: 'Partner practitioners' }));
    expect(again.members).toEqual({ scheme: 'Partner practitioners', new: 0, termsAdded: 0, already: 4 });
    expect(again.nothingNew).toBe(true);
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('refuses a scheme Fieldbook does not have, naming the ones it has', async () => {
    const error = await refusal('sheets.preview', input('members', 'members.csv', MEMBERS, { scheme: 'Gold members' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Choose one of the schemes: there is no membership scheme called "Gold members". The schemes are "Partner practitioners".' });
  });
});

describe('the funding column of a sign-in sheet', () => {
  let publicHealth: string;
  beforeEach(async () => {
    publicHealth = await write(temp.core.context, async (scope) => {
      const id = scope.newId();
      await scope.insert('contracts', { id, name: 'Public Health 2025', funder: 'City council', year_starts: '08-01', ends_on: null });
      return id;
    });
  });

  const SHEET = csvFile([
    [...ATTENDANCE_HEADER, 'Funding'],
    ['Amira', 'Khan', null, '14/05/2025', 'Cultural Competency', 'Eastfield', 'public  health 2025'],
    ['Ben', 'Ortiz', null, '02/06/2025', 'Cultural Competency', 'Eastfield', 'Lottery Fund'],
    ['Carla', 'Díaz', null, '09/06/2025', 'Cultural Competency', 'Eastfield', null],
  ]);
  const confirmed = { confirmedCourses: ['Cultural Competency'] };

  it('puts each new session under the contract it names, adding one Fieldbook does not know, and a re-import changes nothing', async () => {
    const preview = await temp.call('sheets.preview', input('attendance', 'funded.csv', SHEET));
    expect(preview.contracts).toEqual({ new: ['Lottery Fund'], differing: [] });
    expect(preview.sessions.list.map((session) => session.contract)).toEqual(['public  health 2025', 'Lottery Fund', null]);

    const imported = await temp.call('sheets.import', input('attendance', 'funded.csv', SHEET, confirmed));
    expect(imported.message).toContain('1 new contract');
    const lottery = all("SELECT id, funder, year_starts, ends_on FROM contracts WHERE name = 'Lottery Fund'") as { id: string }[];
    expect(lottery).toEqual([{ id: expect.any(String), funder: 'Not recorded (added from a spreadsheet)', year_starts: '04-01', ends_on: null }]);
    expect(all('SELECT substr(starts_at, 1, 10) AS day, contract_id FROM sessions ORDER BY starts_at')).toEqual([
      { day: '2025-05-14', contract_id: publicHealth },
      { day: '2025-06-02', contract_id: lottery[0]!.id },
      { day: '2025-06-09', contract_id: null },
    ]);

    const before = databaseHash(temp.sqlite);
    const again = await temp.call('sheets.import', input('attendance', 'funded.csv', SHEET, confirmed));
    expect(again.nothingNew).toBe(true);
    expect(again.contracts).toEqual({ new: [], differing: [] });
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('leaves a session already in Fieldbook under its own contract, and says so', async () => {
    await temp.call('sheets.import', input('attendance', 'funded.csv', SHEET, confirmed));
    const later = csvFile([
      [...ATTENDANCE_HEADER, 'Contract'],
      ['Dan', 'Wu', null, '14/05/2025', 'Cultural Competency', 'Eastfield', 'Lottery Fund'],
    ]);
    const imported = await temp.call('sheets.import', input('attendance', 'later.csv', later));
    expect(imported.contracts.differing).toEqual([
      { course: 'Cultural Competency', date: '2025-05-14', venue: 'Eastfield', inFile: 'Lottery Fund', inFieldbook: 'Public Health 2025' },
    ]);
    expect(one("SELECT contract_id FROM sessions WHERE starts_at LIKE '2025-05-14%'")).toBe(publicHealth);
    expect(imported.signIns.new).toBe(1);
  });
});

describe('new courses', () => {
  it('are imported only when confirmed: a file adding one that was not is refused whole, naming it', async () => {
    const sheet = csvFile([
      ATTENDANCE_HEADER,
      ['Amira', 'Khan', null, '14/05/2025', 'Cultural Competency', 'Eastfield'],
      ['Ben', 'Ortiz', null, '02/06/2025', 'Cultral Competency', 'Eastfield'],
    ]);
    const preview = await temp.call('sheets.preview', input('attendance', 'typo.csv', sheet));
    expect(preview.courses.new).toEqual(['Cultural Competency', 'Cultral Competency']);
    const before = databaseHash(temp.sqlite);
    const error = await refusal('sheets.import', input('attendance', 'typo.csv', sheet, { confirmedCourses: ['cultural competency'] }));
    expect(error.message).toBe(
      'The file would add the course "Cultral Competency", which was not confirmed. Confirm it as a new course, or correct its name in the file to one Fieldbook has. Nothing was imported.',
    );
    expect(databaseHash(temp.sqlite)).toBe(before);
    const imported = await temp.call('sheets.import', input('attendance', 'typo.csv', sheet, { confirmedCourses: preview.courses.new }));
    expect(imported.courses.new).toEqual(['Cultural Competency', 'Cultral Competency']);
  });
});

describe('a sheet of more sessions than are written at a time', () => {
  it('gives every person who came a booking, its history line and a sign-in, each in the change log once, after their session', async () => {
    // 1,500 people over 28 sessions: written in batches of 250 people (a twentieth of the file, at least 250).
    const rows = Array.from({ length: 1500 }, (_, index) => [
      `Person${index}`,
      `Family${index}`,
      `p${index}@example.org`,
      `${String((index % 28) + 1).padStart(2, '0')}/05/2025`,
      'Cultural Competency',
      index % 2 === 0 ? 'Eastfield' : "St Mary's Hall",
    ]);
    const result = (await temp.dispatch('sheets.import', input('attendance', 'batches.csv', csvFile([ATTENDANCE_HEADER, ...rows]), { confirmedCourses: ['Cultural Competency'] }))) as CallResult<SheetPreview>;
    expect(result.ok && [result.value.sessions.new, result.value.signIns.new]).toEqual([28, 1500]);

    expect(one("SELECT count(*) FROM bookings WHERE state = 'booked'")).toBe(1500);
    expect(
      one(
        `SELECT count(*) FROM bookings b
           JOIN booking_events e ON e.booking_id = b.id AND e.event = 'booked' AND e.from_state IS NULL AND e.to_state = 'booked'
             AND e.reason = 'Attendance imported from a spreadsheet.'
           JOIN sign_ins s ON s.session_id = b.session_id AND s.person_id = b.person_id AND s.kind = 'sign_in' AND s.method = 'facilitator'`,
      ),
    ).toBe(1500);
    for (const table of ['bookings', 'booking_events', 'sign_ins']) {
      expect(one(`SELECT count(*) FROM change_log WHERE table_name = ?`, table)).toBe(1500);
      expect(one(`SELECT count(*) FROM "${table}" t WHERE (SELECT count(*) FROM change_log c WHERE c.table_name = ? AND c.row_id = t.id) != 1`, table)).toBe(0);
    }
    // Each booking's change comes after its session's, and each sign-in's after its booking's, as a laptop merging them needs.
    expect(
      one(
        `SELECT count(*) FROM bookings b
           JOIN change_log cb ON cb.table_name = 'bookings' AND cb.row_id = b.id
           JOIN change_log cs ON cs.table_name = 'sessions' AND cs.row_id = b.session_id
           JOIN sign_ins s ON s.session_id = b.session_id AND s.person_id = b.person_id
           JOIN change_log ci ON ci.table_name = 'sign_ins' AND ci.row_id = s.id
         WHERE cb.hlc <= cs.hlc OR ci.hlc <= cb.hlc`,
      ),
    ).toBe(0);
  });
});

describe('progress while a large file is imported', () => {
  it('answers sheets.progress by rows while sheets.import is still running', async () => {
    // 1,500 rows over 56 sessions (28 days of May at two venues), so the sign-ins are written session by session.
    const rows = Array.from({ length: 1500 }, (_, index) => [
      `Person${index}`,
      `Family${index}`,
      `p${index}@example.org`,
      `${String((index % 28) + 1).padStart(2, '0')}/05/2025`,
      'Cultural Competency',
      index % 2 === 0 ? 'Eastfield' : "St Mary's Hall",
    ]);
    const sheet = csvFile([ATTENDANCE_HEADER, ...rows]);
    const progressId = 'test-import-0001';
    let settled = false;
    const importing = temp
      .dispatch('sheets.import', input('attendance', 'big.csv', sheet, { confirmedCourses: ['Cultural Competency'], progressId }))
      .finally(() => {
        settled = true;
      });

    const seen: NonNullable<SheetProgress>[] = [];
    while (!settled) {
      const answer = (await temp.dispatch('sheets.progress', { progressId })) as CallResult<SheetProgress>;
      if (!answer.ok) throw new Error(answer.error.message);
      // Each answer came while the import was still under way.
      if (answer.value && !settled) seen.push(answer.value);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = (await importing) as CallResult<SheetPreview>;
    expect(result.ok && result.value.signIns.new).toBe(1500);

    const midway = seen.filter((progress) => progress.rowsTotal !== null && progress.rowsDone > 0 && progress.rowsDone < progress.rowsTotal);
    expect(midway.map((progress) => progress.stage)).toContain('matching');
    expect(midway.map((progress) => progress.stage)).toContain('writing');
    expect(midway.every((progress) => progress.rowsTotal === 1500)).toBe(true);
    // Once it is done there is nothing to report, and another reference never saw it.
    expect(await temp.call('sheets.progress', { progressId })).toBeNull();
  });
});
