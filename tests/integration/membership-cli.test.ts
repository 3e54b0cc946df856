import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFieldbook } from '../support/cli';
import { openDatabaseFileIn, tempCore, type TempCore } from '../support/temp-core';

/** `fieldbook scheme` over an office's data folder, as its own process. */

let office: TempCore;
beforeEach(async () => {
  office = await tempCore({ setUp: true });
  await office.call('courses.create', { title: 'Cultural Competency', durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
  await office.call('courses.create', { title: 'Health Equity Basics', durationMinutes: 120, learningOutcomes: ['Recognise good practice'] });
  await office.close();
});
afterEach(async () => {
  await office.cleanup();
});

const fieldbook = (...args: string[]) => runFieldbook(office.folder, 'scheme', ...args, '--data', office.folder);
const schemes = () => {
  const db = openDatabaseFileIn(office.folder, { readonly: true });
  try {
    return db.prepare('SELECT name, window_months, year_starts, fee_pence, grace_days, (SELECT title FROM courses WHERE id = json_extract(required_course_ids, \'$[0]\')) AS course FROM membership_schemes').all();
  } finally {
    db.close();
  }
};

describe('fieldbook scheme', () => {
  it('creates a scheme, then changes the one of that name whatever its capitals', async () => {
    const created = await fieldbook('--name', 'Allies', '--required-course', 'cultural competency', '--year-starts', '05-01', '--fee', '£25');
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toBe(
      "Created the scheme Allies: members attend Cultural Competency within 6 months of joining; membership year from 1 May; fee £25.00; 30 days' grace.\n",
    );

    const updated = await fieldbook('--name', 'ALLIES', '--within-months', '3', '--fee', '12.50');
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('Updated the scheme ALLIES: members attend Cultural Competency within 3 months of joining; membership year from 1 May; fee £12.50');
    expect(schemes()).toEqual([{ name: 'ALLIES', window_months: 3, year_starts: '05-01', fee_pence: 1250, grace_days: 30, course: 'Cultural Competency' }]);
  });

  it('exits with 2 for a command it cannot read and 1 when refused, writing nothing', async () => {
    const noName = await fieldbook('--required-course', 'Cultural Competency');
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('scheme needs --name');
    const badDay = await fieldbook('--name', 'Allies', '--required-course', 'Cultural Competency', '--year-starts', '31-12');
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('Choose a day every year has for --year-starts');
    const badFee = await fieldbook('--name', 'Allies', '--required-course', 'Cultural Competency', '--fee', 'twenty');
    expect(badFee.code).toBe(2);
    const noCourse = await fieldbook('--name', 'Allies');
    expect(noCourse.code).toBe(2);
    expect(noCourse.stderr).toContain('There is no scheme called Allies yet');

    const unknownCourse = await fieldbook('--name', 'Allies', '--required-course', 'Basket weaving');
    expect(unknownCourse.code).toBe(1);
    expect(unknownCourse.stderr).toBe('There is no course called Basket weaving. Add it to the catalogue first, or check the spelling.\n');
    expect(schemes()).toEqual([]);
  });
});
