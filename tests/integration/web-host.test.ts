import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { openCoreInFolder } from '../../electron/host/open-core';
import { startWebHost, type WebHost } from '../../electron/web/server';

let folder: string;
let staticFolder: string;
let core: Core;
let host: WebHost;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'fieldbook-web-'));
  staticFolder = join(folder, 'renderer');
  mkdirSync(join(staticFolder, 'assets'), { recursive: true });
  writeFileSync(join(staticFolder, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  writeFileSync(join(staticFolder, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(folder, 'secret.txt'), 'not for the web');
  core = openCoreInFolder(join(folder, 'data'));
  host = await startWebHost({ dispatch: createDispatcher(core.handlers), staticFolder });
});

afterAll(async () => {
  await host.close();
  await core.close();
  rmSync(folder, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: string;
}

interface Request {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  to?: WebHost;
}

function send(options: Request): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: (options.to ?? host).port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function connectTo(address: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port }, () => {
      socket.destroy();
      resolve();
    });
    socket.on('error', reject);
  });
}

/**
 * Opens a raw connection, writes `start` and then nothing more, as a client
 * that trickles its request would; resolves with what the host wrote once
 * the host closes the connection.
 */
function stallAfter(to: WebHost, start: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: to.port }, () => socket.write(start));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

const own = () => ({ host: `127.0.0.1:${host.port}` });
const call = (name: string, input: unknown, headers: Record<string, string>) =>
  send({ method: 'POST', path: `/api/${name}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

describe('the web host', () => {
  it('listens on loopback only and prints an address that carries its token', async () => {
    expect(host.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: host.port });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    // Another computer would reach this one on its network addresses: nothing answers there.
    const networkAddresses = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry && !entry.internal && entry.family === 'IPv4')
      .map((entry) => entry!.address);
    for (const address of networkAddresses) {
      await expect(connectTo(address, host.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
  });

  it('answers a call that carries the token', async () => {
    const reply = await call('device.status', {}, { ...own(), 'x-fieldbook-token': host.token });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { device: null } });
  });

  it('refuses a call without the token, or with a wrong one, and changes nothing', async () => {
    for (const headers of [own(), { ...own(), 'x-fieldbook-token': 'guess' }]) {
      const reply = await call('device.setUp', { role: 'office', name: 'Intruder' }, headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
    }
    expect(await core.handlers['device.status']({})).toMatchObject({ device: null });
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const reply = await call('device.status', {}, { host: `evil.example:${host.port}`, 'x-fieldbook-token': host.token });
    expect(reply.status).toBe(421);
  });

  it('refuses calls that are not JSON, so other sites cannot post simple forms to it', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/device.status',
      headers: { ...own(), 'x-fieldbook-token': host.token, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(reply.status).toBe(400);
  });

  it('answers unreadable JSON and unknown procedures with typed errors', async () => {
    const garbled = await send({
      method: 'POST',
      path: '/api/device.status',
      headers: { ...own(), 'x-fieldbook-token': host.token, 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(JSON.parse(garbled.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await call('device.format', {}, { ...own(), 'x-fieldbook-token': host.token });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
  });

  it('gives the page only to the address with the token, and serves its assets', async () => {
    expect((await send({ path: '/', headers: own() })).status).toBe(401);
    const page = await send({ path: `/?token=${host.token}`, headers: own() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Fieldbook</title>');
    expect((await send({ path: '/assets/app.js', headers: own() })).status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const reply = await send({ path, headers: own() });
      expect(reply.body).not.toContain('not for the web');
    }
  });
});

describe('the web host reads the path as the file system and the router would', () => {
  it("asks for the token whatever way the page's name is spelled", async () => {
    for (const path of ['/index%2ehtml', '/%69ndex.html', '/index%2Ehtml', '/%2findex.html', '/%2f']) {
      const reply = await send({ path, headers: own() });
      expect(reply.body).not.toContain('<title>Fieldbook</title>');
    }
    expect((await send({ path: '/index%2ehtml', headers: own() })).status).toBe(401);
    const withToken = await send({ path: `/index%2ehtml?token=${host.token}`, headers: own() });
    expect(withToken.status).toBe(200);
    expect(withToken.body).toContain('<title>Fieldbook</title>');
  });

  it('does not give the page by another route to it without the token', async () => {
    const detours = ['/./index.html', '//index.html', '/assets/../index.html', '/assets/..%2findex.html', '/assets%2f%2e%2e%2findex.html', '/assets/..%5cindex.html', '/INDEX.HTML', '/index.html.'];
    for (const path of detours) {
      const reply = await send({ path, headers: own() });
      expect(reply.status, path).not.toBe(200);
      expect(reply.body, path).not.toContain('<title>Fieldbook</title>');
    }
  });

  it('serves an asset whose slash is encoded like the plain one, and nothing beside the folder', async () => {
    expect((await send({ path: '/assets%2fapp.js', headers: own() })).body).toBe('console.log(1)');
    for (const path of ['/..%2fsecret.txt', '/assets%2f..%2f..%2fsecret.txt', '/..%5csecret.txt', `/${encodeURIComponent(join(folder, 'secret.txt'))}`]) {
      const reply = await send({ path, headers: own() });
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('not for the web');
    }
  });

  it('answers a malformed percent-escape with 400 in plain words', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/assets/%zz.js', '/api/device%E0.status']) {
      const reply = await send({ method: path.startsWith('/api/') ? 'POST' : 'GET', path, headers: own() });
      expect(reply.status, path).toBe(400);
      expect(reply.body, path).toBe('That address could not be read.');
    }
  });

  it('routes an encoded procedure name to the same procedure, with the same token rule', async () => {
    const headers = { 'content-type': 'application/json', ...own() };
    const refused = await send({ method: 'POST', path: '/api/device%2esetUp', headers, body: JSON.stringify({ role: 'office', name: 'Intruder' }) });
    expect(refused.status).toBe(401);
    expect(await core.handlers['device.status']({})).toMatchObject({ device: null });
    const answered = await send({ method: 'POST', path: '/api/device%2estatus', headers: { ...headers, 'x-fieldbook-token': host.token }, body: '{}' });
    expect(JSON.parse(answered.body)).toMatchObject({ ok: true, value: { device: null } });
  });
});

describe('the web host and pages from other sites', () => {
  it('refuses a call another site sends, even with the token, and changes nothing', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
      const reply = await call('device.setUp', { role: 'office', name: 'Intruder' }, { ...own(), origin, 'x-fieldbook-token': host.token });
      expect(reply.status, origin).toBe(403);
      expect(reply.body, origin).toBe('Fieldbook only answers its own page; this request came from another site.');
    }
    expect(await core.handlers['device.status']({})).toMatchObject({ device: null });
  });

  it('refuses to give its page or files to another site', async () => {
    const reply = await send({ path: `/?token=${host.token}`, headers: { ...own(), origin: 'http://evil.example' } });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('<title>Fieldbook</title>');
  });

  it('answers its own page, under either of its loopback names', async () => {
    const fromOwnPage = await call('device.status', {}, { ...own(), origin: `http://127.0.0.1:${host.port}`, 'x-fieldbook-token': host.token });
    expect(fromOwnPage.status).toBe(200);
    const localhost = { host: `localhost:${host.port}`, origin: `http://localhost:${host.port}`, 'x-fieldbook-token': host.token };
    expect((await call('device.status', {}, localhost)).status).toBe(200);
  });
});

describe('the web host and clients that send slowly', () => {
  let impatientHost: WebHost;

  beforeAll(async () => {
    impatientHost = await startWebHost({ dispatch: createDispatcher(core.handlers), staticFolder, requestTimeoutMs: 300 });
  });

  afterAll(async () => {
    await impatientHost.close();
  });

  it('closes a connection whose body never finishes arriving, and nothing is saved', async () => {
    const body = JSON.stringify({ role: 'office', name: 'Slow' });
    const head = [
      'POST /api/device.setUp HTTP/1.1',
      `Host: 127.0.0.1:${impatientHost.port}`,
      `x-fieldbook-token: ${impatientHost.token}`,
      'Content-Type: application/json',
      `Content-Length: ${body.length + 100}`,
    ].join('\r\n');
    const written = await stallAfter(impatientHost, `${head}\r\n\r\n${body}`);
    expect(written).toMatch(/^HTTP\/1\.1 408/);
    expect(await core.handlers['device.status']({})).toMatchObject({ device: null });
  });

  it('closes a connection whose headers never finish arriving', async () => {
    const written = await stallAfter(impatientHost, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${impatientHost.port}\r\n`);
    expect(written).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers other clients while a slow one is still connected', async () => {
    const slow = stallAfter(impatientHost, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${impatientHost.port}\r\n`);
    const page = await send({ to: impatientHost, path: `/?token=${impatientHost.token}`, headers: { host: `127.0.0.1:${impatientHost.port}` } });
    expect(page.status).toBe(200);
    await slow;
  });
});
