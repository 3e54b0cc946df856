import { cpus, totalmem } from 'node:os';
import { launchChromium } from '../e2e/support/harness';
import { benchAppReady } from './app-ready';
import { benchKioskKeystroke } from './kiosk-keystroke';
import { benchOfficeServer } from './office-server';
import { benchPeopleList } from './people-list';
import { printFigures, type Figure } from './report';
import { benchReports } from './reports';
import { benchSearchAndSignIn } from './search-and-sign-in';
import { benchSheets } from './sheets';
import { benchSync } from './sync';
import { benchWaitlist } from './waitlist';

/** The parts of the bench, in the order they run. */
const PARTS = ['search', 'waitlist', 'sync', 'sheets', 'app-ready', 'kiosk', 'reports', 'people-list', 'office-server'] as const;
type Part = (typeof PARTS)[number];

/**
 * `BENCH=sheets npm run bench` (or `BENCH=sync,sheets`) runs only those parts;
 * without it, every part runs.
 */
function chosenParts(): Set<Part> {
  const asked = process.env.BENCH?.split(',').map((part) => part.trim()).filter(Boolean);
  if (!asked || asked.length === 0) return new Set(PARTS);
  const unknown = asked.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) throw new Error(`BENCH names no part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}.`);
  return new Set(asked as Part[]);
}

/** `npm run bench`: every performance figure beside its budget and its raw baseline. */
async function main(): Promise<void> {
  const parts = chosenParts();
  console.log(
    `Fieldbook benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`,
  );
  const figures: Figure[] = [];
  if (parts.has('search')) figures.push(...(await benchSearchAndSignIn()));
  if (parts.has('waitlist')) figures.push(...(await benchWaitlist()));
  if (parts.has('sync')) figures.push(...(await benchSync()));
  if (parts.has('sheets')) figures.push(...(await benchSheets()));
  if (parts.has('reports')) figures.push(...(await benchReports()));
  if (parts.has('people-list')) figures.push(...(await benchPeopleList()));
  if (parts.has('office-server')) figures.push(...(await benchOfficeServer()));
  if (parts.has('app-ready') || parts.has('kiosk')) {
    const browser = await launchChromium();
    try {
      if (parts.has('app-ready')) figures.push(...(await benchAppReady(browser)));
      if (parts.has('kiosk')) figures.push(...(await benchKioskKeystroke(browser)));
    } finally {
      await browser.close();
    }
  }
  console.log('');
  printFigures(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
