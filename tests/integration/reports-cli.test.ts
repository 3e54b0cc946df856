import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFieldbook } from '../support/cli';
import { reportCliForThisFile } from '../support/report-cli';

/** `fieldbook setup` and `fieldbook report` as a script runs them, on a real data folder. */

const cli = reportCliForThisFile(async (temp, world) => {
  const nhs = await temp.call('organisations.create', { name: 'City NHS Trust', sector: 'statutory' });
  const first = await world.session('2025-08-01');
  const later = await world.session('2026-02-10');
  const alice = await world.person('Alice', nhs.id);
  await world.attend(first, alice);
  await world.attend(later, alice);
  await world.attend(later, await world.person('Bea'));
});
const { report } = cli;

describe('fieldbook report', () => {
  it('prints the training report for a contract year as JSON with the documented keys', async () => {
    const run = await report('training', '--contract-year', '2025', '--contract', 'city public health', '--as-of', '2026-08-15', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      report: 'training',
      period: { from: '2025-08-01', to: '2026-07-31', partYear: false },
      peopleTrained: 2,
      attendances: 3,
      sessions: 2,
      bySector: { statutory: { peopleTrained: 1, attendances: 2 }, vcse: { peopleTrained: 0 }, other: { peopleTrained: 0 } },
      byOrganisation: [
        { name: 'City NHS Trust', peopleTrained: 1 },
        { name: 'No organisation recorded', peopleTrained: 1 },
      ],
      byCourse: [{ name: 'Cultural competency', peopleTrained: 2, attendances: 3 }],
    });
    expect(json.definitions.length).toBeGreaterThan(0);
  }, 60_000);

  it('prints confidence keys, zeros and "no sessions" for an empty period, and writes to --out', async () => {
    const out = join(cli.home, 'confidence.json');
    const run = await report('confidence', '--from', '2024-01-01', '--to', '2024-01-31', '--as-of', '2026-08-15', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(out);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json).toMatchObject({ paired: 0, increased: 0, same: 0, lower: 0, percentIncreased: null, responses: 0, attendances: 0 });
    expect(json.notes).toContain('No sessions in this period.');
  }, 60_000);

  it('writes the report as an XLSX file with --format xlsx --out FILE', async () => {
    const out = join(cli.home, 'training.xlsx');
    const run = await report('training', '--from', '2025-08-01', '--to', '2026-07-31', '--as-of', '2026-08-15', '--format', 'xlsx', '--out', out);
    expect(run.code).toBe(0);
    expect([...readFileSync(out).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  }, 60_000);

  it('exits with 2 and a plain sentence for a period backwards or a name it does not know', async () => {
    const backwards = await report('training', '--from', '2026-05-01', '--to', '2026-04-01');
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('--from 2026-05-01 is after --to 2026-04-01: the first day must be on or before the last.');
    const course = await report('training', '--from', '2026-01-01', '--to', '2026-03-31', '--course', 'Basket weaving');
    expect(course.code).toBe(2);
    expect(course.stderr).toContain('There is no course called "Basket weaving".');
    const contract = await report('training', '--contract-year', '2025', '--contract', 'Nobody');
    expect(contract.code).toBe(2);
    expect(contract.stderr).toContain('There is no contract called "Nobody".');
  }, 60_000);
});

describe('fieldbook setup', () => {
  it('sets up a new data folder as the office, and refuses a second time', async () => {
    const folder = join(cli.home, 'new-office');
    const first = await runFieldbook(cli.home, 'setup', '--role', 'office', '--name', 'Leeds office', '--data', folder);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('as the central office named "Leeds office"');
    const again = await runFieldbook(cli.home, 'setup', '--role', 'laptop', '--name', 'Hall laptop', '--data', folder);
    expect(again.code).toBe(1);
    const usage = await runFieldbook(cli.home, 'setup', '--role', 'kiosk', '--name', 'X', '--data', folder);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('setup needs --role office or --role laptop.');
  }, 60_000);
});
