import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FOLLOW_UP_CODE_ALPHABET, normaliseFollowUpCode, type ChangeQuestion, type ProcedureInput, type ProcedureName } from '../../shared/contract';
import { questionsAt } from '../../shared/evaluation-moments';
import { answersFor, evaluatedSession, type EvaluatedSession } from '../support/evaluations';
import { byHeading, bytesOfFile, csvFile, csvRows, sheetInput, xlsxRows } from '../support/spreadsheets';
import { DAY_MS, tempCore, type TempCore } from '../support/temp-core';

/**
 * The follow-up at the office (issue 17): who is due, the mail-merge with a
 * personal code each, and the answers coming back typed in or in a
 * spreadsheet, landing where the change report counts the follow-up.
 */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

/** Books and signs in someone, with an email unless told otherwise. */
async function attends(sessionId: string, givenName: string, email: string | null = `${givenName.toLowerCase()}@example.org`) {
  const person = await temp.call('people.create', { givenName, familyName: 'Follow', email });
  await temp.call('signIn.book', { sessionId, personId: person.id });
  await temp.call('signIn.signIn', { sessionId, personId: person.id });
  return person.id;
}

const dueNames = async () => (await temp.call('followUps.due', {})).courses.flatMap((course) => course.sessions.flatMap((session) => session.people.map((person) => person.name)));

/** Writes the mail-merge as CSV and reads its rows by heading. */
async function mailMerge(extra: { courseId?: string; sessionId?: string } = {}) {
  const file = await temp.call('followUps.writeMailMerge', { format: 'csv', ...extra });
  return { file, rows: byHeading(csvRows(bytesOfFile(file))) };
}

/** The refusal a call gets through the dispatcher every transport uses: its code and plain words. */
async function failure<N extends ProcedureName>(core: TempCore, name: N, input: ProcedureInput<N>) {
  const result = await core.dispatch(name, input);
  if (result.ok) throw new Error(`expected ${name} to be refused`);
  return result.error;
}

describe('follow-ups due', () => {
  let linked: EvaluatedSession;
  beforeEach(async () => {
    linked = await evaluatedSession(temp.call, 'linked');
  });

  it('lists those trained 12 weeks ago with an email, not before, and not once asked', async () => {
    await attends(linked.session.id, 'Ana');
    await attends(linked.session.id, 'Ben', null);
    const booked = await temp.call('people.create', { givenName: 'Cy', familyName: 'Follow', email: 'cy@example.org' });
    await temp.call('signIn.book', { sessionId: linked.session.id, personId: booked.id });

    temp.clock.advance(83 * DAY_MS);
    expect(await dueNames()).toEqual([]);
    temp.clock.advance(DAY_MS);
    // Ben has no email and Cy never signed in.
    expect(await dueNames()).toEqual(['Ana Follow']);
    const due = await temp.call('followUps.due', {});
    expect(due.courses[0]).toMatchObject({ courseTitle: 'Working with different communities', followUpWeeks: 12 });
    expect(due.courses[0]!.sessions[0]).toMatchObject({ sessionId: linked.session.id, venueName: 'Riverside Hall', dueOn: '2026-06-04' });

    const { file, rows } = await mailMerge();
    expect(file.asked).toBe(1);
    expect(file.fileName).toMatch(/^Follow-up mail-merge \d{4}-\d{2}-\d{2}\.csv$/);
    expect(rows).toEqual([
      {
        Name: 'Ana Follow',
        'First name': 'Ana',
        Email: 'ana@example.org',
        Course: 'Working with different communities',
        'Session date': '2026-03-12',
        Venue: 'Riverside Hall',
        Code: expect.stringMatching(new RegExp(`^[${FOLLOW_UP_CODE_ALPHABET}]{4}-[${FOLLOW_UP_CODE_ALPHABET}]{4}$`)),
        'Question 1': 'Now, how confident are you working with different communities?',
        'Question 2': 'What have you done differently since the course?',
      },
    ]);
    // Asked: off the list, and not asked twice.
    expect(await dueNames()).toEqual([]);
    expect((await temp.call('followUps.due', {})).waiting).toBe(1);
    expect((await failure(temp, 'followUps.writeMailMerge', { format: 'xlsx' })).message).toMatch(/^Choose another course or session: nobody there is due a follow-up now/);
    // The printable form carries the same code and questions.
    const forms = await temp.call('followUps.forms', { sessionId: linked.session.id });
    expect(forms).toEqual([
      expect.objectContaining({
        code: rows[0]!.Code,
        name: 'Ana Follow',
        questions: [
          { text: 'Now, how confident are you working with different communities?', kind: 'rating', options: [] },
          { text: 'What have you done differently since the course?', kind: 'text', options: [] },
        ],
      }),
    ]);
  });

  it('lists nobody for an anonymous course or a form with no follow-up questions, and writes the XLSX too', async () => {
    const anonymous = await evaluatedSession(temp.call, 'anonymous', 'Mental health first aid');
    await attends(anonymous.session.id, 'Dee');
    const plain = await evaluatedSession(temp.call, 'linked', 'Interpreting basics');
    const form = await temp.call('evaluations.template', { courseId: plain.course.id });
    await temp.call('evaluations.saveTemplate', { courseId: plain.course.id, items: form.items.map((item) => ({ ...item, moments: ['after' as const] })), followUpWeeks: 4 });
    await attends(plain.session.id, 'Eve');
    await attends(linked.session.id, 'Fin');
    temp.clock.advance(84 * DAY_MS);
    expect(await dueNames()).toEqual(['Fin Follow']);
    const file = await temp.call('followUps.writeMailMerge', { format: 'xlsx', courseId: linked.course.id });
    const rows = byHeading(await xlsxRows(bytesOfFile(file)));
    expect(rows.map((row) => [row.Name, row.Email])).toEqual([['Fin Follow', 'fin@example.org']]);
  });

  it('takes a code’s answers once, typed in, and refuses a used or unknown code', async () => {
    const ana = await attends(linked.session.id, 'Ana');
    const form = await temp.call('evaluations.template', { courseId: linked.course.id });
    await temp.call('evaluations.submit', { sessionId: linked.session.id, personId: ana, templateId: form.id, answers: answersFor(form, 4, 2, 4), language: 'en' });
    temp.clock.advance(90 * DAY_MS);
    const { rows } = await mailMerge();
    const code = rows[0]!.Code!;

    const found = await temp.call('followUps.findCode', { code: code.toLowerCase().replace('-', ' ') });
    expect(found).toMatchObject({ code: normaliseFollowUpCode(code), name: 'Ana Follow', courseTitle: 'Working with different communities' });
    expect(found.questions.map((item) => item.id)).toEqual(questionsAt(form.items, 'follow_up').map((item) => item.id));

    const saved = await temp.call('followUps.answer', { code, answers: { confidence: 5, 'done-differently': 'I book interpreters early.' } });
    expect(saved).toMatchObject({ name: 'Ana Follow', followUpAnswers: 1 });

    const again = await failure(temp, 'followUps.answer', { code, answers: { confidence: 1 } });
    expect(again).toMatchObject({ code: 'ALREADY_RESPONDED' });
    expect(again.message).toMatch(/^Check the code and enter it again: the code .+ has already been used, on \d+ \w+ 2026\.$/);
    const unknown = await failure(temp, 'followUps.findCode', { code: 'ZZZZ-ZZZZ' });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'Check the code and enter it again: no follow-up was sent with the code ZZZZ-ZZZZ.' });
    expect(temp.sqlite.prepare("SELECT count(*) AS n FROM evaluation_responses WHERE moment = 'follow_up'").get()).toEqual({ n: 1 });

    // The change report counts the after–follow-up pair: confidence 4 after, 5 at the follow-up.
    const report = await temp.call('reports.run', { kind: 'change', period: { kind: 'month', year: 2026, month: 3 }, asOf: '2026-03-31' });
    expect(report.data).toMatchObject({ answered: { before: 0, after: 1, follow_up: 1 }, paired: { afterFollowUp: 1 } });
    const confidence = (report.data.questions as ChangeQuestion[]).find((question) => question.id === 'confidence')!;
    expect(confidence.pairs.find((pair) => pair.from === 'after' && pair.to === 'follow_up')).toMatchObject({ paired: 1, higher: 1, same: 0, lower: 0 });
  });

  it('imports follow-up answers from a sheet with a code column, refusing unknown and used codes, and adds nothing the second time', async () => {
    const ana = await attends(linked.session.id, 'Ana');
    await attends(linked.session.id, 'Ben');
    const form = await temp.call('evaluations.template', { courseId: linked.course.id });
    await temp.call('evaluations.submit', { sessionId: linked.session.id, personId: ana, templateId: form.id, answers: answersFor(form, 4, 2, 3), language: 'en' });
    temp.clock.advance(85 * DAY_MS);
    const { rows } = await mailMerge();
    const codeOf = (name: string) => rows.find((row) => row.Name === name)!.Code!;
    await temp.call('followUps.answer', { code: codeOf('Ben Follow'), answers: { confidence: 3 } });

    const sheet = csvFile([
      ['Personal code', 'Now, how confident are you working with different communities? (1-5)', 'What have you done differently since the course?'],
      [codeOf('Ana Follow').toLowerCase(), 4, 'Asked about languages at booking.'],
      ['ZZZZ-ZZZZ', 2, ''],
      [codeOf('Ben Follow'), 1, ''],
      ['not a code', 3, ''],
    ]);
    const preview = await temp.call('sheets.preview', sheetInput('evaluations', 'follow-ups.csv', sheet));
    expect(preview.responses).toMatchObject({ new: 1, already: 0, linked: 1 });
    const imported = await temp.call('sheets.import', sheetInput('evaluations', 'follow-ups.csv', sheet));
    expect(imported.refused.map((row) => [row.row, row.reason])).toEqual([
      [3, 'no follow-up was sent with the code ZZZZ-ZZZZ'],
      [4, expect.stringMatching(/^the code .+ has already been used, on \d+ \w+ 2026$/)],
      [5, '"not a code" is not a follow-up code: a code is 8 letters and numbers, for example K7MP-3XQ9'],
    ]);
    const stored = temp.sqlite
      .prepare("SELECT person_id, answers FROM evaluation_responses WHERE moment = 'follow_up' AND person_id = ?")
      .all(ana) as { person_id: string; answers: string }[];
    expect(stored.map((row) => JSON.parse(row.answers))).toEqual([{ confidence: 4, 'done-differently': 'Asked about languages at booking.' }]);
    expect((await temp.call('followUps.due', {})).waiting).toBe(0);

    const again = await temp.call('sheets.preview', sheetInput('evaluations', 'follow-ups.csv', sheet));
    expect(again.responses).toMatchObject({ new: 0, already: 1 });

    const report = await temp.call('reports.run', { kind: 'change', period: { kind: 'month', year: 2026, month: 3 }, asOf: '2026-03-31' });
    expect(report.data).toMatchObject({ answered: { after: 1, follow_up: 2 }, paired: { afterFollowUp: 1 } });
  });

  it('writes the mail-merge for one session or one course only, and the others stay due', async () => {
    const practice = await evaluatedSession(temp.call, 'linked', 'Recognising good practice');
    const later = await temp.call('sessions.create', {
      courseId: practice.course.id,
      venueId: practice.session.venueId,
      startsAt: '2026-03-19T10:00',
      endsAt: '2026-03-19T13:00',
      capacity: 30,
      facilitators: ['Sam Okafor'],
      status: 'scheduled',
    });
    await attends(linked.session.id, 'Ana');
    await attends(practice.session.id, 'Ben');
    // A week on, at the course's later session.
    temp.clock.advance(7 * DAY_MS);
    await attends(later.id, 'Cy');
    await attends(later.id, 'Dee');
    temp.clock.advance(84 * DAY_MS);
    expect(await dueNames()).toEqual(['Ben Follow', 'Cy Follow', 'Dee Follow', 'Ana Follow']);

    const oneSession = await mailMerge({ sessionId: later.id });
    expect(oneSession.file.asked).toBe(2);
    expect(oneSession.rows.map((row) => [row.Name, row.Course, row['Session date']])).toEqual([
      ['Cy Follow', 'Recognising good practice', '2026-03-19'],
      ['Dee Follow', 'Recognising good practice', '2026-03-19'],
    ]);
    expect(await dueNames()).toEqual(['Ben Follow', 'Ana Follow']);

    const oneCourse = await mailMerge({ courseId: linked.course.id });
    expect(oneCourse.rows.map((row) => row.Name)).toEqual(['Ana Follow']);
    expect(await dueNames()).toEqual(['Ben Follow']);
    // A session that is not the course's is refused, and nobody is asked.
    expect(await failure(temp, 'followUps.writeMailMerge', { format: 'csv', courseId: linked.course.id, sessionId: practice.session.id })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Choose a session of that course, or leave the course out.',
    });
    expect(await dueNames()).toEqual(['Ben Follow']);
  });

  it('writes a lost mail-merge again with the codes already sent, leaving out those who answered or have no email now', async () => {
    await attends(linked.session.id, 'Ana');
    await attends(linked.session.id, 'Ben');
    const cy = await attends(linked.session.id, 'Cy');
    const practice = await evaluatedSession(temp.call, 'linked', 'Recognising good practice');
    await attends(practice.session.id, 'Dee');
    temp.clock.advance(84 * DAY_MS);
    const { rows: first } = await mailMerge();
    const codeOf = (name: string) => first.find((row) => row.Name === name)!.Code!;
    const codesBefore = temp.sqlite.prepare('SELECT code FROM follow_up_codes ORDER BY code').pluck().all();
    await temp.call('followUps.answer', { code: codeOf('Ben Follow'), answers: { confidence: 4 } });
    const cyNow = await temp.call('people.get', { id: cy });
    await temp.call('people.update', {
      id: cy,
      version: cyNow.version,
      fields: { givenName: 'Cy', familyName: 'Follow', preferredName: null, email: null, phone: null, organisationId: null, membershipJoinedOn: null },
    });
    expect((await temp.call('followUps.due', {})).waitingCourses).toEqual([
      { courseId: practice.course.id, courseTitle: 'Recognising good practice', sessions: [expect.objectContaining({ sessionId: practice.session.id, waiting: 1 })] },
      { courseId: linked.course.id, courseTitle: 'Working with different communities', sessions: [expect.objectContaining({ sessionId: linked.session.id, waiting: 2 })] },
    ]);

    const again = await temp.call('followUps.rewriteMailMerge', { format: 'csv', courseId: linked.course.id });
    expect(again).toMatchObject({ written: 1, withoutEmail: 1 });
    expect(again.fileName).toMatch(/^Follow-up mail-merge written again \d{4}-\d{2}-\d{2}\.csv$/);
    const rows = byHeading(csvRows(bytesOfFile(again)));
    expect(rows).toEqual([first.find((row) => row.Name === 'Ana Follow')]);

    const everyone = byHeading(await xlsxRows(bytesOfFile(await temp.call('followUps.rewriteMailMerge', { format: 'xlsx' }))));
    expect(everyone.map((row) => [row.Name, row.Code])).toEqual([
      ['Ana Follow', codeOf('Ana Follow')],
      ['Dee Follow', codeOf('Dee Follow')],
    ]);
    // Nobody was given a new code or asked again.
    expect(temp.sqlite.prepare('SELECT code FROM follow_up_codes ORDER BY code').pluck().all()).toEqual(codesBefore);
    expect(await dueNames()).toEqual([]);

    await temp.call('followUps.answer', { code: codeOf('Ana Follow'), answers: { confidence: 5 } });
    expect(await failure(temp, 'followUps.rewriteMailMerge', { format: 'csv', sessionId: linked.session.id })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Use their printable forms instead: the one person asked there no longer has an email, so no mail-merge was written.',
    });
  });

  it('sends one code again to a person whose two records were both asked, and none once either code is answered', async () => {
    const kept = await attends(linked.session.id, 'Ana');
    const twice = await attends(linked.session.id, 'Anna');
    temp.clock.advance(84 * DAY_MS);
    const { rows } = await mailMerge();
    await temp.call('people.merge', { keepId: kept, otherId: twice });
    expect((await temp.call('followUps.due', {})).waiting).toBe(1);
    const again = byHeading(csvRows(bytesOfFile(await temp.call('followUps.rewriteMailMerge', { format: 'csv' }))));
    expect(again.map((row) => row.Name)).toEqual(['Ana Follow']);
    expect(rows.map((row) => row.Code)).toContain(again[0]!.Code);
    expect(await temp.call('followUps.forms', {})).toHaveLength(1);

    // She answers with the other record's code: nothing of hers is waiting any more.
    await temp.call('followUps.answer', { code: rows.find((row) => row.Code !== again[0]!.Code)!.Code!, answers: { confidence: 4 } });
    expect((await temp.call('followUps.due', {})).waiting).toBe(0);
    expect(await temp.call('followUps.forms', {})).toEqual([]);
    expect((await failure(temp, 'followUps.rewriteMailMerge', { format: 'csv' })).message).toMatch(/^Choose another course or session: nobody there was asked/);
  });

  it('is refused on a laptop', async () => {
    const laptop = await tempCore();
    try {
      await laptop.call('device.setUp', { role: 'laptop', name: 'Laptop 1' });
      expect(await failure(laptop, 'followUps.due', {})).toMatchObject({ code: 'WRONG_DEVICE_ROLE' });
    } finally {
      await laptop.cleanup();
    }
  });
});
