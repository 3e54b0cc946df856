import { mkdtempSync, rmSync } from 'node:fs';
import { request as plainRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { heldDatabaseKey } from '../../electron/db/database-key';
import { openWithKey } from '../../electron/db/encryption';
import { migrations } from '../../electron/db/migrations';
import { fileKeyStore } from '../../electron/core/keys';
import { DATABASE_FILE, KEYS_FOLDER } from '../../electron/host/data-folder';
import { openCoreInFolder } from '../../electron/host/open-core';
import { runFieldbook } from '../support/cli';
import { csvFile, sheetInput } from '../support/spreadsheets';
import { officeFolderWithStaff, refusedServe, startServeProcess, type ServeProcess } from '../support/office-server';
import { httpsRequest, StaffClient } from '../support/staff-client';

const folders: string[] = [];
const running: ServeProcess[] = [];

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fieldbook-serve-'));
  folders.push(folder);
  return folder;
}

const ADMIN = { name: 'Priya Shah', email: 'priya@example.org', role: 'admin' as const, password: 'violet-harbour-lantern' };

async function officeFolder({ withAdmin = true } = {}): Promise<string> {
  const folder = await officeFolderWithStaff(withAdmin ? [ADMIN] : []);
  folders.push(folder);
  return folder;
}

async function serve(folder: string): Promise<ServeProcess> {
  const server = await startServeProcess(folder);
  running.push(server);
  return server;
}

afterEach(async () => {
  for (const server of running.splice(0)) if (server.child.exitCode === null) await server.stop();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('fieldbook serve', { timeout: 120_000 }, () => {
  it('serves the office over HTTPS with the printed fingerprint, the screens and the same procedures', async () => {
    const server = await serve(await officeFolder());
    expect(server.lines.join('\n')).toMatch(/Started the Fieldbook office server for "Central office"/);
    expect(server.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const page = await httpsRequest(server.url, { fingerprint: server.fingerprint });
    expect(page.fingerprint).toBe(server.fingerprint);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['strict-transport-security']).toMatch(/max-age=/);

    const admin = await server.signedIn(ADMIN);
    const status = await admin.call('device.status', {});
    expect(status.status).toBe(200);
    expect(status.result).toMatchObject({ ok: true, value: { device: { role: 'office', name: 'Central office' } } });
    await server.waitForLine(/Priya Shah \(admin\) signed in from 127\.0\.0\.1\./);

    const badInput = await admin.call('courses.create', { title: '' });
    expect(badInput.status).toBe(400);
    expect(badInput.result.error?.code).toBe('INVALID_INPUT');
  });

  it('answers only over HTTPS, only to staff signed in, and never to another site’s page', async () => {
    const server = await serve(await officeFolder());
    const port = new URL(server.origin).port;
    const plain = await new Promise<string>((done) => {
      const req = plainRequest(`http://127.0.0.1:${port}/`, (response) => done(`answered ${response.statusCode}`));
      req.on('error', () => done('no answer'));
      req.end();
    });
    expect(plain).not.toBe('answered 200');

    const stranger = await new StaffClient(server).call('device.status', {});
    expect(stranger.status).toBe(401);
    expect(stranger.result.error?.code).toBe('UNAUTHORISED');

    const otherSite = await (await server.signedIn(ADMIN)).call('device.status', {}, { origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);
    await server.waitForLine(/Refused a request from another site's page \(https:\/\/evil\.example\)/);
  });

  it('keeps the certificate it made, so a restart shows the same fingerprint', async () => {
    const folder = await officeFolder();
    const first = await serve(folder);
    expect(first.lines.join('\n')).toContain('Made a self-signed certificate');
    expect(await first.stop()).toBe(0);
    const second = await serve(folder);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.lines.join('\n')).toContain('Using the certificate');
  });

  it('stops cleanly on SIGTERM, saying so', async () => {
    const server = await serve(await officeFolder());
    expect(await server.stop()).toBe(0);
    expect(server.lines.at(-1)).toMatch(/Stopped\.$/);
  });

  it('finishes the import in hand when told to stop with SIGTERM: all of it is saved or none', async () => {
    const folder = await officeFolder();
    const server = await serve(folder);
    const admin = await server.signedIn(ADMIN);
    const rows = Array.from({ length: 3000 }, (_, i) => [`Given${i}`, `Family${i}`, `person${i}@example.org`, 'Hope Centre']);
    const sheet = csvFile([['First name', 'Surname', 'Email', 'Organisation'], ...rows]);
    const importing = admin.call('sheets.import', sheetInput('people', 'people.csv', sheet));
    // Stop once the server has the whole request (it says nothing before its answer), while it works through it.
    await new Promise((sent) => setImmediate(sent));
    const stopped = server.stop();
    const answer = await importing.catch((error: Error) => ({ status: 0, result: { ok: false, error: { code: 'NONE', message: error.message } } }));
    expect(await stopped).toBe(0);
    expect(server.lines.at(-1)).toMatch(/Stopped\.$/);

    const core = openCoreInFolder(folder);
    try {
      const people = core.database.sqlite.prepare('SELECT count(*) FROM people').pluck().get() as number;
      if (answer.result.ok) expect(people).toBe(3000);
      else expect(people).toBe(0);
    } finally {
      await core.close();
    }
  });

  it('refuses a laptop’s folder, a folder with no data or no staff account, and one written by a newer version', async () => {
    const laptop = tempFolder();
    expect((await runFieldbook(laptop, 'setup', '--role', 'laptop', '--name', 'Hall laptop', '--data', laptop)).code).toBe(0);
    const refusedLaptop = await refusedServe(laptop);
    expect(refusedLaptop.code).toBe(1);
    expect(refusedLaptop.stderr).toContain('is set up as the laptop "Hall laptop"');

    const empty = tempFolder();
    const refusedEmpty = await refusedServe(empty);
    expect(refusedEmpty.code).toBe(1);
    expect(refusedEmpty.stderr).toContain('Set up');

    const noStaff = await officeFolder({ withAdmin: false });
    const refusedNoStaff = await refusedServe(noStaff);
    expect(refusedNoStaff.code).toBe(1);
    expect(refusedNoStaff.stderr).toContain('Add the first admin before serving (fieldbook staff add --role admin');

    const newer = await officeFolder();
    const database = openWithKey(join(newer, DATABASE_FILE), heldDatabaseKey(fileKeyStore(join(newer, KEYS_FOLDER))));
    database.pragma(`user_version = ${migrations.length + 1}`);
    database.close();
    const refusedNewer = await refusedServe(newer);
    expect(refusedNewer.code).toBe(1);
    expect(refusedNewer.stderr).toContain('Update Fieldbook');
  });
});
