import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ethnicityCodes, ethnicityGroups, isProcedureName, kioskLanguages } from '../../shared/contract';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { arriveAt, heading, isFocused, kioskWords as words, openKioskPage, press, tabTo } from './support/kiosk-keyboard';
import { laptopWithMorningSession } from './support/seed';
import { browserSuite, type AppUnderTest } from './support/harness';

/**
 * The laptop as a kiosk, used the way participants use it: keyboard only,
 * often not in English. They find their name, agree, answer or skip the
 * equality question and are signed in; the next person finds a clean screen;
 * refusing stores nothing; walking away clears everything; only the PIN leads
 * back to the facilitator's screens; and no screen has serious accessibility
 * faults, in English or Arabic.
 */

const PIN = '2468';
const root = fileURLToPath(new URL('../..', import.meta.url));

type Catalogue = { [key: string]: string | string[] | Catalogue };

const suite = browserSuite();

interface Kiosk {
  app: AppUnderTest;
  amiraId: string;
  amirId: string;
  bogdanId: string;
}

/** Today's session at a hall, three people (two booked), and the kiosk opened for it. */
async function openKiosk(options: { capacity?: number } = {}): Promise<Kiosk> {
  // The office keeps the schedule; the laptop gets it in its package.
  const { laptop: app, onLaptop: seed, session } = await laptopWithMorningSession(suite, 'Hall laptop', { capacity: options.capacity });
  const council = await seed('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
  const mind = await seed('organisations.create', { name: 'Leeds Mind', sector: 'vcse' });
  const person = (givenName: string, familyName: string, organisationId: string | null) =>
    seed('people.create', { givenName, familyName, email: `${givenName.toLowerCase()}@example.org`, phone: '07700 900123', organisationId });
  const amira = await person('Amira', 'Khan', council.id);
  const amir = await person('Amir', 'Hussain', null);
  const bogdan = await person('Bogdan', 'Nowak', mind.id);
  for (const personId of [amira.id, bogdan.id]) await seed('signIn.book', { sessionId: session.id, personId });
  await seed('kiosk.start', { sessionId: session.id, pin: PIN });
  return { app, amiraId: amira.id, amirId: amir.id, bogdanId: bogdan.id };
}

async function openPage(kiosk: Kiosk, options: { sessionStorage?: Record<string, string> } = {}): Promise<Page> {
  const page = await openKioskPage(kiosk.app, 10_000);
  if (options.sessionStorage) {
    await page.evaluate((values) => {
      for (const [key, value] of Object.entries(values)) sessionStorage.setItem(key, value);
    }, options.sessionStorage);
    await page.reload();
    await heading(page, 'Welcome').waitFor();
  }
  return page;
}

function pageText(page: Page): Promise<string> {
  return page.evaluate(() => `${document.title}\n${document.body.innerText}`);
}

function count(kiosk: Kiosk, sql: string, ...values: unknown[]): number {
  return kiosk.app.core.database.sqlite.prepare(sql).pluck().get(...values) as number;
}

async function rootDirection(page: Page) {
  return page.evaluate(() => ({
    html: [document.documentElement.lang, document.documentElement.dir],
    kiosk: [document.querySelector('.kiosk')?.getAttribute('lang'), document.querySelector('.kiosk')?.getAttribute('dir')],
  }));
}

describe('the kiosk, as participants use it', () => {
  it('signs a participant in, in Arabic by keyboard alone, and shows the next one a clean screen', async () => {
    const kiosk = await openKiosk();
    const page = await openPage(kiosk);
    expect(await pageText(page)).toContain("St Mark's Church Hall");
    expect(await page.getByRole('navigation').count()).toBe(0);

    await press(page, 'العربية');
    await heading(page, 'أهلاً وسهلاً').waitFor();
    expect(await rootDirection(page)).toEqual({ html: ['ar', 'rtl'], kiosk: ['ar', 'rtl'] });
    expect(await page.getByRole('button', { name: 'العربية' }).getAttribute('aria-pressed')).toBe('true');

    await press(page, 'تسجيل الحضور');
    await arriveAt(page, 'ابحث عن اسمك');
    await tabTo(page, page.getByRole('textbox', { name: 'اسمك' }));
    await page.keyboard.type('Ami');
    const amira = page.getByRole('button', { name: 'Amira K. — Newcastle City Council' });
    await amira.waitFor();
    await page.getByRole('button', { name: 'Amir H.', exact: true }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toBe('وُجد اسمان. اختر اسمك.');
    expect(await pageText(page)).not.toContain('@example.org');
    // Down arrow leaves the box for the names; the person booked on the session comes first.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => isFocused(amira)).toBe(true);
    await page.keyboard.press('Enter');

    await arriveAt(page, 'هل هذا أنت؟');
    expect(await pageText(page)).toContain('Amira K. — Newcastle City Council');
    await press(page, 'نعم، هذا أنا');

    await arriveAt(page, 'كيف نستخدم معلوماتك');
    await press(page, 'أوافق');

    await arriveAt(page, 'مجموعتك العرقية');
    const preferNot = page.getByRole('radio', { name: 'أفضّل عدم الإجابة' });
    await tabTo(page, preferNot);
    // Arrow keys move through every answer of the one group; up from the first wraps to the last.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.getByRole('radio', { name: 'عربي', exact: true }).isChecked()).toBe(true);
    expect(await kiosk.app.core.database.sqlite.prepare('SELECT count(*) FROM consents').pluck().get()).toBe(0);
    await press(page, 'احفظ إجابتي');

    await heading(page, 'شكرًا لك يا \u2068Amira\u2069. تم تسجيل حضورك.').waitFor();
    // The line under the thanks comes once the kiosk has looked for the course's before questions.
    await expect.poll(() => pageText(page)).toContain('يُرجى الجلوس.');
    expect(count(kiosk, "SELECT count(*) FROM sign_ins WHERE person_id = ? AND method = 'kiosk'", kiosk.amiraId)).toBe(1);
    expect(count(kiosk, "SELECT count(*) FROM consents WHERE person_id = ? AND language = 'ar'", kiosk.amiraId)).toBe(1);
    expect(count(kiosk, "SELECT count(*) FROM equality_answers WHERE person_id = ? AND ethnicity = 'other-arab'", kiosk.amiraId)).toBe(1);

    // By itself, after a few seconds: back to the start, in English, with nothing of Amira's left.
    await heading(page, 'Welcome').waitFor({ timeout: 15_000 });
    expect(await rootDirection(page)).toEqual({ html: ['en-GB', 'ltr'], kiosk: ['en-GB', 'ltr'] });
    const text = await pageText(page);
    for (const trace of ['Amira', 'Ami', 'Newcastle', 'شكرًا']) expect(text).not.toContain(trace);
    await press(page, 'Sign in');
    await arriveAt(page, 'Find your name');
    expect(await page.getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('');
    expect(await page.getByRole('listitem').count()).toBe(0);
  });

  it('stores nothing when a participant does not agree, and tells them in their language to see the facilitator', async () => {
    const kiosk = await openKiosk();
    const page = await openPage(kiosk);
    await press(page, 'Polski');
    await heading(page, 'Witamy').waitFor();
    expect((await rootDirection(page)).html).toEqual(['pl', 'ltr']);
    await press(page, 'Potwierdź obecność');
    await arriveAt(page, 'Znajdź swoje nazwisko');
    await tabTo(page, page.getByRole('textbox', { name: 'Imię lub nazwisko' }));
    await page.keyboard.type('Nowak');
    await page.getByRole('button', { name: 'Bogdan N. — Leeds Mind' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await arriveAt(page, 'Czy to Ty?');
    await press(page, 'Tak, to ja');
    await arriveAt(page, 'Jak wykorzystujemy Twoje dane');
    await press(page, 'Nie zgadzam się');

    await arriveAt(page, 'Twoja obecność nie została zapisana');
    expect(await pageText(page)).toContain('Porozmawiaj z osobą prowadzącą.');
    expect(count(kiosk, 'SELECT count(*) FROM consents')).toBe(0);
    expect(count(kiosk, 'SELECT count(*) FROM sign_ins')).toBe(0);
    expect(count(kiosk, 'SELECT count(*) FROM equality_answers')).toBe(0);
    const booking = kiosk.app.core.database.sqlite.prepare('SELECT state FROM bookings WHERE person_id = ?').pluck();
    expect(booking.get(kiosk.bogdanId)).toBe('booked');

    await press(page, 'Zakończ');
    await arriveAt(page, 'Welcome');
    expect(await pageText(page)).not.toContain('Bogdan');
  });

  it('tells someone who arrives when every place is taken their place on the waitlist', async () => {
    const kiosk = await openKiosk({ capacity: 2 });
    const page = await openPage(kiosk);
    await press(page, 'Sign in');
    await arriveAt(page, 'Find your name');
    await tabTo(page, page.getByRole('textbox', { name: 'Your name' }));
    await page.keyboard.type('Hussain');
    await page.getByRole('button', { name: 'Amir H.', exact: true }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await arriveAt(page, 'Is this you?');
    await press(page, 'Yes, this is me');
    await press(page, 'I agree');
    await arriveAt(page, 'Your ethnic group');
    await press(page, 'Skip this question');

    await arriveAt(page, 'Thank you, \u2068Amir\u2069. This session is full.');
    expect(await pageText(page)).toContain('You are number 1 on the waiting list.');
    expect(count(kiosk, 'SELECT count(*) FROM sign_ins WHERE person_id = ?', kiosk.amirId)).toBe(0);
    expect(count(kiosk, "SELECT count(*) FROM bookings WHERE person_id = ? AND state = 'waitlisted'", kiosk.amirId)).toBe(1);
    expect(count(kiosk, 'SELECT count(*) FROM equality_answers')).toBe(0);
  });

  it('goes back to a blank start after a minute without input, after asking "are you still there?"', async () => {
    const kiosk = await openKiosk();
    // A shortened minute: the warning shows in the last quarter.
    const page = await openPage(kiosk, { sessionStorage: { 'fieldbook-kiosk-idle-ms': '3000' } });
    await press(page, 'العربية');
    await press(page, 'تسجيل الحضور');
    await arriveAt(page, 'ابحث عن اسمك');
    const name = page.getByRole('textbox', { name: 'اسمك' });
    await tabTo(page, name);
    await page.keyboard.type('Ami');
    await page.getByRole('button', { name: 'Amira K. — Newcastle City Council' }).waitFor();

    // Asked for more time, the kiosk keeps everything as it was and focus goes back to the box.
    const stay = page.getByRole('button', { name: 'ما زلت هنا' });
    await page.getByRole('alertdialog', { name: 'هل ما زلت هنا؟' }).waitFor();
    await expect.poll(() => isFocused(stay)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await name.inputValue()).toBe('Ami');
    await expect.poll(() => isFocused(name)).toBe(true);

    // Left alone, it starts again: English, and nothing typed or found is anywhere on the page.
    await page.getByRole('alertdialog').waitFor();
    await heading(page, 'Welcome').waitFor();
    expect(await rootDirection(page)).toEqual({ html: ['en-GB', 'ltr'], kiosk: ['en-GB', 'ltr'] });
    const text = await pageText(page);
    for (const trace of ['Ami', 'Newcastle', 'اسمك']) expect(text).not.toContain(trace);
    expect(count(kiosk, 'SELECT count(*) FROM sign_ins')).toBe(0);
  });
});

describe('leaving the kiosk', () => {
  it('shows only the kiosk at any address, refuses a wrong PIN and slows down repeated ones', async () => {
    const kiosk = await openKiosk();
    const page = await openPage(kiosk);
    // The address of another screen still shows only the kiosk.
    await page.evaluate(() => {
      window.location.hash = '#/people';
    });
    await page.reload();
    await heading(page, 'Welcome').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);

    await press(page, 'Facilitator');
    await arriveAt(page, 'Leave kiosk mode');
    const pin = page.getByLabel('PIN', { exact: true });
    expect(await pin.getAttribute('type')).toBe('password');
    expect(await pin.getAttribute('inputmode')).toBe('numeric');
    await tabTo(page, pin);
    /** Types a PIN and waits for the answer: a refusal empties the box. */
    const tryPin = async (digits: string) => {
      await page.keyboard.type(digits);
      await page.keyboard.press('Enter');
      await expect.poll(() => pin.inputValue()).toBe('');
      return page.getByRole('alert').textContent();
    };
    expect(await tryPin('1357')).toBe('That PIN is not right.');
    await expect.poll(() => isFocused(pin)).toBe(true);
    expect((await kiosk.app.core.handlers['kiosk.status']({})).active).toBe(true);

    // The third wrong PIN in a row makes the core wait before the next try, and the screen says for how long.
    expect(await tryPin('1357')).toBe('That PIN is not right.');
    expect(await tryPin('8642')).toMatch(/^That PIN is not right\. Wait (29|30) seconds before you try again\.$/);
    // While it waits, even the right PIN is not checked, and the screen does not call it wrong.
    expect(await tryPin(PIN)).toMatch(/^Too many wrong PINs\. Try again in \d+ seconds\.$/);
    expect((await kiosk.app.core.handlers['kiosk.status']({})).active).toBe(true);
  });

  it('returns to the facilitator view with the right PIN', async () => {
    const kiosk = await openKiosk();
    const page = await openPage(kiosk);
    await press(page, 'Facilitator');
    await arriveAt(page, 'Leave kiosk mode');
    await tabTo(page, page.getByLabel('PIN', { exact: true }));
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'That PIN is not right.' }).waitFor();
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    expect((await kiosk.app.core.handlers['kiosk.status']({})).active).toBe(false);
    expect(await page.locator('.kiosk').count()).toBe(0);
  });
});


describe('accessibility of every kiosk screen', () => {

  it('has no serious or critical axe-core findings, in English and in Arabic', async () => {
    const kiosk = await openKiosk();
    const findings: string[] = [];
    await inPageForAxe(suite.browser, kiosk.app.host.url, { timeout: 10_000 }, async (page) => {
      const check = async (screen: string) => findings.push(...(await seriousAxeFindings(page, screen)));

      const runs = [
        { language: 'English', welcome: 'Welcome', query: 'Bog', person: 'Bogdan N. — Leeds Mind', t: words('en') },
        { language: 'العربية', welcome: 'أهلاً وسهلاً', query: 'Amira', person: 'Amira K. — Newcastle City Council', t: words('ar') },
      ];
      for (const run of runs) {
        const t = run.t;
        await press(page, run.language);
        await heading(page, run.welcome).waitFor();
        await check(`${run.language} welcome`);

        // Signing in: find, confirm, consent, equality (also with its "choose an answer" message), done.
        await press(page, t('welcome.signIn'));
        await heading(page, t('find.title')).waitFor();
        await page.getByRole('textbox', { name: t('find.label') }).fill(run.query);
        await page.getByRole('button', { name: run.person }).waitFor();
        await check(`${run.language} find`);
        await page.getByRole('button', { name: run.person }).press('Enter');
        await heading(page, t('confirm.title')).waitFor();
        await check(`${run.language} confirm`);
        await press(page, t('confirm.yes'));
        await heading(page, t('consent.title')).waitFor();
        await check(`${run.language} consent`);
        await press(page, t('consent.agree'));
        await heading(page, t('equality.title')).waitFor();
        await press(page, t('equality.save'));
        await page.getByRole('alert').filter({ hasText: t('equality.choose') }).waitFor();
        await check(`${run.language} equality`);
        await press(page, t('equality.skip'));
        await page.locator('.kiosk-outcome').waitFor();
        await check(`${run.language} done`);
        await press(page, t('actions.finish'));
        await heading(page, 'Welcome').waitFor();

        // Adding yourself, refusing consent, and the facilitator's PIN screen.
        await press(page, run.language);
        await press(page, t('welcome.signIn'));
        await press(page, t('find.notOnList'));
        await heading(page, t('add.title')).waitFor();
        await press(page, t('actions.continue'));
        await page.getByText(t('add.errors.givenName')).waitFor();
        await check(`${run.language} add your name`);
        await page.getByRole('textbox', { name: t('add.givenName') }).fill('Zofia');
        await page.getByRole('textbox', { name: t('add.familyName') }).fill('Wiśniewska');
        await press(page, t('actions.continue'));
        await press(page, t('consent.disagree'));
        await heading(page, t('refused.title')).waitFor();
        await check(`${run.language} refused`);
        await press(page, t('actions.finish'));
        await heading(page, 'Welcome').waitFor();
        await press(page, run.language);
        await press(page, t('welcome.facilitator'));
        await heading(page, t('leave.title')).waitFor();
        await page.getByLabel(t('leave.pin'), { exact: true }).fill('12');
        await press(page, t('leave.submit'));
        await page.getByRole('alert').waitFor();
        await check(`${run.language} leave kiosk mode`);
        // Cancel goes back to the welcome screen, still in the same language.
        await press(page, t('leave.cancel'));
        await heading(page, run.welcome).waitFor();
      }
    });
    expect(findings, findings.join('\n')).toEqual([]);
    expect(count(kiosk, "SELECT count(*) FROM sign_ins WHERE method = 'kiosk'")).toBe(2);
  });
});

describe('the message catalogues', () => {
  const folder = join(root, 'renderer/locales');
  const catalogues = Object.fromEntries(
    readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file.replace('.json', ''), JSON.parse(readFileSync(join(folder, file), 'utf8')) as Catalogue]),
  );
  const pluralSuffix = /_(zero|one|two|few|many|other)$/;

  /** Every leaf as key → text (list items keyed by position). */
  function leaves(value: unknown, prefix = ''): Map<string, string> {
    const found = new Map<string, string>();
    if (typeof value === 'string') found.set(prefix, value);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        for (const [path, text] of leaves(inner, prefix ? `${prefix}.${key}` : key)) found.set(path, text);
      }
    }
    return found;
  }
  const placeholders = (text: string) => new Set(text.match(/\{\{\s*\w+\s*\}\}/g) ?? []);

  it('say the same things in every language, with every plural form the language needs', () => {
    const english = leaves(catalogues.en);
    const base = (key: string) => key.replace(pluralSuffix, '');
    expect(Object.keys(catalogues).sort()).toEqual([...kioskLanguages].sort());
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const texts = leaves(catalogue);
      expect([...new Set([...texts.keys()].map(base))].sort(), language).toEqual([...new Set([...english.keys()].map(base))].sort());
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const plural of new Set([...english.keys()].filter((key) => pluralSuffix.test(key)).map(base))) {
        for (const category of categories) expect(texts.has(`${plural}_${category}`), `${language} ${plural}_${category}`).toBe(true);
      }
      for (const [key, text] of texts) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        // A translation may leave out {{count}} ("two names"), never bring in a value the code does not pass.
        const english = leaves(catalogues.en).get(key) ?? leaves(catalogues.en).get(`${base(key)}_other`) ?? '';
        for (const name of placeholders(text)) expect(placeholders(english), `${language} ${key}`).toContain(name);
      }
    }
  });

  it('have every text the kiosk code asks for, and a label for every ethnic group and answer', () => {
    const keys = new Set([...leaves(catalogues.en).keys()].map((key) => key.replace(pluralSuffix, '').replace(/\.\d+$/, '')));
    const sources = readdirSync(join(root, 'renderer/src/features/kiosk'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => readFileSync(join(root, 'renderer/src/features/kiosk', file), 'utf8'));
    const used = new Set(
      sources
        .flatMap((source) => [...source.matchAll(/'(kiosk\.[\w.-]+)'/g)].map((match) => match[1]!))
        .filter((key) => !isProcedureName(key)),
    );
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(keys, key).toContain(key);
    for (const catalogue of Object.values(catalogues)) {
      const texts = leaves(catalogue);
      for (const code of ethnicityCodes) expect(texts.has(`kiosk.equality.codes.${code}`), code).toBe(true);
      for (const { group } of ethnicityGroups) expect(texts.has(`kiosk.equality.groups.${group}`), group).toBe(true);
    }
  });
});
