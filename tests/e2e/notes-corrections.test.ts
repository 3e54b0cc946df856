import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, clickInMainMenu } from './support/harness';
import { noteCard, openCorrection } from './support/note-card';
import { heading, isFocused, said } from './support/screen';
import { COURSE, laptopWithMorningSession } from './support/seed';

/**
 * A facilitator corrects a note on the laptop by keyboard: the corrected text
 * stands and the earlier text stays beside it, with when and on which
 * computer each was written. The correction reaches the office's "You said,
 * we did" in the laptop's end-of-day file, earlier text and all.
 */

const suite = browserSuite();

describe('correcting a note', () => {
  it('keeps the earlier text visible on the laptop and at the office', async () => {
    const paired = await laptopWithMorningSession(suite, 'Hall laptop');
    await paired.onLaptop('notes.add', { sessionId: paired.session.id, text: 'Two people asked about GP registraton.', tags: ['GP registration'], needsResponse: true });

    const page = await paired.laptop.openPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${paired.laptop.host.url}#/sessions/${paired.session.id}/evaluation`);
    await heading(page, `Evaluation: ${COURSE}`).waitFor();
    const card = noteCard(page, 'Two people asked');
    const box = await openCorrection(page, card);
    expect(await box.inputValue()).toBe('Two people asked about GP registraton.');
    // Nothing changed yet: no error until the correction is saved unchanged.
    expect(await card.locator('.field__error').count()).toBe(0);
    await card.getByRole('button', { name: 'Save the correction' }).click();
    await page.getByRole('link', { name: 'Change the text to correct the note: it says the same as now.' }).waitFor();

    await box.fill('Three people asked how to register with a GP.');
    await card.getByRole('button', { name: 'Save the correction' }).press('Enter');
    await said(page, 'Note corrected. The earlier text is kept in its history.');
    const corrected = noteCard(page, 'Three people asked how to register with a GP.');
    await corrected.getByText('Earlier text', { exact: true }).waitFor();
    const text = (await corrected.textContent()) ?? '';
    expect(text).toContain('Two people asked about GP registraton.');
    expect(text).toMatch(/Corrected today at \d\d:\d\d on Hall laptop\.|Corrected \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d on Hall laptop\./);
    expect(text).toMatch(/Written .* on Hall laptop:/);
    // Focus is back on the button that opened the form.
    await expect.poll(() => isFocused(corrected.getByRole('button', { name: 'Correct this note' }))).toBe(true);
    expect(await seriousAxeFindings(page, 'a corrected note')).toEqual([]);

    await paired.sendBundle();
    const atOffice = await paired.office.openPage();
    atOffice.setDefaultTimeout(10_000);
    await clickInMainMenu(atOffice, 'You said, we did');
    await heading(atOffice, 'You said, we did').waitFor();
    const officeCard = noteCard(atOffice, 'Three people asked how to register with a GP.');
    await officeCard.getByText('Earlier text', { exact: true }).waitFor();
    expect(await officeCard.textContent()).toContain('Two people asked about GP registraton.');
    expect(await seriousAxeFindings(atOffice, 'You said, we did with a corrected note')).toEqual([]);
  }, 60_000);
});
