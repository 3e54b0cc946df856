import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

export interface ServeProcess {
  child: ChildProcess;
  /** Everything it printed so far, line by line. */
  lines: string[];
  /** The printed address ("https://127.0.0.1:PORT/?token=…"). */
  url: string;
  origin: string;
  token: string;
  /** The printed SHA-256 fingerprint of its certificate. */
  fingerprint: string;
  /** The printed base64 SHA-256 of its public key, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
  /** Waits until a printed line matches. */
  waitForLine(pattern: RegExp): Promise<string>;
}

/** `fieldbook serve --listen 127.0.0.1:0 --data FOLDER` as its own process, as an office would run it. */
export function startServeProcess(dataFolder: string, ...extra: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'serve', '--listen', '127.0.0.1:0', '--data', dataFolder, ...extra], {
    cwd: repo,
    env: { ...process.env, HOME: dataFolder, XDG_CONFIG_HOME: dataFolder },
  });
  const lines: string[] = [];
  const waiting: { pattern: RegExp; found(line: string): void }[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const wait of [...waiting]) {
        if (wait.pattern.test(line)) {
          waiting.splice(waiting.indexOf(wait), 1);
          wait.found(line);
        }
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const waitForLine = (pattern: RegExp) =>
    new Promise<string>((found, fail) => {
      const already = lines.find((line) => pattern.test(line));
      if (already) return found(already);
      waiting.push({ pattern, found });
      void exited.then((code) => fail(new Error(`serve exited with ${code} before printing ${pattern}:\n${lines.join('\n')}\n${stderr}`)));
    });
  return waitForLine(/ Open https:/).then((openLine) => {
    const url = openLine.slice(openLine.indexOf('https://'));
    const parsed = new URL(url);
    const fingerprint = /fingerprint ([0-9A-F:]+)/.exec(lines.join('\n'))![1]!;
    const spki = /\(SPKI, base64\): (\S+)/.exec(lines.join('\n'))![1]!;
    return {
      child,
      lines,
      url,
      origin: parsed.origin,
      token: parsed.searchParams.get('token')!,
      fingerprint,
      spki,
      waitForLine,
      stop: () => {
        child.kill('SIGTERM');
        return exited;
      },
    };
  });
}

/** Runs `fieldbook serve` expecting a refusal: its exit code and what it wrote. */
export function refusedServe(dataFolder: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'serve', '--listen', '127.0.0.1:0', '--data', dataFolder], {
      cwd: repo,
      env: { ...process.env, HOME: dataFolder, XDG_CONFIG_HOME: dataFolder },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });
}

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The SHA-256 fingerprint of the certificate the server presented. */
  fingerprint: string;
}

/**
 * One HTTPS request as a client that pins the server's fingerprint rather
 * than trusting a certificate authority (the certificate is self-signed):
 * the request is sent only once the presented certificate's fingerprint is
 * the one expected.
 */
export function httpsRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; fingerprint: string },
): Promise<HttpsAnswer> {
  return new Promise((done, fail) => {
    let presented = '';
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false }, (response) => {
      presented = (response.socket as TLSSocket).getPeerCertificate().fingerprint256;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          fingerprint: presented,
        }),
      );
    });
    req.on('socket', (socket) => {
      socket.once('secureConnect', () => {
        const seen = (socket as TLSSocket).getPeerCertificate().fingerprint256;
        if (seen !== options.fingerprint) req.destroy(new Error(`The server presented ${seen}, not ${options.fingerprint}.`));
      });
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

/** Calls a procedure on the server with its token and returns the parsed result. */
export async function callServer(server: ServeProcess, name: string, input: unknown, headers: Record<string, string> = {}) {
  const answer = await httpsRequest(`${server.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldbook-token': server.token, ...headers },
    body: JSON.stringify(input),
    fingerprint: server.fingerprint,
  });
  return { status: answer.status, result: JSON.parse(answer.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}
