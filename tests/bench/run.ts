import { cpus, totalmem } from 'node:os';
import { launchChromium } from '../e2e/support/harness';
import { benchAppReady } from './app-ready';
import { benchKioskKeystroke } from './kiosk-keystroke';
import { printFigures, type Figure } from './report';
import { benchSearchAndSignIn } from './search-and-sign-in';
import { benchSync } from './sync';
import { benchWaitlist } from './waitlist';

/** `npm run bench`: every performance figure beside its budget and its raw baseline. */
async function main(): Promise<void> {
  console.log(
    `Fieldbook benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`,
  );
  const figures: Figure[] = [];
  figures.push(...(await benchSearchAndSignIn()));
  figures.push(...(await benchWaitlist()));
  figures.push(...(await benchSync()));
  const browser = await launchChromium();
  try {
    figures.push(...(await benchAppReady(browser)));
    figures.push(...(await benchKioskKeystroke(browser)));
  } finally {
    await browser.close();
  }
  console.log('');
  printFigures(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
