import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { request } from 'node:https';
import { recordOfficeServer } from '../../electron/core/sync/office-server-record';
import { startTestOfficeServer, type TestOfficeServer } from '../support/office-server';
import { enrolLaptop } from '../support/sync';
import { countRows, seedSession, TEST_TODAY, tempCore, testClock, type TempCore } from '../support/temp-core';

/**
 * Laptops that upload (issue 18): the office server on a real port on
 * 127.0.0.1, a laptop enrolled while it runs, and "Send to office" going
 * over HTTPS, pinned to the certificate key the enrolment file named.
 */

let office: TempCore;
let server: TestOfficeServer;
const others: TempCore[] = [];

const UPLOAD_LIMIT = 64 * 1024;

beforeEach(async () => {
  office = await tempCore({ setUp: true });
  server = await startTestOfficeServer(office, { uploadBytesLimit: UPLOAD_LIMIT, deviceCallsPerMinute: 1000 });
  // As `fieldbook serve` does at its start.
  await office.core.exclusive(async () => recordOfficeServer(office.core.context, { addresses: [`${server.origin}/`], spkiSha256: server.spki }));
});

afterEach(async () => {
  await server.close();
  for (const temp of others.splice(0)) await temp.cleanup();
  await office.cleanup();
});

async function laptop(name = 'Hall laptop 2'): Promise<TempCore> {
  const temp = await enrolLaptop(office, name);
  others.push(temp);
  return temp;
}

const peopleNamed = (temp: TempCore, givenName: string) =>
  temp.sqlite.prepare('SELECT count(*) FROM people WHERE given_name = ?').pluck().get(givenName) as number;
const sessionsTitled = (temp: TempCore, title: string) =>
  temp.sqlite.prepare('SELECT count(*) FROM sessions JOIN courses ON courses.id = sessions.course_id WHERE courses.title = ?').pluck().get(title) as number;

/** A raw POST to the server, as something other than a Fieldbook laptop might send. */
function post(path: string, body: Buffer, contentType: string): Promise<{ status: number; result: { ok: boolean; error?: { code: string; message: string } } }> {
  return new Promise((done, fail) => {
    const req = request(
      `${server.origin}${path}`,
      { method: 'POST', headers: { 'content-type': contentType, 'content-length': body.length }, rejectUnauthorized: false, agent: false },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => done({ status: response.statusCode ?? 0, result: JSON.parse(Buffer.concat(parts).toString('utf8')) }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

describe('Send to office from a laptop paired with the office server', { timeout: 60_000 }, () => {
  it('carries the server in the enrolment, uploads the end-of-day file, and applies the package it answers with', async () => {
    const hall = await laptop();
    const paired = await hall.call('pairing.status', {});
    expect(paired.office?.server).toEqual({ addresses: [`${server.origin}/`], spkiSha256: server.spki });

    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    const sent = await hall.call('sync.sendToOffice', {});

    expect(sent.sent).toBe(true);
    expect(sent.upload?.status).toBe('imported');
    expect(sent.message).toMatch(/^Sent to Central office over the network: Imported end-of-day file 1 from Hall laptop 2/);
    // The office sees the day, and its import log says so as for a file dropped in the inbox.
    expect(peopleNamed(office, 'Nadia')).toBe(1);
    const log = await office.call('sync.importLog', {});
    expect(log[0]).toMatchObject({ senderName: 'Hall laptop 2', sequence: 1, status: 'imported', fileName: sent.file?.fileName });
    // The package came back: the laptop's file is confirmed.
    expect(sent.package?.status).toBe('imported');
    expect((await hall.call('sync.outbox', {})).bundles[0]?.acknowledgedAt).not.toBeNull();
    expect(server.lines.some((line) => line.startsWith('Upload from 127.0.0.1') && line.includes('Imported end-of-day file 1'))).toBe(true);
  });

  it('falls back to the file when the server answers with a certificate other than the one learned at pairing', async () => {
    const hall = await laptop();
    // As if someone on the network answered at the office's address with a certificate of their own.
    hall.sqlite.prepare('UPDATE paired_office SET server_spki_sha256 = ?').run(Buffer.alloc(32, 7).toString('base64'));
    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });

    const sent = await hall.call('sync.sendToOffice', {});

    expect(sent.sent).toBe(false);
    expect(sent.message).toBe(
      `The end-of-day file was written but not sent: 127.0.0.1:${server.server.port} answered with a certificate other than the one learned at pairing, so this laptop did not trust it. Save the file and take it to Central office as usual, and tell the office.`,
    );
    const written = sent.file!;
    expect(written.contentBase64.length).toBeGreaterThan(0);
    expect(peopleNamed(office, 'Nadia')).toBe(0);
    expect(countRows(office.sqlite, 'import_log')).toBe(0);
    // Nothing reached the server: the connection was dropped before the request was written.
    expect(server.lines.filter((line) => line.includes('pload'))).toEqual([]);
    // The file it wrote instead is the ordinary end-of-day file: imported by hand, it is the day.
    const imported = await office.call('sync.importFile', { fileName: written.fileName, contentBase64: written.contentBase64 });
    expect(imported.status).toBe('imported');
    expect(peopleNamed(office, 'Nadia')).toBe(1);
  });

  it('writes the file as today, and says so, when nothing answers', async () => {
    const hall = await laptop();
    await server.close();
    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    const sent = await hall.call('sync.sendToOffice', {});
    expect(sent.sent).toBe(false);
    expect(sent.message).toMatch(/^The end-of-day file was written but not sent: Central office's server did not answer \(127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)\)\. Save the file and take it to the office as usual\.$/);
    expect(sent.file?.bundle.sequence).toBe(1);
    server = await startTestOfficeServer(office);
  });

  it("with nothing new to send, fetches the office's package: the office's newer session reaches the laptop and no file is written", async () => {
    const hall = await laptop();
    // A laptop that has recorded nothing yet still gets the office's sessions.
    await seedSession(office.call, { day: TEST_TODAY, title: 'First aid' });
    const first = await hall.call('sync.sendToOffice', {});
    expect(first).toMatchObject({ file: null, sent: false, upload: null, package: { status: 'imported', sessions: 1 } });
    expect(first.message).toMatch(
      /^Nothing new to send: nothing has been recorded on this laptop yet, so nothing needs saving\. Imported the package from Central office: 1 upcoming sessions/,
    );
    expect(sessionsTitled(hall, 'First aid')).toBe(1);

    // Back from a day out, the day sent, then the office adds a session: the next press brings it without writing a file.
    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    expect((await hall.call('sync.sendToOffice', {})).sent).toBe(true);
    await seedSession(office.call, { day: TEST_TODAY, title: 'Manual handling' });
    const again = await hall.call('sync.sendToOffice', {});
    expect(again).toMatchObject({ file: null, sent: false, upload: null, package: { status: 'imported', sessions: 2 } });
    expect(again.message).toMatch(/^Nothing new to send since end-of-day file 1, so nothing needs saving\. Imported the package from Central office: 2 upcoming sessions/);
    expect(sessionsTitled(hall, 'Manual handling')).toBe(1);
    expect((await hall.call('sync.outbox', {})).bundles.map((bundle) => bundle.sequence)).toEqual([1]);
    expect(countRows(office.sqlite, 'received_bundles')).toBe(1);
  });

  it('with nothing new and no answer, says nothing needed saving and the package could not be fetched', async () => {
    const hall = await laptop();
    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    expect((await hall.call('sync.sendToOffice', {})).sent).toBe(true);
    await server.close();
    const sent = await hall.call('sync.sendToOffice', {});
    expect(sent).toMatchObject({ file: null, sent: false, upload: null, package: null });
    expect(sent.message).toMatch(
      /^Nothing new to send since end-of-day file 1, so nothing needs saving\. Central office's package could not be fetched: the server did not answer \(127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)\)\. Press Send to office again at the office, or import the package from a file from the office\.$/,
    );
    expect((await hall.call('sync.outbox', {})).bundles).toHaveLength(1);
    server = await startTestOfficeServer(office);
  });

  /** The office's server started again, on another port here (the test's servers take any free one), and the laptop told where. */
  async function serverBackFor(hall: TempCore, options: { uploadBytesLimit?: number } = {}): Promise<void> {
    server = await startTestOfficeServer(office, options);
    hall.sqlite.prepare('UPDATE paired_office SET server_addresses = ?').run(JSON.stringify([`${server.origin}/`]));
  }

  it('with nothing new, sends again a file written while the server was down: the office gets its sign-ins, or is told plainly it has not', async () => {
    const session = await seedSession(office.call, { day: TEST_TODAY, title: 'First aid' });
    const amira = await office.call('people.create', { givenName: 'Amira', familyName: 'Khan' });
    await office.call('signIn.book', { sessionId: session.id, personId: amira.id });
    const hall = await enrolLaptop(office, 'Hall laptop 2', { facilitators: ['Sam Okafor'] });
    others.push(hall);
    // At the office in the morning: the package brings the session and its booking.
    expect((await hall.call('sync.sendToOffice', {})).package?.status).toBe('imported');

    // Out for the day: the server cannot be reached, so file 1 is written and saved instead of sent.
    await server.close();
    await hall.call('signIn.signIn', { sessionId: session.id, personId: amira.id });
    const away = await hall.call('sync.sendToOffice', {});
    expect(away).toMatchObject({ sent: false, file: { bundle: { sequence: 1 } } });

    // Pressed again with the server still down: not "nothing needs saving", but that file 1 is not at the office.
    const stillAway = await hall.call('sync.sendToOffice', {});
    expect(stillAway).toMatchObject({ file: null, sent: false, upload: null, package: null });
    expect(stillAway.message).toMatch(
      /^End-of-day file 1 has not reached Central office yet: its server did not answer \(127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)\)\. Take the file you saved to the office \(or save it again with Write again under Files written\), or press Send to office again at the office\.$/,
    );

    // Back at the office: file 1 goes now.
    await serverBackFor(hall);
    const back = await hall.call('sync.sendToOffice', {});
    expect(back).toMatchObject({ sent: true, file: { bundle: { sequence: 1 } }, upload: { status: 'imported', sequence: 1 }, package: { status: 'imported' } });
    expect(back.message).toMatch(
      /^Sent to Central office over the network: Imported end-of-day file 1 from Hall laptop 2: 1 session, 1 sign-in, 0 evaluations, 0 new people\. Nothing else is new since end-of-day file 1, so nothing needs saving\. Imported the package from Central office: .*; the office confirmed 1 more end-of-day file from this laptop\.$/,
    );
    expect((await office.call('signIn.roster', { sessionId: session.id })).counts.signedIn).toBe(1);
    expect((await hall.call('sync.outbox', {})).bundles.map((bundle) => [bundle.sequence, bundle.acknowledgedAt !== null])).toEqual([[1, true]]);

    // Confirmed now: the next press only fetches the package, and the office has the file once.
    const after = await hall.call('sync.sendToOffice', {});
    expect(after).toMatchObject({ file: null, sent: false, upload: null });
    expect(after.message).toMatch(/^Nothing new to send since end-of-day file 1, so nothing needs saving\. Imported the package/);
    expect(countRows(office.sqlite, 'received_bundles')).toBe(1);
  });

  it('with nothing new, a file taken in by hand meanwhile is answered as already imported, and nothing changes twice', async () => {
    const hall = await laptop();
    await server.close();
    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    const saved = (await hall.call('sync.sendToOffice', {})).file!;
    await office.call('sync.importFile', { fileName: saved.fileName, contentBase64: saved.contentBase64 });

    await serverBackFor(hall);
    const back = await hall.call('sync.sendToOffice', {});
    expect(back).toMatchObject({ sent: true, upload: { status: 'already_imported', sequence: 1 }, package: { status: 'imported' } });
    expect(back.message).toMatch(/^Sent to Central office over the network: Already imported on .* \(end-of-day file 1\)\. Nothing changed\. Nothing else is new since end-of-day file 1/);
    expect(peopleNamed(office, 'Nadia')).toBe(1);
    expect(countRows(office.sqlite, 'received_bundles')).toBe(1);
    expect((await hall.call('sync.outbox', {})).bundles[0]?.acknowledgedAt).not.toBeNull();
  });

  it('with something new, sends first the earlier file saved away from the office: the office has both, and the laptop says what went', async () => {
    const hall = await laptop();
    await server.close();
    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    expect(await hall.call('sync.sendToOffice', {})).toMatchObject({ sent: false, file: { bundle: { sequence: 1 } }, notReached: [1] });

    await serverBackFor(hall);
    await hall.call('people.create', { givenName: 'Omar', familyName: 'Farouk' });
    const back = await hall.call('sync.sendToOffice', {});
    expect(back).toMatchObject({ sent: true, file: { bundle: { sequence: 2 } }, upload: { status: 'imported', sequence: 2 }, package: { status: 'imported' }, notReached: [] });
    expect(back.message).toMatch(
      /^Sent to Central office over the network: Imported end-of-day file 1 from Hall laptop 2: .*1 new person\. Sent to Central office over the network: Imported end-of-day file 2 from Hall laptop 2: .*1 new person\. Imported the package from Central office: .*; the office confirmed 2 more end-of-day files from this laptop\.$/,
    );
    expect([peopleNamed(office, 'Nadia'), peopleNamed(office, 'Omar')]).toEqual([1, 1]);
    expect(countRows(office.sqlite, 'held_bundles')).toBe(0);
    expect((await hall.call('sync.outbox', {})).bundles.map((bundle) => [bundle.sequence, bundle.acknowledgedAt !== null])).toEqual([
      [2, true],
      [1, true],
    ]);
  });

  it('with something new and still no server, says the earlier file has not reached the office and the new one was not sent either', async () => {
    const hall = await laptop();
    await server.close();
    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    await hall.call('sync.sendToOffice', {});
    await hall.call('people.create', { givenName: 'Omar', familyName: 'Farouk' });
    const away = await hall.call('sync.sendToOffice', {});
    expect(away).toMatchObject({ sent: false, file: { bundle: { sequence: 2 } }, upload: null, package: null, notReached: [1, 2] });
    expect(away.message).toMatch(
      /^End-of-day file 1 has not reached Central office yet: its server did not answer \(.*\)\. .* End-of-day file 2 was written but not sent either: save it and take it to Central office too\.$/,
    );
  });

  it('does not send again a file the office holds for review: its import log gets one held line, and the laptop says where the file is', async () => {
    const hall = await enrolLaptop(office, 'Hall laptop 2', { clock: testClock() });
    others.push(hall);
    // The laptop's clock is two days fast, so the office holds what it stamps.
    hall.clock.advance(2 * 24 * 60 * 60 * 1000);
    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    const held = await hall.call('sync.sendToOffice', {});
    expect(held).toMatchObject({ sent: true, upload: { status: 'held', sequence: 1 }, notReached: [] });
    // Its clock put right: the office's package comes again, but the held file is not sent again.
    hall.clock.advance(-2 * 24 * 60 * 60 * 1000);

    for (let press = 0; press < 2; press += 1) {
      const again = await hall.call('sync.sendToOffice', {});
      expect(again).toMatchObject({ file: null, sent: false, upload: null, package: { status: 'imported' }, notReached: [] });
      expect(again.message).toMatch(
        /^End-of-day file 1 is at Central office, held for review, so it was not sent again: the office imports it from its held list\. Nothing else is new since end-of-day file 1, so nothing needs saving\. Imported the package/,
      );
    }
    const heldLines = office.sqlite.prepare("SELECT count(*) FROM import_log WHERE status = 'held'").pluck().get();
    expect(heldLines).toBe(1);
    expect(countRows(office.sqlite, 'held_bundles')).toBe(1);
  });

  it('a file the office refuses for good does not stop the later ones, and is not sent again', async () => {
    const hall = await laptop();
    await server.close();
    // File 1 carries more than the office's server takes in one upload; file 2 does not.
    for (let person = 0; person < 60; person += 1) {
      await hall.call('people.create', { givenName: `Visitor ${person}`, familyName: randomBytes(45).toString('hex') });
    }
    const large = (await hall.call('sync.sendToOffice', {})).file!;
    await serverBackFor(hall, { uploadBytesLimit: Buffer.from(large.contentBase64, 'base64').length - 1 });
    await hall.call('people.create', { givenName: 'Omar', familyName: 'Farouk' });

    const back = await hall.call('sync.sendToOffice', {});
    expect(back).toMatchObject({ sent: true, upload: { status: 'imported', sequence: 2 }, package: { status: 'imported' }, notReached: [1] });
    expect(back.message).toMatch(
      /^End-of-day file 1 has not reached Central office yet: its server did not take it: Send a smaller request: that one is too large\. Take the file you saved to the office \(or save it again with Write again under Files written\)\. Sent to Central office over the network: Imported end-of-day file 2 from Hall laptop 2/,
    );
    expect(peopleNamed(office, 'Omar')).toBe(1);
    expect(peopleNamed(office, 'Visitor 0')).toBe(0);

    const again = await hall.call('sync.sendToOffice', {});
    expect(again).toMatchObject({ file: null, sent: false, notReached: [1], package: { status: 'imported' } });
    expect(again.message).toMatch(
      /^End-of-day file 1 has not reached Central office, and was not sent again: its server refused it \(Send a smaller request: that one is too large\)\. Take the file you saved to the office \(or save it again with Write again under Files written\), and tell the office\. Imported the package/,
    );
    expect((await hall.call('sync.outbox', {})).bundles.map((bundle) => [bundle.sequence, bundle.acknowledgedAt !== null])).toEqual([
      [2, true],
      [1, false],
    ]);

    // The office takes larger files now, and someone chose Write again: the next press tries file 1 again.
    await server.close();
    await serverBackFor(hall);
    await hall.call('sync.rewriteBundle', { sequence: 1 });
    const retried = await hall.call('sync.sendToOffice', {});
    expect(retried).toMatchObject({ sent: true, upload: { status: 'imported', sequence: 1 }, notReached: [] });
    expect(peopleNamed(office, 'Visitor 0')).toBe(1);
  });

  it('with nothing new on a laptop whose office runs no server, says there is no need to export, as Export does', async () => {
    const serverless = await tempCore({ setUp: true });
    others.push(serverless);
    const hall = await enrolLaptop(serverless, 'Hall laptop 3');
    others.push(hall);
    await expect(hall.call('sync.sendToOffice', {})).rejects.toThrow(/NOTHING_TO_EXPORT: No need to export: nothing has been recorded on this laptop yet\./);
    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    const sent = await hall.call('sync.sendToOffice', {});
    expect(sent).toMatchObject({ sent: false, file: { bundle: { sequence: 1 } } });
    expect(sent.message).toBe("The end-of-day file was written. Save it and take it to Central office: it does not run a server this laptop can send to.");
  });

  it("refuses a stranger's upload and package request, and imports nothing", async () => {
    // A laptop the office never enrolled, which has copied the office's public keys and server from somewhere.
    const otherOffice = await tempCore({ setUp: true });
    others.push(otherOffice);
    const stranger = await enrolLaptop(otherOffice, 'Library laptop');
    others.push(stranger);
    const officeRow = office.sqlite.prepare('SELECT id, name, signing_public_key, age_recipient FROM device').get() as Record<string, string>;
    stranger.sqlite
      .prepare('UPDATE paired_office SET device_id = ?, name = ?, signing_public_key = ?, age_recipient = ?, server_addresses = ?, server_spki_sha256 = ?')
      .run(officeRow.id, officeRow.name, officeRow.signing_public_key, officeRow.age_recipient, JSON.stringify([`${server.origin}/`]), server.spki);
    await stranger.call('people.create', { givenName: 'Eve', familyName: 'Forger' });

    const sent = await stranger.call('sync.sendToOffice', {});

    expect(sent.sent).toBe(false);
    expect(sent.message).toBe(
      "The end-of-day file was written but not sent: Central office's server refused it, since this laptop is not enrolled there (or no longer is). Ask the office to enrol this laptop, then take it the saved file.",
    );
    expect(peopleNamed(office, 'Eve')).toBe(0);
    expect(countRows(office.sqlite, 'import_log')).toBe(0);
    expect(countRows(office.sqlite, 'received_bundles')).toBe(0);
    // Refused as the inbox refuses it: the import log lists it with its reason.
    const log = await office.call('sync.importLog', {});
    expect(log).toEqual([expect.objectContaining({ status: 'refused', senderName: null })]);

    // Nor does it get a package by asking in its own name.
    const { writePackageRequest } = await import('../../electron/core/sync/package-request');
    const { deviceKeys } = await import('../../electron/core/sync/device-keys');
    const keys = await stranger.core.exclusive(() => deviceKeys(stranger.core.context, 'laptop'));
    const asked = await post('/device/package', Buffer.from(JSON.stringify({ request: writePackageRequest(stranger.core.context, keys) })), 'application/json');
    expect(asked.result.error).toEqual({
      code: 'UNKNOWN_SENDER',
      message: 'Enrol this laptop with the office first: the office does not know it, so it sends it no package.',
    });
  });

  it('refuses oversized and malformed uploads with a plain error, and imports nothing', async () => {
    const tooLarge = await post('/device/upload', Buffer.alloc(UPLOAD_LIMIT + 1, 1), 'application/octet-stream');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.result.error).toEqual({ code: 'FILE_TOO_LARGE', message: 'Send a smaller request: that one is too large.' });

    const junk = await post('/device/upload', Buffer.from('not a Fieldbook file at all'), 'application/octet-stream');
    expect(junk.result.ok).toBe(false);
    expect(junk.result.error?.code).toBe('FILE_DAMAGED');
    expect(junk.result.error?.message).toMatch(/^[A-Z].*\.$/);

    const empty = await post('/device/upload', Buffer.alloc(0), 'application/octet-stream');
    expect(empty.result.error?.code).toBe('INVALID_INPUT');

    const asJson = await post('/device/upload', Buffer.from('{"contentBase64":"AAAA"}'), 'application/json');
    expect(asJson.status).toBe(415);
    expect(asJson.result.error?.message).toBe('Send the end-of-day file as it was written (application/octet-stream).');

    const badRequest = await post('/device/package', Buffer.from(JSON.stringify({ request: Buffer.from('{"fieldbook":"signed"}').toString('base64') })), 'application/json');
    expect(badRequest.result.error?.code).toBe('UNKNOWN_SENDER');

    expect(countRows(office.sqlite, 'import_log')).toBe(0);
    expect(countRows(office.sqlite, 'received_bundles')).toBe(0);
  });

  it('refuses a package request from a revoked laptop, even one signed with its own key', async () => {
    const hall = await laptop();
    const deviceId = (await hall.call('device.status', {})).device!.id;
    await office.call('pairing.revoke', { deviceId, reason: 'Stolen from a car' });
    await hall.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    const sent = await hall.call('sync.sendToOffice', {});
    expect(sent.sent).toBe(false);
    expect(sent.message).toContain('Ask the office to enrol this laptop, then take it the saved file.');
    expect(peopleNamed(office, 'Nadia')).toBe(0);
    // The reason for revoking it stays at the office: whoever holds the laptop is told only to ask for an enrolment.
    const uploaded = await post('/device/upload', Buffer.from(sent.file!.contentBase64, 'base64'), 'application/octet-stream');
    expect(uploaded.result.error).toEqual({
      code: 'REVOKED_SENDER',
      message: 'Ask the office to enrol this laptop first: its server takes files only from laptops the office has enrolled.',
    });
    expect(server.lines.some((line) => line.startsWith('Refused an upload from 127.0.0.1') && line.includes('Stolen from a car'))).toBe(true);
  });
});
