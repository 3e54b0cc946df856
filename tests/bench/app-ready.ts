import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Browser } from 'playwright-core';
import { createCore, type Core } from '../../electron/core';
import { newUuidV7 } from '../../electron/core/ids';
import { fileKeyStore } from '../../electron/core/keys';
import { DATABASE_FILE, KEYS_FOLDER } from '../../electron/host/data-folder';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { openCoreInFolder } from '../../electron/host/open-core';
import { startWebHost } from '../../electron/web/server';
import { rendererFolder } from '../e2e/support/harness';
import { percentile, timeMs, type Figure } from './report';

const RUNS = 15;

/** The core as the version before encryption opened it: a plain database file. */
function plainCoreInFolder(folder: string): Core {
  return createCore({
    databasePath: join(folder, DATABASE_FILE),
    clock: () => new Date(),
    newId: newUuidV7,
    keyStore: fileKeyStore(join(folder, KEYS_FOLDER)),
    unencryptedForComparison: true,
  });
}

/**
 * App ready: open the database (running every migration on a new file),
 * start the host, and show the first screen in Chromium with its data
 * loaded. The browser is started beforehand, as Electron's window would be.
 */
async function appReadyOnce(browser: Browser, folder: string, setUp: boolean, plain = false): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let close: () => Promise<void> = async () => undefined;
  const elapsed = await timeMs(async () => {
    const core = plain ? plainCoreInFolder(folder) : openCoreInFolder(folder);
    if (setUp && !(await core.handlers['device.status']({})).device) {
      await core.handlers['device.setUp']({ role: 'laptop', name: 'Bench laptop' });
    }
    const host = await startWebHost({ dispatch: createDispatcher(core.handlers), staticFolder: rendererFolder });
    close = async () => {
      await host.close();
      await core.close();
    };
    await page.goto(host.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });
  await context.close();
  await close();
  return elapsed;
}

function rawOpenOnce(folder: string): Promise<number> {
  return timeMs(() => {
    const db = new Sqlite(join(folder, 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, v TEXT) STRICT');
    db.prepare('SELECT * FROM t LIMIT 1').all();
    db.close();
  });
}

export async function benchAppReady(browser: Browser): Promise<Figure[]> {
  const first: number[] = [];
  const later: number[] = [];
  const plainFirst: number[] = [];
  const plainLater: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // Encrypted as now and plain as before, alternately, so both see the same machine.
    const folder = mkdtempSync(join(tmpdir(), 'fieldbook-bench-ready-'));
    const plainFolder = mkdtempSync(join(tmpdir(), 'fieldbook-bench-ready-plain-'));
    first.push(await appReadyOnce(browser, folder, false));
    plainFirst.push(await appReadyOnce(browser, plainFolder, false, true));
    later.push(await appReadyOnce(browser, folder, true));
    plainLater.push(await appReadyOnce(browser, plainFolder, true, true));
    raw.push(await rawOpenOnce(folder));
    rmSync(folder, { recursive: true, force: true });
    rmSync(plainFolder, { recursive: true, force: true });
  }
  const baseline = { label: 'open + create table + select', value: percentile(raw, 95) };
  return [
    { name: 'app ready, first run (new database, all migrations, first screen in Chromium)', statistic: 'p95', value: percentile(first, 95), unit: 'ms', budget: 1500, baseline },
    { name: '  the same, unencrypted as before (same run)', statistic: 'p95', value: percentile(plainFirst, 95), unit: 'ms', baseline },
    { name: 'app ready, later start (existing database, first screen with data)', statistic: 'p95', value: percentile(later, 95), unit: 'ms', budget: 1500, baseline },
    { name: '  the same, unencrypted as before (same run)', statistic: 'p95', value: percentile(plainLater, 95), unit: 'ms', baseline },
  ];
}
