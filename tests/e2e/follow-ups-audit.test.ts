import { describe, expect, it } from 'vitest';
import { officeCoreWithStaff } from '../support/office-server';
import { testClock } from '../support/temp-core';
import { clickInMainMenu, signedInPageAtServer } from './support/harness';
import { officeInChromium, servedCore } from './support/office-in-chromium';
import { addDays } from './support/seed';

/**
 * The follow-up mail-merge holds names and emails, so on the office server
 * it is audited: a coordinator writes it in Chromium, and the admin's Audit
 * trail shows the line with her name and how many people it held.
 */

const COORDINATOR = { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'coordinator' as const, password: 'amber-river-compass' };
const ADMIN = { name: 'Priya Shah', email: 'priya@example.org', role: 'admin' as const, password: 'violet-harbour-lantern' };
const COURSE = 'Working with different communities';

const atOffice = officeInChromium(async () => {
  const clock = testClock(new Date());
  const office = await officeCoreWithStaff([COORDINATOR, ADMIN], { clock });
  await office.call('courses.create', { title: COURSE, durationMinutes: 180, learningOutcomes: ['I can recognise good practice'], evaluationMode: 'linked' });
  await office.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
  // Attendance 14 weeks ago, typed up from a sign-in sheet.
  const [year, month, day] = addDays(clock().toISOString().slice(0, 10), -98).split('-');
  const sheet = `First name,Surname,Email,Date,Course,Venue,Attended\nAmira,Khan,amira@example.org,${day}/${month}/${year},${COURSE},Riverside Hall,Y\n`;
  await office.call('sheets.import', { kind: 'attendance', fileName: 'sign-ins.csv', contentBase64: Buffer.from(sheet).toString('base64') });
  return servedCore(office);
});

describe('the follow-up mail-merge on the office server', { timeout: 120_000 }, () => {
  it('is written by a coordinator and shown on the admin’s audit trail with her name and how many people it held', async () => {
    const coordinatorContext = await atOffice.browser.newContext({ acceptDownloads: true });
    const adminContext = await atOffice.browser.newContext();
    try {
      const coordinator = await signedInPageAtServer(coordinatorContext, `${atOffice.server.origin}/`, COORDINATOR);
      await coordinator.goto(`${atOffice.server.origin}/#/follow-ups`);
      await coordinator.getByRole('cell', { name: 'Amira Khan' }).waitFor();
      const [download] = await Promise.all([coordinator.waitForEvent('download'), coordinator.getByRole('button', { name: 'Write the mail-merge as CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^Follow-up mail-merge .+\.csv$/);
      await coordinator.getByText('0 people due.').waitFor();

      const admin = await signedInPageAtServer(adminContext, `${atOffice.server.origin}/`, ADMIN);
      await clickInMainMenu(admin, 'Audit trail');
      await admin.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
      const line = admin.getByRole('row').filter({ hasText: 'Personal data exported' });
      await line.filter({ hasText: 'Tomasz Nowak' }).filter({ hasText: 'Wrote the follow-up mail-merge as CSV: the names, emails and personal codes of 1 person.' }).waitFor();
      expect(await line.count()).toBe(1);
    } finally {
      await coordinatorContext.close();
      await adminContext.close();
    }
  });
});
