import { join } from 'node:path';
import { CULTURAL_COMPETENCY_TITLE } from '../demo/catalogue-data';
import { callerFor } from '../demo/call';
import { ensureDeviceSetUp } from '../demo/ensure-device';
import { generatePeople } from '../demo/generate-people';
import { loadDemoData } from '../demo/load-demo';
import { createDispatcher } from '../dispatch/dispatcher';
import { DATABASE_FILE } from '../host/data-folder';
import { openCoreInFolder } from '../host/open-core';
import type { Core } from '../core';
import { prepareDataFolder } from './data-folder-check';

export interface Output {
  line(text: string): void;
  /** Progress for long runs; only worth showing to a person at a terminal. */
  progress?(text: string): void;
}

export async function withCore<T>(dataFolder: string, work: (core: Core) => Promise<T>): Promise<T> {
  prepareDataFolder(dataFolder);
  const core = openCoreInFolder(dataFolder);
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

function deviceLine(name: string, setUpNow: boolean): string {
  return setUpNow ? `Set up this data folder as a central office device named "${name}".` : `Used the existing device "${name}".`;
}

export async function demoCommand(options: { dataFolder: string; seed: number; today: Date }, out: Output): Promise<void> {
  const summary = await withCore(options.dataFolder, (core) =>
    loadDemoData(createDispatcher(core.handlers), { today: options.today, seed: options.seed }),
  );
  out.line(`Loaded demo data into ${join(options.dataFolder, DATABASE_FILE)}`);
  out.line(`  ${plural(summary.courses, 'course')}, including "${CULTURAL_COMPETENCY_TITLE}"`);
  out.line(`  ${plural(summary.venues, 'venue')}`);
  out.line(`  ${plural(summary.contracts, 'contract')} (funding sources), most sessions under one`);
  out.line(`  ${plural(summary.organisations, 'organisation')} (statutory, voluntary and community, and other)`);
  out.line(`  ${plural(summary.people, 'person', 'people')}`);
  out.line(
    `  ${plural(summary.sessions, 'session')} from ${summary.firstSessionDay} to ${summary.lastSessionDay}, ` +
      `${summary.sessionsToday} of them today`,
  );
  out.line(`  ${plural(summary.bookings, 'booking')}`);
  out.line(deviceLine(summary.deviceName, summary.deviceSetUpNow));
}

export async function generatePeopleCommand(
  options: { dataFolder: string; count: number; seed: number },
  out: Output,
): Promise<void> {
  await withCore(options.dataFolder, async (core) => {
    // Writes need a device to stamp the change log; a fresh benchmark folder gets the demo office.
    const device = await ensureDeviceSetUp(callerFor(createDispatcher(core.handlers)));
    if (device.setUpNow) out.line(deviceLine(device.name, true));
    const started = performance.now();
    const added = await generatePeople(core, options.count, options.seed, {
      onProgress: (done, total) => out.progress?.(`Added ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} people`),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out.line(`Added ${plural(added, 'person', 'people')} to ${join(options.dataFolder, DATABASE_FILE)} in ${seconds} s.`);
  });
}

export const helpText = (defaultFolder: string): string => `fieldbook: command-line tools for Fieldbook's data

Usage:
  fieldbook demo [--data FOLDER] [--seed NUMBER]
      Load a demo catalogue (courses, venues, organisations, a few hundred
      people and six weeks of sessions starting today). Sets the folder up as
      a central office device if it is new. Refuses if demo data is already
      there.

  fieldbook generate-people --count NUMBER [--data FOLDER] [--seed NUMBER]
      Add NUMBER generated people (for example 100000), for benchmarks.

  fieldbook import FILE... [--data FOLDER]
      Import laptops' end-of-day files (.fieldbook) into the office's data,
      in any order; a file already imported is reported and skipped. A file
      that is damaged, wrongly addressed or from an unknown or revoked laptop
      is refused whole. Exits with 1 if any file was refused.

  fieldbook import-sheet FILE --kind attendance|people|members|evaluations
                         [--scheme NAME] [--sheet NAME] [--mapping FILE]
                         [--same-person ROW,...] [--dry-run] [--data FOLDER]
      Import past sign-in sheets, a list of people, a member list (for the
      membership scheme --scheme names) or evaluation results from an .xlsx
      or .csv file (at the office). Prints what it found (people new and
      matched, sessions, terms, responses, rows refused with the reason,
      columns ignored), then imports it in one go unless --dry-run; new
      courses it lists are created. --mapping names a JSON file pairing
      column headers with fields, e.g. {"Christian name": "givenName"}.
      Rows that look like someone already in Fieldbook are listed and
      imported as different people, except the rows --same-person names
      (12, Autumn!7, or 30=PERSON-ID for a row that looks like two people).
      Exits with 1 when nothing could be imported. See docs/sheets.md.

  fieldbook scheme --name NAME [--required-course TITLE] [--within-months N]
                   [--year-starts MM-DD|rolling] [--fee AMOUNT] [--data FOLDER]
      Create a membership scheme (at the office), or change the one of that
      name (capitals aside). A new scheme needs --required-course, the course
      members must attend within N months of joining (default 6); --year-starts
      is the membership year's first day (default rolling 12-month terms);
      --fee is recorded only, in pounds. What a change leaves out stays as it
      was. See docs/membership.md.

  fieldbook setup --role office|laptop --name NAME [--data FOLDER]
      Set up a new data folder as the central office or a facilitator's
      laptop, without the app.

  fieldbook report training|confidence|outcomes|change|equality|demand|you-said-we-did|membership
                   (--from DATE --to DATE | --contract-year YYYY --contract NAME)
                   [--as-of DATE] [--course TITLE] [--scheme NAME] [--format json|csv|xlsx] [--out FILE]
      Print one report at the office as JSON (keys in docs/reports.md), or
      write it to FILE (CSV and XLSX need --out). Both days of a period are included. Exits with 2 for
      a period or name it cannot use. membership needs --scheme NAME.

  fieldbook backup [--to FOLDER] [--data FOLDER]
      Back up the database now: into FOLDER (a memory stick), or into the
      backup folder chosen on the Backups screen, where the newest 14 are
      kept. A backup taken while Fieldbook is in use is whole.

  fieldbook restore FILE [--data FOLDER]
      Replace the database with a backup of this same computer, after
      checking the backup is whole and not from a newer version. Quit
      Fieldbook first. A data folder the desktop app set up is restored
      with the app (its Backups screen, or Fieldbook --restore FILE).
      See docs/backup.md.

  fieldbook serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE] [--data FOLDER]
      Run the central office for staff's browsers on the local network,
      over HTTPS only (default --listen 0.0.0.0:8443). Without a certificate
      it makes a self-signed one, keeps it in the data folder and prints its
      fingerprint. Imports the inbox folder as the app does; stops cleanly
      on Ctrl+C or SIGTERM. Refuses a laptop's data folder, and a folder
      with no staff account yet. See docs/server.md.

  fieldbook staff add --role admin|coordinator|viewer --name NAME --email EMAIL [--data FOLDER]
  fieldbook staff reset-password --email EMAIL [--data FOLDER]
      Add a staff account for the office server (the first admin is made
      this way), or set a new password for one (unlocking it and signing
      it out everywhere). The password is read from standard input: typed
      twice at a prompt, or one piped line; never from the command line.
      At least 12 characters, and not one attackers try first.

  fieldbook office move-to-postgres --database URL [--data FOLDER]
      Copy the office's data folder (every table: data, change log,
      enrolments, keys, settings) into an empty PostgreSQL database, in one
      transaction, and check each table's row count and content hash there
      against SQLite's. Refuses a database that is not empty. Nothing in the
      data folder is changed, except that a folder from an older Fieldbook is
      first brought up to date, as opening it anywhere does (and it says so).
      See docs/server.md.

  fieldbook help
      Show this help.

Options:
  --data FOLDER    The data folder to use. Default: the Fieldbook app's own
                   folder (${defaultFolder}).
  --seed NUMBER    The same seed gives the same names and schedule. Optional.
`;
