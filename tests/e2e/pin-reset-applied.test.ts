import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, clickInMainMenu } from './support/harness';
import { laptopAndOffice, morningSession } from './support/seed';
import { resetLaptopPinAsShown } from '../support/laptop-pins';

/**
 * The office sees on Devices whether a laptop applied the kiosk PIN it set:
 * "Not in use on the laptop yet" until the laptop's next end-of-day file
 * says so, then "in use on the laptop" naming that file.
 */

const suite = browserSuite();

describe('a laptop card on Devices', () => {
  it('says whether the laptop applied the new kiosk PIN, from its next end-of-day file', async () => {
    const { office, onLaptop, onOffice, today, sendPackage, sendBundle } = await laptopAndOffice(suite, 'Hall laptop');
    const { session } = await morningSession(onOffice, today);
    await sendPackage();
    await onLaptop('kiosk.start', { sessionId: session.id, pin: '2468' });
    await onLaptop('kiosk.exit', { pin: '2468' });
    const laptopId = (await onLaptop('device.status', {})).device!.id;
    await resetLaptopPinAsShown(onOffice, laptopId, '8642');

    const page = await office.openPage();
    page.setDefaultTimeout(15_000);
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await clickInMainMenu(page, 'Devices');
    const card = page.locator('li.laptop').filter({ hasText: 'Hall laptop' });
    await card.getByText('Not in use on the laptop yet', { exact: false }).waitFor();

    await sendPackage();
    await onLaptop('people.create', { givenName: 'Seun', familyName: 'Adeyemi' });
    const imported = await sendBundle();
    expect(imported.message).toContain('Hall laptop now uses the new kiosk PIN the office set for it.');
    await page.reload();
    await card.getByText('in use on the laptop: its end-of-day file 1 said so', { exact: false }).waitFor();
    expect(await card.getByText('Not in use on the laptop yet', { exact: false }).count()).toBe(0);
    expect(await seriousAxeFindings(page, 'Devices, a laptop that applied its new PIN')).toEqual([]);
  });
});
