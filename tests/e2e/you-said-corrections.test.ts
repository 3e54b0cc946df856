import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, clickInMainMenu } from './support/harness';
import { noteCard, openCorrection } from './support/note-card';
import { heading, said } from './support/screen';
import { laptopWithMorningSession } from './support/seed';

/**
 * At the office, on "You said, we did": a note from a laptop is corrected
 * (its earlier text kept beneath it) and its response changed (the earlier
 * response kept the same way), by keyboard, each through the write path and
 * so in the note's history with when and on which computer.
 */

const suite = browserSuite();

describe('correcting a note from "You said, we did"', () => {
  it('lets the office correct the text and change the response, keeping the earlier ones in view', async () => {
    const paired = await laptopWithMorningSession(suite, 'Hall laptop');
    await paired.onLaptop('notes.add', { sessionId: paired.session.id, text: 'Two people asked about GP registraton.', tags: ['GP registration'], needsResponse: true });
    await paired.sendBundle();

    const page = await paired.office.openPage();
    page.setDefaultTimeout(10_000);
    const findings: string[] = [];
    await clickInMainMenu(page, 'You said, we did');
    await heading(page, 'You said, we did').waitFor();
    const card = noteCard(page, 'GP registration');

    // The text, corrected at the office.
    const box = await openCorrection(page, card);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Three people asked how to register with a GP.');
    await card.getByRole('button', { name: 'Save the correction' }).press('Enter');
    await said(page, 'Note corrected. The earlier text is kept in its history.');
    await card.getByText('Earlier text', { exact: true }).waitFor();
    const corrected = (await card.textContent()) ?? '';
    expect(corrected).toContain('Three people asked how to register with a GP.');
    expect(corrected).toContain('Two people asked about GP registraton.');
    expect(corrected).toMatch(/Corrected .* on Central office\./);
    expect(corrected).toMatch(/Written .* on Hall laptop:/);
    findings.push(...(await seriousAxeFindings(page, 'You said, we did: a note corrected at the office')));

    // A response, then a changed one: the first stays beneath the second.
    const response = card.getByLabel('Record a response');
    await response.focus();
    await page.keyboard.type('We added a GP registration handout.');
    await card.getByRole('button', { name: /^Save response/ }).press('Enter');
    await said(page, 'Response saved: responded.');
    // A responded note leaves the "Open" list: show them all to change it.
    await page.getByLabel('All', { exact: true }).check();
    const answered = noteCard(page, 'We added a GP registration handout.');
    const change = answered.getByLabel('Change the response');
    await change.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('We added a GP registration handout in Arabic and Polish too.');
    await answered.getByRole('button', { name: /^Save response/ }).press('Enter');
    const changed = noteCard(page, 'We added a GP registration handout in Arabic and Polish too.');
    await changed.locator('.note-card__response').getByText('Earlier response', { exact: true }).waitFor();
    const responseText = (await changed.locator('.note-card__response').textContent()) ?? '';
    expect(responseText).toMatch(/Response changed .* on Central office\./);
    expect(responseText).toContain('Written');
    expect(responseText.split('We added a GP registration handout.').length).toBe(2);
    findings.push(...(await seriousAxeFindings(page, 'You said, we did: a changed response')));

    // Both went through the write path: each is a change in the office's change log, read back as the note's history.
    const logged = paired.office.core.database.sqlite
      .prepare("SELECT count(*) FROM change_log WHERE table_name = 'session_notes' AND device_id = (SELECT id FROM device)")
      .pluck()
      .get() as number;
    expect(logged).toBe(3);
    const [kept] = await paired.onOffice('notes.list', {});
    expect(kept).toMatchObject({ text: 'Three people asked how to register with a GP.', response: 'We added a GP registration handout in Arabic and Polish too.' });
    expect(kept!.versions.map((version) => [version.text, version.deviceName])).toEqual([
      ['Two people asked about GP registraton.', 'Hall laptop'],
      ['Three people asked how to register with a GP.', 'Central office'],
    ]);
    expect(kept!.responseVersions.map((version) => version.text)).toEqual([
      'We added a GP registration handout.',
      'We added a GP registration handout in Arabic and Polish too.',
    ]);
    expect(findings).toEqual([]);
  }, 90_000);
});
