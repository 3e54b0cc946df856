import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { openCoreInFolder } from '../../electron/host/open-core';
import { startWebHost, type WebHost } from '../../electron/web/server';

let folder: string;
let core: Core;
let host: WebHost;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'fieldbook-web-'));
  const staticFolder = join(folder, 'renderer');
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

function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
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

const own = () => ({ host: `127.0.0.1:${host.port}` });
const call = (name: string, input: unknown, headers: Record<string, string>) =>
  send({ method: 'POST', path: `/api/${name}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

describe('the web host', () => {
  it('listens on loopback only and prints an address that carries its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
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
