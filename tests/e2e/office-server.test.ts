import { describe, expect, it } from 'vitest';
import { officeFolderWithStaff } from '../support/office-server';
import { clickInMainMenu, fillSignIn, mainMenuScreens, signInAtServer } from './support/harness';
import { officeInChromium, servedFolder } from './support/office-in-chromium';

/**
 * Staff at the office open `fieldbook serve`'s address in Chromium over
 * HTTPS. The browser trusts the server's self-signed certificate only
 * because it is told the public key's hash the server printed at start (as
 * a person compares the fingerprint the first time), and nothing else.
 */

const COORDINATOR = { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'coordinator' as const, password: 'amber-river-compass' };
const VIEWER = { name: 'Amira Khan', email: 'amira@example.org', role: 'viewer' as const, password: 'silver-heron-window' };
const ADMIN = { name: 'Priya Shah', email: 'priya@example.org', role: 'admin' as const, password: 'violet-harbour-lantern' };

const atOffice = officeInChromium(async () => servedFolder(await officeFolderWithStaff([ADMIN, COORDINATOR, VIEWER])));

describe('the office server in Chromium', { timeout: 120_000 }, () => {
  it('signs a coordinator and a viewer in at once in two browsers, each as themselves', async () => {
    const coordinatorContext = await atOffice.browser.newContext();
    const viewerContext = await atOffice.browser.newContext();
    try {
      const coordinator = await coordinatorContext.newPage();
      const viewer = await viewerContext.newPage();
      coordinator.setDefaultTimeout(20_000);
      viewer.setDefaultTimeout(20_000);
      await coordinator.goto(atOffice.server.url);
      await viewer.goto(atOffice.server.url);
      await coordinator.getByRole('heading', { level: 1, name: 'Sign in to Fieldbook' }).waitFor();

      await fillSignIn(coordinator, { email: COORDINATOR.email, password: 'not-my-password-at-all' });
      await coordinator.getByText('Check the email address and password, then try again.').first().waitFor();

      await fillSignIn(coordinator, COORDINATOR);
      await fillSignIn(viewer, VIEWER);
      await coordinator.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
      await viewer.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
      expect(await coordinator.getByRole('region', { name: 'Your account' }).textContent()).toContain('Signed in as Tomasz Nowak (coordinator)');
      expect(await viewer.getByRole('region', { name: 'Your account' }).textContent()).toContain('Signed in as Amira Khan (viewer)');

      // Each sees only the screens their role may use: the core would refuse the rest.
      const coordinatorScreens = await mainMenuScreens(coordinator);
      expect(coordinatorScreens).toEqual(expect.arrayContaining(['Sessions', 'Courses', 'Import', 'Spreadsheets', 'Review']));
      expect(coordinatorScreens).not.toEqual(expect.arrayContaining(['Devices']));
      expect(coordinatorScreens).not.toContain('Settings');
      const viewerScreens = await mainMenuScreens(viewer);
      expect(viewerScreens).toEqual(expect.arrayContaining(['Sessions', 'Courses', 'Reports']));
      for (const screen of ['Import', 'Spreadsheets', 'Review', 'Devices', 'Backups', 'Erasures', 'Settings']) expect(viewerScreens).not.toContain(screen);
      await clickInMainMenu(coordinator, 'Courses');
      await clickInMainMenu(viewer, 'Courses');
      await coordinator.getByRole('link', { name: 'New course' }).waitFor();
      await viewer.getByRole('heading', { level: 1, name: 'Courses' }).waitFor();
      expect(await viewer.getByRole('link', { name: 'New course' }).count()).toBe(0);

      // The session cookie is out of reach of the page's scripts.
      expect(await coordinator.evaluate(() => document.cookie)).toBe('');
      const [cookie] = await coordinatorContext.cookies();
      expect(cookie).toMatchObject({ name: '__Host-fieldbook-session', httpOnly: true, secure: true, sameSite: 'Strict' });

      await coordinator.getByRole('button', { name: 'Sign out', exact: true }).click();
      await coordinator.getByRole('heading', { level: 1, name: 'Sign in to Fieldbook' }).waitFor();
      // Signing one person out leaves the other at work.
      await viewer.reload();
      await viewer.getByRole('heading', { level: 1, name: 'Courses' }).waitFor();

      // An admin reads the audit trail: who signed in, and the wrong password typed above.
      const adminPage = await coordinatorContext.newPage();
      adminPage.setDefaultTimeout(20_000);
      await signInAtServer(adminPage, atOffice.server.url, ADMIN);
      await clickInMainMenu(adminPage, 'Audit trail');
      await adminPage.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
      const failed = adminPage.getByRole('row').filter({ hasText: 'Failed sign-in' }).first();
      expect(await failed.textContent()).toContain('Tomasz Nowak');
      expect(await adminPage.getByRole('row').filter({ hasText: 'Amira Khan' }).filter({ hasText: 'Signed in' }).count()).toBeGreaterThan(0);
      expect(await mainMenuScreens(viewer)).not.toContain('Audit trail');

      // The admin adds a viewer on the Staff screen; the new account must choose its own password first.
      await clickInMainMenu(adminPage, 'Staff');
      await adminPage.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
      const add = adminPage.getByRole('region', { name: 'Add a staff member' });
      await add.getByLabel('Name').fill('Sam Lee');
      await add.getByLabel('Email address').fill('sam@example.org');
      await add.getByLabel('Role').selectOption('viewer');
      await add.getByLabel('First password').fill('harbour-violet-lantern');
      await add.getByRole('button', { name: 'Add staff member' }).click();
      const samRow = adminPage.getByRole('row').filter({ hasText: 'sam@example.org' });
      await samRow.waitFor();
      expect(await samRow.textContent()).toContain('Chooses a new password at next sign-in');
    } finally {
      await coordinatorContext.close();
      await viewerContext.close();
    }
  });
});
