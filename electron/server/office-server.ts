import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { CallResult, FieldbookErrorPayload } from '../../shared/errors';
import type { Dispatch } from '../dispatch/dispatcher';
import { httpStatusOf } from '../dispatch/http-answer';
import { contentSecurityPolicy } from '../web/content-security-policy';
import { parseRequestTarget } from '../web/request-target';
import { contentTypeFor, listStaticFiles, pagePath } from '../web/static-files';

export interface OfficeServerOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer), served to staff's browsers. */
  staticFolder: string;
  /** The address to listen on: "0.0.0.0" for the office network, "127.0.0.1" in tests. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  certificate: { cert: string; key: string };
  /** Fixed only in tests; otherwise a new random token each start. */
  token?: string;
  /** One plain line per thing worth telling whoever runs the server. */
  log(line: string): void;
}

export interface OfficeServer {
  /** The address staff open (on this computer; others use its network name), token included. */
  url: string;
  port: number;
  token: string;
  address(): AddressInfo;
  /** Stops taking requests and waits for the ones in hand to be answered. */
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-fieldbook-token';
/** Large enough for an uploaded or imported end-of-day file, base64-encoded in the JSON body. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;
/** Over an office network the largest file arrives in well under two minutes. */
const REQUEST_TIMEOUT_MS = 120_000;

/** helmet takes the policy as directives; ours is one string, shared with the page's <meta> tag and the web host. */
function cspDirectives(): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of contentSecurityPolicy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives[name] = values;
  }
  return directives;
}

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendResult(reply: FastifyReply, result: CallResult<unknown>): FastifyReply {
  return reply.code(httpStatusOf(result)).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(result);
}

function sendError(reply: FastifyReply, error: FieldbookErrorPayload): FastifyReply {
  return sendResult(reply, { ok: false, error });
}

/**
 * `fieldbook serve`: the office over HTTPS on the local network, for staff's
 * browsers. It answers procedure calls with the same dispatcher as the app
 * and the web host, and serves the built screens. Its rules are its own (the
 * web host's loopback, Host and per-launch rules are for one computer):
 * HTTPS only, a request from another site's page is refused, and each call
 * carries the token printed at start.
 */
export async function startOfficeServer(options: OfficeServerOptions): Promise<OfficeServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticFiles = await listStaticFiles(options.staticFolder);
  const app = Fastify({
    https: { cert: options.certificate.cert, key: options.certificate.key },
    bodyLimit: MAX_BODY_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: REQUEST_TIMEOUT_MS,
    // Idle keep-alive connections are closed at once on shutdown; a request in hand is answered first.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    logger: false,
  });

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives() },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: { maxAge: 31_536_000, includeSubDomains: false },
  });

  // A page on another site may send a browser's request here; only Fieldbook's own page may.
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `https://${request.headers.host ?? ''}`) {
      options.log(`Refused a request from another site's page (${origin}) from ${request.ip}.`);
      return reply
        .code(403)
        .type('application/json; charset=utf-8')
        .send({ ok: false, error: { code: 'UNAUTHORISED', message: 'Use Fieldbook from its own page: this request came from another site.' } });
    }
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply.code(413), { code: 'FILE_TOO_LARGE', message: 'Send a smaller request: that one is too large.' });
    }
    if (error.statusCode !== undefined && error.statusCode < 500) {
      return sendError(reply, { code: 'INVALID_INPUT', message: 'Send the request as JSON: that one could not be read.' });
    }
    options.log(`Error answering ${request.method} ${request.url}: ${String((error as Error).message ?? error)}`);
    return sendError(reply, { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. Please try again.' });
  });

  app.post<{ Params: { name: string } }>('/api/:name', async (request, reply) => {
    if (!sameSecret(request.headers[TOKEN_HEADER], token)) {
      options.log(`Refused a call to ${request.params.name} without the server's token from ${request.ip}.`);
      return sendError(reply, { code: 'UNAUTHORISED', message: 'Open the address printed when the Fieldbook server started.' });
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(reply, { code: 'INVALID_INPUT', message: 'Send the request as JSON.' });
    }
    const result = await options.dispatch(request.params.name, request.body ?? {});
    if (!result.ok && result.error.code === 'INTERNAL') options.log(`${request.params.name} failed unexpectedly for ${request.ip}.`);
    return sendResult(reply, result);
  });

  const serveFile = async (request: FastifyRequest, reply: FastifyReply) => {
    const target = parseRequestTarget(request.url);
    if (!target) return reply.code(400).type('text/plain; charset=utf-8').send('That address could not be read.');
    const name = target.path === '/' ? pagePath : target.path;
    const onDisk = staticFiles.get(name);
    const file = onDisk ? await readFile(onDisk).catch(() => null) : null;
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('Not found.');
    return reply
      .type(contentTypeFor(name))
      .header('cache-control', name === pagePath ? 'no-store' : 'max-age=3600')
      .send(file);
  };
  app.get('/*', serveFile);

  await app.listen({ host: options.host, port: options.port });
  const address = () => app.server.address() as AddressInfo;
  const { port } = address();
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const urlHost = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  return {
    url: `https://${urlHost}:${port}/?token=${token}`,
    port,
    token,
    address,
    close: () => app.close(),
  };
}
