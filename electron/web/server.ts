import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallResult, FieldbookErrorPayload } from '../../shared/errors';
import type { Dispatch } from '../dispatch/dispatcher';
import { callPathPattern, httpStatusOf } from '../dispatch/http-answer';
import { contentSecurityPolicy } from './content-security-policy';
import { parseRequestTarget, type RequestTarget } from './request-target';
import { contentTypeFor, listStaticFiles, pagePath } from './static-files';

export interface WebHostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  staticFolder: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only in tests; otherwise a new random token each launch. */
  token?: string;
  /**
   * How long a client has to send a whole request, headers and body, before
   * its connection is closed (so a client that trickles bytes cannot hold
   * the host). Shorter only in tests.
   */
  requestTimeoutMs?: number;
}

export interface WebHost {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  /** Where the server itself is listening, as the operating system reports it. */
  address(): AddressInfo;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-fieldbook-token';
/** Large enough for an imported bundle, base64-encoded in the JSON body. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;
/** Over loopback even the largest bundle arrives in seconds; a minute is generous. */
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 10_000;


function sameSecret(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(response: ServerResponse, result: CallResult<unknown>): void {
  const status = httpStatusOf(result);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(result));
}

function sendError(response: ServerResponse, error: FieldbookErrorPayload): void {
  sendJson(response, { ok: false, error });
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the renderer and the procedures over HTTP on 127.0.0.1 for browser
 * tests, demos and `npm run web`. Its locks keep other pages and programs
 * out: it binds to loopback only; it answers only to its own Host (so a
 * DNS-rebinding page cannot reach it) and refuses any request another site's
 * page sends (its Origin); every call needs the per-launch token, which only
 * the address printed at launch carries; and the rules are applied to the
 * decoded path, the one that names a file or a procedure.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticFiles = await listStaticFiles(options.staticFolder);
  let allowedHosts: Set<string> = new Set();

  async function handleCall(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (!sameSecret(request.headers[TOKEN_HEADER] as string | undefined, token)) {
      return sendError(response, { code: 'UNAUTHORISED', message: 'This page is not allowed to use Fieldbook. Open the address printed when Fieldbook started.' });
    }
    // A JSON content type forces a CORS preflight from other origins, which we never grant.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(response, { code: 'INVALID_INPUT', message: 'Requests must be sent as JSON.' });
    }
    const body = await readBody(request);
    if (body === null) return sendError(response, { code: 'INVALID_INPUT', message: 'That request is too large.' });
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      return sendError(response, { code: 'INVALID_INPUT', message: 'That request could not be read.' });
    }
    sendJson(response, await options.dispatch(name, input));
  }

  async function handleStatic(request: IncomingMessage, response: ServerResponse, target: RequestTarget): Promise<void> {
    const name = target.path === '/' ? pagePath : target.path;
    const isPage = name === pagePath;
    if (isPage && !sameSecret(target.query.get('token'), token)) {
      return sendText(response, 401, 'Open the full address printed when Fieldbook started (it ends with ?token=...).');
    }
    const onDisk = staticFiles.get(name);
    if (!onDisk) return sendText(response, 404, 'Not found.');
    const file = await readFile(onDisk).catch(() => null);
    if (!file) return sendText(response, 404, 'Not found.');
    response.writeHead(200, {
      'content-type': contentTypeFor(name),
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': isPage ? 'no-store' : 'max-age=3600',
    });
    response.end(request.method === 'HEAD' ? undefined : file);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      return sendText(response, 421, 'Fieldbook only answers on its own address.');
    }
    // Browsers name the page that sent a request; only Fieldbook's own page may use it.
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      return sendText(response, 403, 'Fieldbook only answers its own page; this request came from another site.');
    }
    const target = parseRequestTarget(request.url ?? '');
    if (!target) return sendText(response, 400, 'That address could not be read.');
    const call = callPathPattern.exec(target.path);
    if (call && request.method === 'POST') return handleCall(request, response, call[1]!);
    if (request.method === 'GET' || request.method === 'HEAD') return handleStatic(request, response, target);
    return sendText(response, 405, 'Not allowed.');
  }

  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const server: Server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout),
      // Node only looks for overdue requests this often (30 s by default).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, requestTimeout / 4)),
    },
    (request, response) => {
      route(request, response).catch(() => {
        // A client cut off mid-body (by the timeout or by itself) has no one left to answer.
        if (response.headersSent || request.socket.destroyed) response.destroy();
        else sendText(response, 500, 'Something went wrong.');
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = () => server.address() as AddressInfo;
  const { port } = address();
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
