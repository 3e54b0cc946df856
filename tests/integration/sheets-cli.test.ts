import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { write } from '../../electron/core/write';
import { runFieldbook } from '../support/cli';
import { openDatabaseFileIn, tempCore, type TempCore } from '../support/temp-core';

/** `fieldbook import-sheet` over an office's data folder, as its own process. */

let office: TempCore;
beforeEach(async () => {
  office = await tempCore({ setUp: true });
  // A membership scheme, for the member lists (schemes are made at the office, not by a sheet).
  const course = await office.call('courses.create', { title: 'Cultural Competency', durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
  await write(office.core.context, (scope) =>
    scope.insert('membership_schemes', { id: scope.newId(), name: 'Partner practitioners', required_course_ids: JSON.stringify([course.id]), window_months: 6, year_starts: null, fee_pence: 2500, grace_days: 30 }),
  );
  // The command opens the folder itself.
  await office.close();
});
afterEach(async () => {
  await office.cleanup();
});

const fieldbook = (...args: string[]) => runFieldbook(office.folder, ...args, '--data', office.folder);
const count = (sql: string) => {
  const db = openDatabaseFileIn(office.folder, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

const SHEET = 'Sign-in sheets, spring 2024\n\nFirst name,Surname,Date,Course,Venue,Attended,Badge\nAmira,Khan,14/05/2024,Health Equity Basics,Eastfield,Y,12\nBen,Ortiz,,Health Equity Basics,Eastfield,Y,13\n';

describe('fieldbook import-sheet', () => {
  it('prints the preview and writes nothing with --dry-run, then imports, then says nothing is new', async () => {
    const file = join(office.folder, 'spring.csv');
    writeFileSync(file, SHEET);

    const dry = await fieldbook('import-sheet', file, '--kind', 'attendance', '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Read 2 rows from spring.csv. To import: 1 new person, 0 people already known, 1 new session, 1 sign-in. 1 row was refused.');
    expect(dry.stdout).toContain('Refused: row 5: no date');
    expect(dry.stdout).toContain('Columns ignored: Badge');
    expect(dry.stdout).toContain('Nothing was written (--dry-run).');
    expect(count('SELECT count(*) FROM people')).toBe(0);

    const run = await fieldbook('import-sheet', file, '--kind', 'attendance');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported: 1 new person');
    expect(count("SELECT count(*) FROM sign_ins WHERE kind = 'sign_in'")).toBe(1);

    const again = await fieldbook('import-sheet', file, '--kind', 'attendance');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing new: everything in it is already in Fieldbook.');
  });

  it('maps a column from --mapping, and exits 1 when nothing could be imported', async () => {
    const file = join(office.folder, 'people.csv');
    writeFileSync(file, 'Christian name,Surname\nAmira,Khan\n');
    const refused = await fieldbook('import-sheet', file, '--kind', 'people');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/first name and surname/);

    const mapping = join(office.folder, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ 'Christian name': 'givenName' }));
    const mapped = await fieldbook('import-sheet', file, '--kind', 'people', '--mapping', mapping);
    expect(mapped.code).toBe(0);
    expect(count('SELECT given_name FROM people')).toBe('Amira');
  });

  it('imports a member list for the scheme --scheme names, and exits 2 for a scheme there is not', async () => {
    const file = join(office.folder, 'members.csv');
    writeFileSync(file, 'First name,Surname,Date joined,Renewal date,Fee paid\nAmira,Khan,01/04/2024,01/04/2025,£25\n');
    const run = await fieldbook('import-sheet', file, '--kind', 'members', '--scheme', 'partner practitioners');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported: 1 new person, 0 people already known, 1 new member of Partner practitioners, 2 terms.');
    expect(run.stdout).toContain('Terms of Partner practitioners: 2 to add, 0 already there');
    expect(count("SELECT group_concat(origin || ':' || coalesce(fee_pence, '-'), ' ') FROM (SELECT * FROM membership_terms ORDER BY starts_on)")).toBe('new:- renewal:2500');

    const unknown = await fieldbook('import-sheet', file, '--kind', 'members', '--scheme', 'Gold');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Choose one of the schemes: there is no membership scheme called "Gold". The schemes are "Partner practitioners".');
    const missing = await fieldbook('import-sheet', file, '--kind', 'members');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('import-sheet --kind members needs --scheme NAME');
  });

  it('imports evaluation results for a session whose sign-in sheet is in', async () => {
    const sheet = join(office.folder, 'spring.csv');
    writeFileSync(sheet, 'First name,Surname,Date,Course,Venue\nAmira,Khan,14/05/2024,Cultural Competency,Eastfield\n');
    expect((await fieldbook('import-sheet', sheet, '--kind', 'attendance')).code).toBe(0);
    const results = join(office.folder, 'results.csv');
    writeFileSync(results, 'Course,Date,Venue,Explore what we mean by culture (1-5),Comments\nCultural Competency,14/05/2024,Eastfield,5,Loved it\nCultural Competency,14/05/2024,Eastfield,4,\n');
    const run = await fieldbook('import-sheet', results, '--kind', 'evaluations');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 2 rows from results.csv. Imported: 2 new responses.');
    expect(count('SELECT count(*) FROM evaluation_responses WHERE person_id IS NULL')).toBe(2);
    const again = await fieldbook('import-sheet', results, '--kind', 'evaluations');
    expect(again.stdout).toContain('Nothing new');
    expect(count('SELECT count(*) FROM evaluation_responses')).toBe(2);
  });

  it('exits 2 for a command it does not understand', async () => {
    const run = await fieldbook('import-sheet', 'x.csv', '--kind', 'meetings');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('import-sheet needs --kind attendance, --kind people, --kind members or --kind evaluations.');
  });
});

describe('fieldbook import-sheet with likely duplicates', () => {
  it('lists a row that looks like someone already there, adds them as someone else, or as them with --same-person', async () => {
    await office.reopen();
    const hope = await office.call('organisations.create', { name: 'Hope Centre', sector: 'vcse' });
    await office.call('people.create', { givenName: 'Amira', familyName: 'Khan', email: 'amira@hope.example.org', organisationId: hope.id });
    await office.close();
    const file = join(office.folder, 'people.csv');
    writeFileSync(file, 'First name,Surname,Email,Organisation\nAmira,Khan,amira.k@home.example.org,Hope Centre\n');

    const dry = await fieldbook('import-sheet', file, '--kind', 'people', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('1 row looks like someone already in Fieldbook.');
    expect(dry.stdout).toContain(
      'row 2: Amira Khan (amira.k@home.example.org, Hope Centre) looks like Amira Khan (amira@hope.example.org, Hope Centre), same name and organisation: a different person (--same-person 2 to import the row as them)',
    );

    const typo = await fieldbook('import-sheet', file, '--kind', 'people', '--same-person', 'two');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--same-person takes rows as the preview lists them');
    const wrong = await fieldbook('import-sheet', file, '--kind', 'people', '--same-person', '3');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Preview the file again: row 3 is not a likely duplicate of anyone in Fieldbook');

    const same = await fieldbook('import-sheet', file, '--kind', 'people', '--same-person', '2');
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('CSV row 2: Amira Khan is Amira Khan (chosen with --same-person)');
    expect(count('SELECT count(*) FROM people WHERE merged_into IS NULL')).toBe(1);
  });
});
