import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runFieldbook, type CliRun } from './cli';
import { reportWorld } from './reports';
import { tempCore, type TempCore } from './temp-core';

export interface ReportCli {
  /** The CLI's HOME, made before the file's tests: where a test writes what it asks for. */
  readonly home: string;
  /** `fieldbook report ARGS --data FOLDER`, over the file's data folder, as a script runs it. */
  report(...args: string[]): Promise<CliRun>;
}

/**
 * Registers the hooks of a file that runs `fieldbook report` on one data
 * folder: before all its tests an office with a report world, whose records
 * `fill` writes, closed so the CLI can open it; after them the folder and the
 * CLI's home are removed.
 */
export function reportCliForThisFile(fill: (temp: TempCore, world: Awaited<ReturnType<typeof reportWorld>>) => Promise<void>): ReportCli {
  let temp: TempCore;
  let home: string;
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'fieldbook-home-'));
    temp = await tempCore({ setUp: true });
    await fill(temp, await reportWorld(temp));
    await temp.close();
  }, 60_000);
  afterAll(async () => {
    await temp.cleanup();
    rmSync(home, { recursive: true, force: true });
  });
  return {
    get home() {
      return home;
    },
    report: (...args) => runFieldbook(home, 'report', ...args, '--data', temp.folder),
  };
}
