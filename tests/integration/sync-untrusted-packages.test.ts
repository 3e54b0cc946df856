import { afterEach, describe, expect, it } from 'vitest';
import { changedTables, officeForger } from '../support/crafted-bundles';
import { evaluatedSession } from '../support/evaluations';
import { enrolLaptop, incomingBytes, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { dumpDatabase, refusal, type TempCore } from '../support/temp-core';

/**
 * A package signed by the paired office is trusted for the office's own
 * changes; the laptops' changes it relays keep their authors' rights. So a
 * package that carries a change "made by" a laptop that renames a course is
 * refused whole on the laptop, writing nothing, however well it is signed.
 */

let world: SyncWorld;
const extra: TempCore[] = [];
afterEach(async () => {
  await world?.cleanup();
  for (const core of extra.splice(0)) await core.cleanup();
});

async function scene() {
  world = await syncWorld(['Hall laptop 2']);
  const { office, laptops } = world;
  const laptop = laptops[0]!;
  const other = await enrolLaptop(office, 'Hall laptop 3');
  extra.push(other);
  const { course } = await evaluatedSession(office.call);
  await sendPackage(office, laptop);
  const laptopId = (await laptop.call('device.status', {})).device!.id;
  const otherId = (await other.call('device.status', {})).device!.id;
  const created = office.sqlite.prepare("SELECT id FROM change_log WHERE table_name = 'courses' AND row_id = ?").pluck().get(course.id) as string;
  const forger = officeForger(office, laptopId);
  /** A rename of the course, stamped with and authored by the given device. */
  const rename = (author: string, title: string) =>
    forger.change({ table: 'courses', rowId: course.id, fields: { title }, replaces: { title: created }, author, hlc: forger.stampAt(office.clock(), 7, author) });
  return { office, laptop, laptopId, otherId, course, forger, rename };
}

async function refusedByLaptop(laptop: TempCore, file: Uint8Array) {
  const before = dumpDatabase(laptop.sqlite);
  const error = await refusal(laptop.dispatch, 'sync.importPackage', incomingBytes(file, 'hall-laptop-2-package.fieldbook-package'));
  expect(changedTables(before, dumpDatabase(laptop.sqlite))).toEqual([]);
  expect(laptop.loggedErrors).toEqual([]);
  return error;
}

const courseTitle = (laptop: TempCore, courseId: string) => laptop.sqlite.prepare('SELECT title FROM courses WHERE id = ?').pluck().get(courseId);

describe('a package relays laptops’ changes only with the rights of the laptop that made them', () => {
  it('refuses a package signed by the office that carries a course rename made by a laptop, writing nothing', async () => {
    const { laptop, laptopId, otherId, course, forger, rename } = await scene();
    for (const author of [otherId, laptopId]) {
      const error = await refusedByLaptop(laptop, await forger.of(rename(author, 'Renamed by a laptop')));
      expect(error.code).toBe('NOT_ALLOWED');
      expect(error.message).toMatch(/Central office .*course.*Nothing was imported\.$/);
    }
    expect(courseTitle(laptop, course.id)).toBe('Working with different communities');

    // The same rename made by the office itself is the office's to make: it imports.
    const office = forger.deviceId;
    expect((await laptop.call('sync.importPackage', incomingBytes(await forger.of(rename(office, 'Renamed by the office')), 'p.fieldbook-package'))).status).toBe('imported');
    expect(courseTitle(laptop, course.id)).toBe('Renamed by the office');
  });

  it('says that the refused change was a laptop’s, carried in the office’s file', async () => {
    const { laptop, otherId, forger, rename } = await scene();
    const error = await refusedByLaptop(laptop, await forger.of(rename(otherId, 'Renamed by a laptop')));
    // The office may rename a course; what was refused is a laptop's change it carried.
    expect(error.message).toBe('The file from Central office carries a change made on a laptop that tried to change the title of a course; only the office can. Nothing was imported.');
  });

  it('refuses a package signed by the office carrying a sign-in rewritten in place by a laptop', async () => {
    const { office, laptop, otherId, forger } = await scene();
    const sessionId = office.sqlite.prepare('SELECT id FROM sessions').pluck().get() as string;
    const person = await laptop.call('people.create', { givenName: 'Amira', familyName: 'Test' });
    await laptop.call('signIn.book', { sessionId, personId: person.id });
    await laptop.call('signIn.signIn', { sessionId, personId: person.id });
    const signIn = laptop.sqlite.prepare('SELECT * FROM sign_ins').get() as Record<string, unknown>;
    const stamp = forger.stampAt(office.clock().getTime() + 1000, 0, otherId);
    const { id, ...fields } = signIn;
    // Rewritten for another person, as if that laptop had signed them in under this sign-in's record.
    const other = await laptop.call('people.create', { givenName: 'Bogdan', familyName: 'Test' });
    const change = forger.change({ table: 'sign_ins', rowId: id as string, author: otherId, hlc: stamp, fields: { ...fields, person_id: other.id, hlc: stamp, device_id: otherId } });
    const error = await refusedByLaptop(laptop, await forger.of(change));
    expect(error).toEqual({ code: 'NOT_ALLOWED', message: 'Central office tried to rewrite a sign-in made on another device. Nothing was imported.' });
  });
});
