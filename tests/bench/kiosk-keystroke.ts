import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { searchableLength } from '../../shared/search-text';
import { generatePeople } from '../../electron/demo/generate-people';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { startWebHost } from '../../electron/web/server';
import { rendererFolder } from '../e2e/support/harness';
import { percentile, type Figure } from './report';
import { laptopWithSession } from './paired';

const PEOPLE = 100_000;
const NAMES = 80;

declare global {
  interface Window {
    /** Installed by the benchmark: resolves with ms from the last keydown to the answer for `text` on screen. */
    fieldbookAnswered?: (text: string) => Promise<number>;
  }
}

/**
 * Kiosk: from a key pressed in "Your name" to the list of matches for the
 * new text being on screen, in Chromium against the web host, among 100k
 * people. Each name is typed letter by letter; every keystroke from the
 * second letter on is one sample.
 */
export async function benchKioskKeystroke(browser: Browser): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-bench-kiosk-'));
  const { laptop: core, sessionId } = await laptopWithSession(root, 30);
  const host = await startWebHost({ dispatch: createDispatcher(core.handlers), staticFolder: rendererFolder });
  const context = await browser.newContext();
  try {
    const { handlers } = core;
    await generatePeople(core, PEOPLE, 3);
    await handlers['kiosk.start']({ sessionId, pin: '2468', mode: 'sign_in' });
    const names = core.database.sqlite
      .prepare("SELECT given_name FROM people WHERE length(given_name) >= 4 ORDER BY id LIMIT ?")
      .pluck()
      .all(NAMES) as string[];

    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const input = page.getByRole('textbox', { name: 'Your name' });
    await input.waitFor();
    // Plain text, not a function: the TypeScript runner would add helpers the page does not have.
    await page.evaluate(`(() => {
      let lastKeydown = 0;
      document.addEventListener('keydown', () => { lastKeydown = performance.now(); }, true);
      window.fieldbookAnswered = (text) => new Promise((resolve) => {
        const answered = () => document.querySelector('#kiosk-name-status')?.getAttribute('data-answered') === text;
        if (answered()) return resolve(performance.now() - lastKeydown);
        const observer = new MutationObserver(() => {
          if (!answered()) return;
          observer.disconnect();
          resolve(performance.now() - lastKeydown);
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    })()`);

    const samples: number[] = [];
    for (const name of names) {
      await input.fill('');
      // The first letter alone searches nothing (two letters are needed), so it is typed unmeasured.
      await page.keyboard.type(name[0]!);
      for (let length = 2; length <= name.length; length += 1) {
        const text = name.slice(0, length);
        if (searchableLength(text) < 2) {
          await page.keyboard.type(name[length - 1]!);
          continue;
        }
        const answer = page.evaluate(`window.fieldbookAnswered(${JSON.stringify(text)})`) as Promise<number>;
        await page.keyboard.type(name[length - 1]!);
        samples.push(await answer);
      }
    }
    // The floor under it: the same prefixes as one prepared, indexed range lookup.
    const lookup = core.database.sqlite.prepare('SELECT DISTINCT person_id FROM person_search_keys WHERE key >= ? AND key < ? LIMIT 10');
    const raw = names.flatMap((name) =>
      Array.from({ length: name.length - 1 }, (_, index) => {
        const prefix = name.slice(0, index + 2).toLowerCase();
        const startedAt = process.hrtime.bigint();
        lookup.all(prefix, `${prefix}\u{10FFFF}`);
        return Number(process.hrtime.bigint() - startedAt) / 1e6;
      }),
    );
    return [
      {
        name: `kiosk: keystroke to updated result list in Chromium, ${PEOPLE / 1000}k people`,
        statistic: 'p95',
        value: percentile(samples, 95),
        unit: 'ms',
        budget: 50,
        baseline: { label: 'prepared indexed range lookup', value: percentile(raw, 95) },
      },
    ];
  } finally {
    await context.close();
    await host.close();
    await core.close();
    rmSync(root, { recursive: true, force: true });
  }
}
