import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePeople } from '../../electron/demo/generate-people';
import { openCoreInFolder } from '../../electron/host/open-core';
import type { PageCursor } from '../../shared/contract';
import { percentile, timeMs, type Figure } from './report';

const PEOPLE = 100_000;
const PAGE = 50;
const ROUNDS = 300;

/**
 * The office's people list among 100,000 people: the first page, and a page
 * about 80% of the way down reached through its cursor (as Next does), both
 * with the count and position the screen shows. Beside them, the raw floor:
 * the same 50 rows read straight off the sort-key index with one prepared
 * statement, and the whole-table count.
 */
export async function benchPeopleList(): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-bench-people-'));
  const core = openCoreInFolder(join(root, 'office'));
  try {
    await core.handlers['device.setUp']({ role: 'office', name: 'Bench office' });
    await core.handlers['organisations.create']({ name: 'Newcastle City Council', sector: 'statutory' });
    await generatePeople(core, PEOPLE, 11);
    const sqlite = core.database.sqlite;
    const deep = sqlite
      .prepare('SELECT key, person_id AS id FROM person_sort_keys ORDER BY key, person_id LIMIT 1 OFFSET ?')
      .get(Math.floor(PEOPLE * 0.8)) as Omit<PageCursor, 'position'>;
    const rawCount = sqlite.prepare('SELECT count(*) FROM person_sort_keys').pluck();
    const raw = sqlite.prepare(
      `SELECT p.* FROM person_sort_keys k JOIN people p ON p.id = k.person_id
       WHERE (k.key, k.person_id) > (?, ?) ORDER BY k.key, k.person_id LIMIT ${PAGE}`,
    );

    const rawSearchCount = sqlite.prepare("SELECT count(DISTINCT person_id) FROM person_search_keys WHERE key >= 'ma' AND key < 'ma\u{10FFFF}'").pluck();
    const first: number[] = [];
    const deepPage: number[] = [];
    const search: number[] = [];
    const rawDeep: number[] = [];
    const rawSearch: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      first.push(await timeMs(() => core.handlers['people.page']({ query: '', pageSize: PAGE })));
      deepPage.push(await timeMs(() => core.handlers['people.page']({ query: '', pageSize: PAGE, after: { ...deep, position: Math.floor(PEOPLE * 0.8) + 1 } })));
      search.push(await timeMs(() => core.handlers['people.page']({ query: 'ma', pageSize: PAGE })));
      rawDeep.push(await timeMs(() => [raw.all(deep.key, deep.id), rawCount.get()]));
      rawSearch.push(await timeMs(() => rawSearchCount.get()));
    }
    const baseline = { label: `${PAGE} rows off the sort-key index and a count`, value: percentile(rawDeep, 95) };
    return [
      { name: `people list, first page of ${PAGE} with count, among ${PEOPLE / 1000}k (people.page)`, statistic: 'p95', value: percentile(first, 95), unit: 'ms', budget: 20, baseline },
      { name: `people list, a page 80% down with count and position (people.page)`, statistic: 'p95', value: percentile(deepPage, 95), unit: 'ms', budget: 20, baseline },
      { name: `people list searched "ma", first page with count (people.page)`, statistic: 'p95', value: percentile(search, 95), unit: 'ms', budget: 100, baseline: { label: 'counting the distinct matches alone', value: percentile(rawSearch, 95) } },
    ];
  } finally {
    await core.close();
    rmSync(root, { recursive: true, force: true });
  }
}
