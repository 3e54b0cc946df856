import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCliForThisFile } from '../support/report-cli';

/** `fieldbook report demand|you-said-we-did|membership` as a script runs them, on a real data folder. */

const cli = reportCliForThisFile(async (temp, world) => {
  await temp.call('schemes.create', { name: 'Allies', requiredCourseIds: [world.course.id], yearStarts: '05-01' });
  const nhs = await temp.call('organisations.create', { name: 'City NHS Trust', sector: 'statutory' });
  const schemes = await temp.call('schemes.list', {});
  const ama = await world.person('Ama', nhs.id);
  await temp.call('members.join', { schemeId: schemes[0]!.id, personId: ama, startsOn: '2025-06-01' });
  const session = await world.session('2025-07-01');
  await world.attend(session, ama);
  await temp.call('notes.add', { sessionId: session.id, text: 'More examples from health visiting, please', tags: ['content'], needsResponse: true });
});
const { report } = cli;
const year = ['--from', '2025-05-01', '--to', '2026-04-30', '--as-of', '2026-05-15'];

describe('fieldbook report for the new kinds', () => {
  it('prints the membership report for a scheme named in any capitals, with the documented keys', async () => {
    const run = await report('membership', '--scheme', 'allies', ...year);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      report: 'membership',
      scheme: 'Allies',
      joined: 1,
      organisations: 1,
      trained: 1,
      notTrained: 0,
      due: 0,
      exempt: 0,
      renewed: 0,
      rejoined: 0,
      lapsed: 0,
      bySector: { statutory: { joined: 1, trained: 1 }, vcse: { joined: 0 }, other: { joined: 0 }, none: { joined: 0 } },
      byOrganisation: [{ name: 'City NHS Trust', joined: 1, trained: 1 }],
      dueSoon: [],
    });
  }, 60_000);

  it('asks for the scheme, and names one it does not know, with exit code 2', async () => {
    const missing = await report('membership', ...year);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('report membership needs --scheme NAME');
    const unknown = await report('membership', '--scheme', 'Friends', ...year);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no membership scheme called "Friends".');
    const misplaced = await report('demand', '--scheme', 'Allies', ...year);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--scheme is for the membership report only.');
  }, 60_000);

  it('prints demand and you-said-we-did keys, and writes a file', async () => {
    const demand = JSON.parse((await report('demand', ...year)).stdout);
    expect(Object.keys(demand)).toEqual(
      expect.arrayContaining([
        'waitlisted',
        'waitlistPlaced',
        'medianDaysToPlace',
        'placesReleased',
        'releasedPlacesTaken',
        'requestsWaiting',
        'requestsMedianDaysWaiting',
        'requestsLongestDaysWaiting',
        'sessions',
        'sessionsFullWithin7Days',
        'waitlistByCourse',
        'waitlistBySession',
        'requestsByCourse',
      ]),
    );
    expect(demand).toMatchObject({ report: 'demand', sessions: 1, waitlisted: 0, medianDaysToPlace: null });
    const out = join(cli.home, 'you-said.csv');
    const written = await report('you-said-we-did', ...year, '--format', 'csv', '--out', out);
    expect(written.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('More examples from health visiting, please');
    const notes = JSON.parse((await report('you-said-we-did', ...year)).stdout);
    expect(notes).toMatchObject({ report: 'you-said-we-did', raised: 1, answered: 0, awaitingAnswer: 1, byTag: [{ tag: 'content', raised: 1, answered: 0 }] });
  }, 60_000);
});
