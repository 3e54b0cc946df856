import { describe, expect, it } from 'vitest';
import { addStaffAccounts } from '../support/office-server';
import { StaffClient } from '../support/staff-client';
import { officeServerForEachTest } from '../support/office-server-each-test';

const ADMIN = { name: 'Priya Shah', email: 'priya@example.org', role: 'admin' as const, password: 'violet-harbour-lantern' };
const COORDINATOR = { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'coordinator' as const, password: 'amber-river-compass' };
const MINUTE = 60_000;

const office = officeServerForEachTest([ADMIN]);

async function auditKinds(): Promise<string[]> {
  return (office.temp.sqlite.prepare('SELECT kind FROM staff_audit ORDER BY at, rowid').pluck().all() as string[]).filter((kind) => kind !== 'staff_added');
}

describe('signing in to the office server', { timeout: 60_000 }, () => {
  it('signs a staff member in with an HTTP-only, Secure, SameSite=Strict cookie, and their calls work', async () => {
    const admin = new StaffClient(office.server);
    const answer = await admin.signIn(ADMIN.email.toUpperCase(), ADMIN.password);
    expect(answer.result).toMatchObject({ ok: true, value: { signedIn: true, staff: { name: 'Priya Shah', role: 'admin' } } });
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-fieldbook-session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect((await admin.call('device.status', {})).result).toMatchObject({ ok: true });
    // Only a hash of the cookie's token is kept, so a copy of the database signs nobody in.
    const token = admin.cookie!.split('=')[1]!;
    expect(JSON.stringify(office.temp.sqlite.prepare('SELECT * FROM staff_sessions').all())).not.toContain(token);
    expect(await auditKinds()).toEqual(['signed_in']);
    expect(office.server.lines).toContain('Priya Shah (admin) signed in from 127.0.0.1.');
  });

  it('refuses calls without a session, and writes without the session’s CSRF token or from another site', async () => {
    const stranger = await new StaffClient(office.server).call('courses.list', {});
    expect(stranger).toMatchObject({ status: 401, result: { ok: false, error: { code: 'UNAUTHORISED' } } });

    const admin = await office.server.signedIn(ADMIN);
    const noCsrf = await admin.call('courses.create', { title: 'Cultural Competency' }, { 'x-fieldbook-csrf': 'copied-from-nowhere' });
    expect(noCsrf).toMatchObject({ status: 401, result: { error: { message: 'Reload the page and try again: that request did not come from Fieldbook.' } } });
    const otherSite = await admin.call('courses.create', { title: 'Cultural Competency' }, { origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);
    expect(await office.temp.call('courses.list', {})).toEqual([]);
  });

  it('slows down wrong passwords, then locks the account, and says so in the audit trail', async () => {
    const client = new StaffClient(office.server);
    for (let tries = 1; tries <= 2; tries++) {
      expect((await client.signIn(ADMIN.email, 'not-my-password-at-all')).result.error?.message).toBe('Check the email address and password, then try again.');
    }
    const third = await client.signIn(ADMIN.email, 'not-my-password-at-all');
    expect(third.result.error?.message).toBe('Check the email address and password, then try again. Wait 30 seconds before the next try.');
    expect(third.headers['retry-after']).toBe('30');
    // Even the right password waits.
    expect((await client.signIn(ADMIN.email, ADMIN.password)).result.error?.message).toMatch(/^Wait 30 seconds, then try again/);
    office.temp.clock.advance(30_000);
    expect((await client.signIn(ADMIN.email, ADMIN.password)).result.ok).toBe(true);

    // Ten wrong in a row (each after its wait) lock the account for an hour.
    for (let tries = 1; tries <= 10; tries++) {
      await client.signIn(ADMIN.email, 'not-my-password-at-all');
      office.temp.clock.advance(16 * MINUTE);
    }
    office.temp.clock.advance(-16 * MINUTE);
    expect((await client.signIn(ADMIN.email, ADMIN.password)).result.error?.message).toMatch(/^Wait \d+ minutes, or ask an admin to reset your password: this account is locked after 10 wrong passwords\.$/);
    office.temp.clock.advance(61 * MINUTE);
    expect((await client.signIn(ADMIN.email, ADMIN.password)).result.ok).toBe(true);
    const kinds = await auditKinds();
    expect(kinds.filter((kind) => kind === 'sign_in_failed')).toHaveLength(13);
    expect(kinds.filter((kind) => kind === 'signed_in')).toHaveLength(2);
  });

  it('shuts out an address that tries many accounts, even with the right password', async () => {
    const client = new StaffClient(office.server);
    for (let tries = 1; tries <= 20; tries++) await client.signIn(`guess${tries}@example.org`, 'not-my-password-at-all');
    const refused = await client.signIn(ADMIN.email, ADMIN.password);
    expect(refused.result.error?.message).toMatch(/^Wait 15 minutes, then try again: too many wrong passwords came from this computer\.$/);
    office.temp.clock.advance(15 * MINUTE);
    expect((await client.signIn(ADMIN.email, ADMIN.password)).result.ok).toBe(true);
  });

  it('keeps an address shut out, and an account locked, when the server restarts', async () => {
    await addStaffAccounts(office.temp, [COORDINATOR]);
    const client = new StaffClient(office.server);
    // Ten wrong passwords in a row for one account, each after the wait the last one set: locked for an hour.
    for (let tries = 1; tries <= 10; tries++) {
      await client.signIn(COORDINATOR.email, 'not-my-password-at-all');
      if (tries < 10) office.temp.clock.advance(15 * MINUTE);
    }
    for (let tries = 1; tries <= 20; tries++) await client.signIn(`guess${tries}@example.org`, 'not-my-password-at-all');
    // The server stops and starts again over the same data folder.
    await office.restartServer({ reopen: true });
    const again = new StaffClient(office.server);
    expect((await again.signIn(ADMIN.email, ADMIN.password)).result.error?.message).toMatch(/^Wait 15 minutes, then try again: too many wrong passwords came from this computer\.$/);
    office.temp.clock.advance(15 * MINUTE);
    expect((await again.signIn(COORDINATOR.email, COORDINATOR.password)).result.error?.message).toMatch(/this account is locked after 10 wrong passwords\.$/);
    expect((await again.signIn(ADMIN.email, ADMIN.password)).result.ok).toBe(true);
  });

  it('answers too many sign-in tries a minute with 429', async () => {
    await office.restartServer({ signInsPerMinute: 3 });
    const client = new StaffClient(office.server);
    for (let tries = 1; tries <= 3; tries++) expect((await client.signIn(ADMIN.email, 'not-my-password-at-all')).status).toBe(401);
    const fourth = await client.signIn(ADMIN.email, ADMIN.password);
    expect(fourth.status).toBe(429);
    expect(fourth.result.error?.message).toMatch(/^Wait \d+ seconds, then try again: too many sign-in tries came from this computer\.$/);
  });

  it('ends a session after 30 minutes without a call, and after 8 hours however busy', async () => {
    const idle = await office.server.signedIn(ADMIN);
    office.temp.clock.advance(29 * MINUTE);
    expect((await idle.call('courses.list', {})).status).toBe(200);
    office.temp.clock.advance(30 * MINUTE);
    expect((await idle.call('courses.list', {})).result.error?.message).toBe('Sign in again: you are signed out, or were away too long.');

    const busy = await office.server.signedIn(ADMIN);
    for (let minutes = 0; minutes < 8 * 60 - 20; minutes += 20) {
      office.temp.clock.advance(20 * MINUTE);
      expect((await busy.call('courses.list', {})).status).toBe(200);
    }
    office.temp.clock.advance(20 * MINUTE);
    expect((await busy.call('courses.list', {})).status).toBe(401);
  });

  it('signs out here, or everywhere at once', async () => {
    const desk = await office.server.signedIn(ADMIN);
    const laptop = await office.server.signedIn(ADMIN);
    const phone = await office.server.signedIn(ADMIN);
    expect((await desk.post('/auth/sign-out', {})).result).toEqual({ ok: true, value: { signedIn: false } });
    expect((await desk.call('courses.list', {})).status).toBe(401);
    expect((await laptop.call('courses.list', {})).status).toBe(200);
    expect((await laptop.post('/auth/sign-out', { everywhere: true })).result.ok).toBe(true);
    expect((await phone.call('courses.list', {})).status).toBe(401);
    expect(await auditKinds()).toEqual(['signed_in', 'signed_in', 'signed_in', 'signed_out', 'signed_out_everywhere']);
  });

  it('lets an admin reset a password: the person is signed out and chooses a new one at their next sign-in', async () => {
    const [coordinatorId] = await addStaffAccounts(office.temp, [COORDINATOR]);
    const coordinator = await office.server.signedIn(COORDINATOR);
    const admin = await office.server.signedIn(ADMIN);

    const weak = await admin.call('staff.resetPassword', { id: coordinatorId, temporaryPassword: 'password1234' });
    expect(weak.result.error?.message).toBe('Choose a password that is harder to guess: that one is on the list of passwords attackers try first.');
    const reset = await admin.call('staff.resetPassword', { id: coordinatorId, temporaryPassword: 'copper-meadow-signal' });
    expect(reset.result).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect((await coordinator.call('courses.list', {})).status).toBe(401);

    const again = await office.server.signedIn({ email: COORDINATOR.email, password: 'copper-meadow-signal' });
    expect((await again.call('courses.list', {})).result.error?.message).toBe('Choose a new password first: an admin reset yours.');
    const changed = await again.post('/auth/change-password', { currentPassword: 'copper-meadow-signal', newPassword: 'quiet-orchard-beacon' });
    expect(changed.result).toMatchObject({ ok: true, value: { staff: { mustChangePassword: false } } });
    again.csrf = changed.result.value.csrfToken;
    expect((await again.call('courses.list', {})).status).toBe(200);
    expect((await new StaffClient(office.server).signIn(COORDINATOR.email, 'quiet-orchard-beacon')).result.ok).toBe(true);
    expect(await auditKinds()).toEqual(expect.arrayContaining(['password_reset', 'password_changed']));
  });

  it('lets only admins manage staff, checked in the core', async () => {
    await addStaffAccounts(office.temp, [COORDINATOR]);
    const coordinator = await office.server.signedIn(COORDINATOR);
    const refused = await coordinator.call('staff.add', { name: 'Sam Lee', email: 'sam@example.org', role: 'admin', temporaryPassword: 'harbour-violet-lantern' });
    expect(refused.result.error).toMatchObject({ code: 'NOT_ALLOWED', message: 'Ask an admin to do this: only admins manage staff, devices, settings, backups and erasure.' });
    expect((await coordinator.call('staff.list', {})).result.ok).toBe(false);
    // The desktop app (no caller at all) cannot manage accounts either.
    await expect(office.temp.call('staff.list', {})).rejects.toThrow(/Manage staff accounts on the office server/);

    const admin = await office.server.signedIn(ADMIN);
    const added = await admin.call('staff.add', { name: 'Sam Lee', email: 'Sam@Example.org', role: 'viewer', temporaryPassword: 'harbour-violet-lantern' });
    expect(added.result).toMatchObject({ ok: true, value: { email: 'sam@example.org', role: 'viewer', mustChangePassword: true } });
    const lastAdmin = await admin.call('staff.update', { id: (await admin.call('staff.list', {})).result.value.find((s: { role: string }) => s.role === 'admin').id, role: 'viewer' });
    expect(lastAdmin.result.error?.message).toBe('Make another staff member an admin first: the office needs at least one active admin.');
    const trail = await admin.call('staff.audit', {});
    expect(trail.result.value.map((line: { detail: string }) => line.detail)).toContain('Added Sam Lee (sam@example.org) as viewer.');
  });
});
