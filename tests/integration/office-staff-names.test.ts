import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingFile, ProcedureInput } from '../../shared/contract';
import type { StaffClient } from '../support/staff-client';
import { officeServerForEachTest } from '../support/office-server-each-test';
import { byHeading, bytesOfFile, csvRows, xlsxRows } from '../support/spreadsheets';
import { asIncoming, enrolLaptop, sendPackage } from '../support/sync';
import type { TempCore } from '../support/temp-core';
import { evaluatedSession } from '../support/evaluations';

/**
 * Who did what (issue 18): on the office server, the person history, the
 * import log and the conflict log name the staff member, beside the
 * computer, on their screens and in their downloads; what the desktop app
 * and the laptops did names no one.
 */

const PRIYA = { name: 'Priya Shah', email: 'priya@example.org', role: 'coordinator' as const, password: 'violet-harbour-lantern' };

const office = officeServerForEachTest([PRIYA]);
let priya: StaffClient;
const laptops: TempCore[] = [];

beforeEach(async () => {
  priya = await office.server.signedIn(PRIYA);
});

afterEach(async () => {
  for (const laptop of laptops.splice(0)) await laptop.cleanup();
});

async function priyaCalls(name: string, input: unknown) {
  const answer = await priya.call(name, input);
  expect(answer.result.error).toBeUndefined();
  return answer.result.value;
}

async function editEmail(laptop: TempCore, personId: string, email: string): Promise<void> {
  const { id: _, organisationName: __, version, ...fields } = await laptop.call('people.get', { id: personId });
  await laptop.call('people.update', { id: personId, version, fields: { ...fields, email } });
}

/**
 * Priya adds Amira at the office server; two laptops change her email, one
 * file imported by Priya on the server and the other in the desktop app:
 * one conflict, open.
 */
async function amiraChangedOnTwoLaptops() {
  const amira = await priyaCalls('people.create', { givenName: 'Amira', familyName: 'Khan', email: 'amira@example.org' });
  // Booked on today's session, so both laptops' packages carry her.
  const { session } = await evaluatedSession(office.temp.call, 'linked');
  await priyaCalls('signIn.book', { sessionId: session.id, personId: amira.id });
  for (const name of ['Hall laptop 1', 'Hall laptop 2']) {
    const laptop = await enrolLaptop(office.temp, name);
    laptops.push(laptop);
    await sendPackage(office.temp, laptop);
  }
  const [one, two] = laptops as [TempCore, TempCore];
  one.clock.set('2026-03-12T10:00:00.000Z');
  two.clock.set('2026-03-12T10:05:00.000Z');
  await editEmail(one, amira.id, 'amira.khan@nhs.example');
  await editEmail(two, amira.id, 'a.khan@council.example');
  office.temp.clock.set('2026-03-12T18:00:00.000Z');
  // Back at her desk in the evening: her morning session has lapsed.
  expect((await priya.signIn(PRIYA.email, PRIYA.password)).result.ok).toBe(true);
  const fromOne: OutgoingFile = await one.call('sync.exportBundle', {});
  const fromTwo: OutgoingFile = await two.call('sync.exportBundle', {});
  // Laptop 1's file imported by Priya on the server; laptop 2's in the desktop app, where no one signs in.
  await priyaCalls('sync.importFile', asIncoming(fromOne));
  await office.temp.call('sync.importFile', asIncoming(fromTwo));
  return amira as { id: string };
}

/** Priya's download from the server, read back as rows keyed by heading: from the spreadsheet, then from the CSV. */
async function downloaded(list: 'importLog' | 'conflicts') {
  const read = async (format: 'xlsx' | 'csv') => {
    const input: ProcedureInput<'exports.download'> = { list, format };
    const bytes = bytesOfFile((await priyaCalls('exports.download', input)) as OutgoingFile);
    return byHeading(format === 'xlsx' ? await xlsxRows(bytes) : csvRows(bytes));
  };
  return { xlsx: await read('xlsx'), csv: await read('csv') };
}

describe('staff names in the logs on the office server', { timeout: 60_000 }, () => {
  it('names who added a person, who imported each file and who resolved a conflict; the desktop app and laptops name no one', async () => {
    const amira = await amiraChangedOnTwoLaptops();

    const log = await priyaCalls('sync.importLog', {});
    expect(log.map((entry: { senderName: string; staffName: string | null }) => [entry.senderName, entry.staffName])).toEqual([
      ['Hall laptop 2', null],
      ['Hall laptop 1', 'Priya Shah'],
    ]);

    const history = await office.temp.call('people.history', { id: amira.id });
    expect(history.find((entry) => entry.what === 'Amira Khan added')).toMatchObject({ deviceName: 'Central office', staffName: 'Priya Shah' });
    // Laptops' edits came in files: the computer, and no staff member.
    expect(history.filter((entry) => /\.example$/.test(entry.what)).map((entry) => [entry.deviceName, entry.staffName])).toEqual([
      ['Hall laptop 2', null],
      ['Hall laptop 1', null],
    ]);

    const [conflict] = await priyaCalls('sync.conflicts', {});
    expect(conflict).toMatchObject({ overwrittenBy: 'Hall laptop 1', keptBy: 'Hall laptop 2', status: 'open', resolvedBy: null, resolvedAt: null });
    const restored = await priyaCalls('sync.resolveConflict', { id: conflict.id, action: 'reverse' });
    expect(restored).toMatchObject({ status: 'reversed', resolvedBy: 'Priya Shah', resolvedAt: '2026-03-12T18:00:00.000Z' });
    expect((await office.temp.call('sync.conflicts', {}))[0]).toMatchObject({ resolvedBy: 'Priya Shah' });
    // Restoring is a new edit, made by Priya at the office: the history says so.
    const newest = (await office.temp.call('people.history', { id: amira.id }))[0]!;
    expect(newest).toMatchObject({ what: expect.stringMatching(/^Amira Khan: .*amira\.khan@nhs\.example$/), deviceName: 'Central office', staffName: 'Priya Shah' });
  });

  it('the downloaded import log and conflicts name who imported and who resolved, as their screens do', async () => {
    await amiraChangedOnTwoLaptops();

    const log = await downloaded('importLog');
    expect(log.xlsx.map((row) => [row.From, row['Imported by']])).toEqual([
      ['Hall laptop 2', null],
      ['Hall laptop 1', 'Priya Shah'],
    ]);
    expect(log.csv.map((row) => [row.From, row['Imported by']])).toEqual([
      ['Hall laptop 2', ''],
      ['Hall laptop 1', 'Priya Shah'],
    ]);

    // Open, it is resolved by no one yet.
    expect((await downloaded('conflicts')).xlsx).toEqual([expect.objectContaining({ Status: 'To review', 'Resolved by': null, 'Resolved at': null })]);
    const [conflict] = await priyaCalls('sync.conflicts', {});
    await priyaCalls('sync.resolveConflict', { id: conflict.id, action: 'reverse' });

    const resolved = await downloaded('conflicts');
    expect(resolved.xlsx).toEqual([expect.objectContaining({ 'Overwritten from': 'Hall laptop 1', 'Resolved by': 'Priya Shah', 'Resolved at': expect.any(Date) })]);
    expect(resolved.csv).toEqual([expect.objectContaining({ 'Resolved by': 'Priya Shah', 'Resolved at': expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) })]);
  });
});
