import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { derivedId } from '../../electron/core/derived-id';
import { consentTexts } from '../../electron/core/subject-access/consent-texts';
import { subjectAccessReport } from '../../electron/core/subject-access/report';
import { write } from '../../electron/core/write';
import { CONSENT_TEXT_VERSION, type SubjectAccessCell, type SubjectAccessPart, type SubjectAccessReport } from '../../shared/contract';
import { answersFor, evaluatedSession, releaseHeldResponses } from '../support/evaluations';
import { equalityAnsweredOnTwoLaptops } from '../support/equality';
import { sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { refusal, tempCore, type TempCore } from '../support/temp-core';
import { cleanUpAfterEachTest } from '../support/each-test';

/**
 * "Everything we hold about this person" at the office: every row about
 * them, with merged records, undone sign-ins, consents with the words they
 * read, linked evaluation answers (never anonymous ones), membership, the
 * history of each field and which laptop was sent them in which package;
 * the same answer as a spreadsheet, read back sheet by sheet.
 */

let world: SyncWorld | null = null;
let temp: TempCore | null = null;
const cleanedUpAfterTest = cleanUpAfterEachTest();

const OLD_VERSION = 'consent-2025-06-v1';
const OLD_POLISH = { points: ['Zapisujemy Twoje imię i nazwisko.'], refuseNote: 'Możesz odmówić.', question: 'Czy wyrażasz zgodę?', agreed: 'Zgadzam się' };
const ANONYMOUS_COMMENT = 'Nobody may know I wrote this';
const LINKED_COMMENT = 'The interpreter part helped';

type Held = Extract<SubjectAccessReport, { status: 'held' }>;
const part = (report: SubjectAccessReport, key: string): SubjectAccessPart => (report as Held).parts.find((found) => found.key === key)!;
const text = (cell: SubjectAccessCell | undefined) => (cell && 'value' in cell ? String(cell.value) : '');
/** A part's rows as heading → text, for reading a row the way the screen's table reads. */
const rowsOf = (found: SubjectAccessPart) => found.rows.map((row) => Object.fromEntries(found.headers.map((header, index) => [header, text(row[index])])));

async function personWithEverything(w: SyncWorld) {
  const { office } = w;
  const laptop = w.laptops[0]!;
  const linked = await evaluatedSession(office.call, 'linked', 'Working with interpreters');
  const anonymous = await evaluatedSession(office.call, 'anonymous', 'Recognising good practice');
  const person = await office.call('people.create', { givenName: 'Zofia', familyName: 'Quillfeather', email: 'zofia@example.org' });
  await office.call('people.update', {
    id: person.id,
    version: (await office.call('people.get', { id: person.id })).version,
    fields: { givenName: 'Zofia', familyName: 'Quillfeather', preferredName: null, email: 'zofia.q@example.org', phone: null, organisationId: null, membershipJoinedOn: null },
  });
  const twice = await office.call('people.create', { givenName: 'Zofia', familyName: 'Quilfeather', phone: '07700 900123' });
  await office.call('signIn.book', { sessionId: anonymous.session.id, personId: twice.id });
  await office.call('people.merge', { keepId: person.id, otherId: twice.id });

  // Signed in by mistake, undone, then signed in for real.
  await office.call('signIn.book', { sessionId: linked.session.id, personId: person.id });
  await office.call('signIn.signIn', { sessionId: linked.session.id, personId: person.id });
  await office.call('signIn.undo', { sessionId: linked.session.id, personId: person.id });
  await office.call('signIn.signIn', { sessionId: linked.session.id, personId: person.id });
  await office.call('signIn.signIn', { sessionId: anonymous.session.id, personId: twice.id });

  // Consents as the kiosk records them: the current text in English, an older version in Polish; and an equality answer.
  await write(office.core.context, async (scope) => {
    const now = office.clock().toISOString();
    await scope.insert('consents', { id: scope.newId(), person_id: person.id, session_id: linked.session.id, text_version: CONSENT_TEXT_VERSION, language: 'en', agreed_at: now, device_id: scope.deviceId });
    await scope.insert('consents', { id: scope.newId(), person_id: twice.id, session_id: anonymous.session.id, text_version: OLD_VERSION, language: 'pl', agreed_at: now, device_id: scope.deviceId });
    await scope.insert('equality_answers', { id: derivedId('equality-answer', person.id), person_id: person.id, ethnicity: 'white-irish', answered_at: now });
  });

  const linkedTemplate = await office.call('evaluations.template', { courseId: linked.course.id });
  const freeText = (template: typeof linkedTemplate) => template.items.find((item) => item.kind === 'free_text')!.id;
  await office.call('evaluations.submit', {
    sessionId: linked.session.id, personId: person.id, templateId: linkedTemplate.id, language: 'en',
    answers: answersFor(linkedTemplate, 5, 2, 4, { [freeText(linkedTemplate)]: LINKED_COMMENT }),
  });
  const anonymousTemplate = await office.call('evaluations.template', { courseId: anonymous.course.id });
  await office.call('evaluations.submit', {
    sessionId: anonymous.session.id, personId: twice.id, templateId: anonymousTemplate.id, language: 'en',
    answers: answersFor(anonymousTemplate, 3, 1, 2, { [freeText(anonymousTemplate)]: ANONYMOUS_COMMENT }),
  });
  await releaseHeldResponses(office);

  const scheme = await office.call('schemes.create', { name: 'Allies', requiredCourseIds: [linked.course.id], feePence: 2500 });
  await office.call('members.join', { schemeId: scheme.id, personId: person.id, startsOn: '2026-03-01', feePence: 2500, paidOn: '2026-03-02', notes: 'Joined at the spring open day' });

  const sent = await sendPackage(office, laptop);
  return { person, twice, linked, anonymous, sent };
}

describe('everything we hold about a person', () => {
  it('gives every row about them and the records merged into them, with field histories, consent words and the package that carried them', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2']));
    const { office } = world;
    const { person, twice } = await personWithEverything(world);

    const report = await office.call('subjectAccess.report', { personId: twice.id });
    expect(report.status).toBe('held');
    const held = report as Held;
    expect(held.preparedBy).toBe('Central office');

    const records = rowsOf(part(report, 'person'));
    expect(records.map((row) => [row['Record'], row['Family name'], row['Merged into']])).toEqual(
      expect.arrayContaining([
        ['Merged with it', 'Quillfeather', ''],
        ['The record asked about', 'Quilfeather', 'Zofia Quillfeather'],
      ]),
    );
    expect(records.find((row) => row['Family name'] === 'Quillfeather')!['Email']).toBe('zofia.q@example.org');

    const bookings = rowsOf(part(report, 'bookings'));
    expect(bookings.map((row) => row['Session']).sort()).toEqual(['Recognising good practice at Riverside Hall', 'Working with interpreters at Riverside Hall']);
    expect(rowsOf(part(report, 'booking-history')).length).toBeGreaterThanOrEqual(2);

    const signIns = rowsOf(part(report, 'sign-ins'));
    expect(signIns.map((row) => row['What'])).toEqual(['Signed in', 'Sign-in undone', 'Signed in', 'Signed in']);
    expect(signIns[1]!['Computer']).toBe('Central office');

    // Two versions in two languages: the words each person read, from the archive of consent texts.
    const archive = { ...consentTexts, [OLD_VERSION]: { pl: OLD_POLISH } };
    const withOldWords = await office.core.exclusive(() => subjectAccessReport(office.core.context, person.id, archive));
    const consents = rowsOf(part(withOldWords, 'consents'));
    expect(consents.map((row) => [row['Version'], row['Language']]).sort()).toEqual([
      [OLD_VERSION, 'Polish'],
      [CONSENT_TEXT_VERSION, 'English'],
    ].sort());
    const english = consents.find((row) => row['Language'] === 'English')!['The text they agreed to'];
    expect(english).toContain('You can ask to see or delete your information at any time.');
    expect(english).toContain('Do you agree? I agree.');
    expect(consents.find((row) => row['Language'] === 'Polish')!['The text they agreed to']).toContain('Zapisujemy Twoje imię i nazwisko.');
    // Without its words kept, a version says so rather than showing other words.
    expect(rowsOf(part(report, 'consents')).find((row) => row['Version'] === OLD_VERSION)!['The text they agreed to']).toBe(
      'The words of this version in this language are not kept in this version of Fieldbook.',
    );

    expect(rowsOf(part(report, 'equality'))).toEqual([expect.objectContaining({ Answer: 'Irish' })]);

    const answers = rowsOf(part(report, 'evaluations'));
    expect(answers.every((row) => row['Session'] === 'Working with interpreters at Riverside Hall')).toBe(true);
    expect(answers.map((row) => row['Answer'])).toContain(LINKED_COMMENT);
    expect(answers.map((row) => row['Answer'])).toContain('5 of 5');
    // The anonymous answer was given by them, yet nothing ties it to them: it is nowhere in the answer.
    expect(JSON.stringify(report)).not.toContain(ANONYMOUS_COMMENT);
    expect(rowsOf(part(report, 'completions')).map((row) => row['Session']).sort()).toEqual([
      'Recognising good practice at Riverside Hall',
      'Working with interpreters at Riverside Hall',
    ]);

    expect(rowsOf(part(report, 'membership'))).toEqual([
      expect.objectContaining({ Scheme: 'Allies', Starts: '2026-03-01', Fee: '£25.00', Notes: 'Joined at the spring open day' }),
    ]);

    const history = rowsOf(part(report, 'field-history'));
    expect(history.filter((row) => row['Record'] === 'A person' && row['Field'] === 'Email').map((row) => row['Value'])).toEqual([
      'zofia@example.org',
      'zofia.q@example.org',
    ]);
    expect(history.find((row) => row['Field'] === 'Email')!['Computer']).toBe('Central office');
    expect(history.find((row) => row['Field'] === 'Duplicate merge (which person it was merged into)')!['Value']).toBe('Zofia Quillfeather');

    expect(rowsOf(part(report, 'packages'))).toEqual([expect.objectContaining({ Laptop: 'Hall laptop 2', Package: 'Package 1', 'Carried their data': 'Yes' })]);
    expect(rowsOf(part(report, 'conflicts'))).toEqual([]);
  });

  it('writes the same answer as a spreadsheet, a sheet per part, that reads back', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2']));
    const { office } = world;
    const { person } = await personWithEverything(world);
    const report = (await office.call('subjectAccess.report', { personId: person.id })) as Held;
    const file = await office.call('subjectAccess.spreadsheet', { personId: person.id });
    expect(file.fileName).toBe('Everything we hold about Zofia Quillfeather 2026-03-12.xlsx');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About', ...report.parts.map((found) => found.title)]);
    const about = workbook.getWorksheet('About')!;
    expect(about.getRow(1).getCell(2).value).toBe('Zofia Quillfeather');
    const consents = workbook.getWorksheet('Consents')!;
    expect(consents.getRow(1).values).toEqual([undefined, 'Agreed at', 'Session', 'Version', 'Language', 'The text they agreed to', 'Computer']);
    expect(String(consents.getRow(2).getCell(5).value)).toContain('You can ask to see or delete your information at any time.');
    // Dates are real dates a spreadsheet can sort.
    expect(consents.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    const signIns = workbook.getWorksheet('Sign-ins')!;
    expect([2, 3, 4, 5].map((row) => signIns.getRow(row).getCell(4).value)).toEqual(['Signed in', 'Sign-in undone', 'Signed in', 'Signed in']);
    const packages = workbook.getWorksheet('Sent to laptops')!;
    expect(packages.getRow(2).getCell(1).value).toBe('Hall laptop 2');
    // A part with nothing in it keeps its sheet, with its headings.
    expect(workbook.getWorksheet('Conflicts')!.rowCount).toBe(1);
  });

  it('says when a person was erased, and that nothing is held', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const person = await temp.call('people.create', { givenName: 'Zofia', familyName: 'Quillfeather' });
    await temp.call('erasure.erase', { personIds: [person.id], reason: 'Asked to be forgotten', erasedBy: 'Priya' });
    expect(await temp.call('subjectAccess.report', { personId: person.id })).toEqual({
      status: 'erased',
      erasedAt: '2026-03-12T09:00:00.000Z',
      message: 'This person was erased on 12 March 2026; nothing is held.',
    });
    expect(await refusal(temp.dispatch, 'subjectAccess.spreadsheet', { personId: person.id })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No need to download it: this person was erased on 12 March 2026; nothing is held.',
    });
  });

  it('gives the person both values of a conflict about their rows, and which laptop gave each', async () => {
    world = cleanedUpAfterTest(await equalityAnsweredOnTwoLaptops());
    const [amira] = await world.office.call('people.page', { query: 'Amira Khan' }).then((page) => page.rows);
    const report = await world.office.call('subjectAccess.report', { personId: amira!.id });
    const [conflict] = rowsOf(part(report, 'conflicts'));
    expect(conflict).toMatchObject({ Record: 'An equality answer', Field: 'Ethnicity', Status: 'To review' });
    expect([conflict!['Value kept'], conflict!['Value overwritten']].sort()).toEqual(['Irish', 'Pakistani']);
    expect([conflict!['Kept from'], conflict!['Overwritten from']].sort()).toEqual(['Hall laptop 1', 'Hall laptop 2']);
  });

  it('forgets which packages carried a person when they are erased', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2']));
    const { office } = world;
    const { person } = await personWithEverything(world);
    const carried = office.sqlite.prepare('SELECT count(*) FROM package_people').pluck();
    // Both records of them were booked on the laptop's sessions, so the package carried both.
    expect(carried.get()).toBe(2);
    await office.call('erasure.erase', { personIds: [person.id], reason: 'Asked to be forgotten', erasedBy: 'Priya' });
    expect(carried.get()).toBe(0);
    expect((await office.call('subjectAccess.report', { personId: person.id })).status).toBe('erased');
  });

  it('is refused on a laptop in plain words, and for a person never held', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2']));
    const laptop = world.laptops[0]!;
    const person = await laptop.call('people.create', { givenName: 'Zofia', familyName: 'Quillfeather' });
    expect(await refusal(laptop.dispatch, 'subjectAccess.report', { personId: person.id })).toMatchObject({
      code: 'WRONG_DEVICE_ROLE',
      message: 'Use the central office for this: this computer is a facilitator laptop.',
    });
    expect(await refusal(world.office.dispatch, 'subjectAccess.report', { personId: person.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists packages written before packages recorded their people as not recorded', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2']));
    const { office } = world;
    const { person } = await personWithEverything(world);
    // A package from before schema 0018, as the migration found it: no record of who it carried.
    const [earlier] = office.sqlite.prepare('SELECT bundle_id FROM outgoing_bundles').pluck().all() as string[];
    office.sqlite.prepare('DELETE FROM package_people WHERE bundle_id = ?').run(earlier);
    office.sqlite.prepare('INSERT INTO packages_unrecorded (bundle_id) VALUES (?)').run(earlier);
    await sendPackage(office, world.laptops[0]!);
    const report = await office.call('subjectAccess.report', { personId: person.id });
    expect(rowsOf(part(report, 'packages')).map((row) => [row['Package'], row['Carried their data']])).toEqual([
      ['Package 1', expect.stringMatching(/^Not recorded: these packages were written before Fieldbook kept who each package carried\./)],
      ['Package 2', 'Yes'],
    ]);
  });
});
