import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFieldbook } from '../support/cli';


let folder: string;

const fieldbook = (...args: string[]) => runFieldbook(folder, ...args);

/** A stack trace line, which a person running a command should never have to read for an expected problem. */
const stackLine = /^\s+at /m;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'fieldbook-cli-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('fieldbook command line', () => {
  it('loads demo data into the given folder and says what it loaded and where', async () => {
    const data = join(folder, 'office');

    const run = await fieldbook('demo', '--data', data);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Loaded demo data into ${join(data, 'fieldbook.sqlite')}`);
    expect(run.stdout).toContain('Cultural Competency: working with ethnically marginalised people in health settings');
    expect(run.stdout).toMatch(/300 people/);
    expect(run.stdout).toMatch(/sessions from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, 2 of them today/);
    expect(run.stdout).toContain('central office device named "Central office (demo)"');
    expect(existsSync(join(data, 'fieldbook.sqlite'))).toBe(true);
  });

  it('refuses to load demo data twice, in plain words and with a failing exit code', async () => {
    const data = join(folder, 'office');
    expect((await fieldbook('demo', '--data', data)).code).toBe(0);

    const again = await fieldbook('demo', '--data', data);

    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Demo data is already loaded here');
    expect(again.stderr).toContain('Nothing was added.');
    expect(again.stderr).not.toMatch(stackLine);
  });

  it('adds generated people for benchmarks, setting up a new folder first', async () => {
    const run = await fieldbook('generate-people', '--count', '250', '--data', join(folder, 'bench'));

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Added 250 people to .*fieldbook\.sqlite/);
  });

  it('explains an unknown command and exits with a usage error', async () => {
    const run = await fieldbook('frobnicate');

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "frobnicate".');
    expect(run.stderr).toContain('fieldbook help');
    expect(run.stderr).not.toMatch(stackLine);
  });

  it('explains a bad option or a missing count', async () => {
    const unknownOption = await fieldbook('demo', '--colour', 'blue', '--data', folder);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('"demo" has no option --colour.');

    const noCount = await fieldbook('generate-people', '--data', folder);
    expect(noCount.code).toBe(2);
    expect(noCount.stderr).toContain('generate-people needs --count');

    const badCount = await fieldbook('generate-people', '--count', 'lots', '--data', folder);
    expect(badCount.code).toBe(2);
    expect(badCount.stderr).toContain('--count must be a whole number');
    for (const run of [unknownOption, noCount, badCount]) expect(run.stderr).not.toMatch(stackLine);
  });

  it('says so when the data folder is a file', async () => {
    const notAFolder = join(folder, 'notes.txt');
    writeFileSync(notAFolder, 'not a folder');

    const run = await fieldbook('demo', '--data', notAFolder);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is a file, not a folder');
    expect(run.stderr).not.toMatch(stackLine);
  });

  it('shows help listing its commands', async () => {
    const run = await fieldbook('help');

    expect(run.code).toBe(0);
    for (const command of ['fieldbook demo', 'fieldbook generate-people', 'fieldbook help', '--data']) {
      expect(run.stdout).toContain(command);
    }
  });
});
