import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { sameSecret, sendError, sendResult } from './replies';
import { asStaff } from '../core/staff/caller';
import type { StaffSignIn } from '../core/staff/sign-in';
import type { Dispatch } from '../dispatch/dispatcher';
import { contentSecurityPolicy } from '../web/content-security-policy';
import { parseRequestTarget } from '../web/request-target';
import { contentTypeFor, listStaticFiles, pagePath } from '../web/static-files';
import { registerSignInRoutes, SESSION_COOKIE, CSRF_HEADER } from './sign-in-routes';
import { registerDeviceRoutes, UPLOAD_BYTES_LIMIT } from './device-routes';

export interface OfficeServerOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer), served to staff's browsers. */
  staticFolder: string;
  /** The address to listen on: "0.0.0.0" for the office network, "127.0.0.1" in tests. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  certificate: { cert: string; key: string };
  /** Staff's sign-in, sessions and sign-out, in the core. */
  signIn: StaffSignIn;
  /** Sign-in tries one address may make a minute, whatever the outcome (wrong passwords are also counted in the core). */
  signInsPerMinute?: number;
  /** One plain line per thing worth telling whoever runs the server. */
  log(line: string): void;
  /** The largest end-of-day file a laptop may upload, in bytes (tests make it small). */
  uploadBytesLimit?: number;
  /** Uploads and package requests one address may make a minute. */
  deviceCallsPerMinute?: number;
}

export interface OfficeServer {
  /** The address staff open (on this computer; others use its network name). */
  url: string;
  port: number;
  address(): AddressInfo;
  /** Stops taking requests and waits for the ones in hand to be answered. */
  close(): Promise<void>;
}

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

/**
 * `fieldbook serve`: the office over HTTPS on the local network, for staff's
 * browsers. It answers procedure calls with the same dispatcher as the app
 * and the web host, and serves the built screens. Its rules are its own (the
 * web host's loopback, Host and per-launch rules are for one computer):
 * HTTPS only, a request from another site's page is refused, and every
 * call comes from a signed-in staff member (an HTTP-only, Secure,
 * SameSite=Strict session cookie) with the session's CSRF token in a header,
 * and runs as that staff member, whose role the core checks.
 */
export async function startOfficeServer(options: OfficeServerOptions): Promise<OfficeServer> {
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
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // Thrown to the error handler below, which answers in the calls' own shape.
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'TOO_MANY_TRIES',
      message: `Wait ${Math.max(1, Math.ceil(context.ttl / 1000))} seconds, then try again: too many sign-in tries came from this computer.`,
    }),
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
      return sendError(reply, { code: 'FILE_TOO_LARGE', message: 'Send a smaller request: that one is too large.' });
    }
    if (error.statusCode === 429) {
      options.log(`Slowed down sign-in tries from ${request.ip}.`);
      return sendError(reply, { code: 'UNAUTHORISED', message: (error as { message: string }).message }, 429);
    }
    if (error.statusCode !== undefined && error.statusCode < 500) {
      return sendError(reply, { code: 'INVALID_INPUT', message: 'Send the request as JSON: that one could not be read.' });
    }
    options.log(`Error answering ${request.method} ${request.url}: ${String((error as Error).message ?? error)}`);
    return sendError(reply, { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. Please try again.' });
  });

  registerSignInRoutes(app, { signIn: options.signIn, log: options.log, perMinute: options.signInsPerMinute ?? 30 });
  await registerDeviceRoutes(app, {
    dispatch: options.dispatch,
    log: options.log,
    uploadBytesLimit: options.uploadBytesLimit ?? UPLOAD_BYTES_LIMIT,
    perMinute: options.deviceCallsPerMinute ?? 20,
  });

  app.post<{ Params: { name: string } }>('/api/:name', async (request, reply) => {
    const session = await options.signIn.session(request.cookies[SESSION_COOKIE], request.ip);
    if (!session) return sendError(reply, { code: 'UNAUTHORISED', message: 'Sign in again: you are signed out, or were away too long.' });
    if (!sameSecret(request.headers[CSRF_HEADER], session.csrfToken)) {
      options.log(`Refused ${request.params.name} for ${session.caller.name} from ${request.ip}: the request did not come from Fieldbook's page.`);
      return sendError(reply, { code: 'UNAUTHORISED', message: 'Reload the page and try again: that request did not come from Fieldbook.' });
    }
    if (session.staff.mustChangePassword) {
      return sendError(reply, { code: 'UNAUTHORISED', message: 'Choose a new password first: an admin reset yours.' });
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(reply, { code: 'INVALID_INPUT', message: 'Send the request as JSON.' });
    }
    const result = await asStaff(session.caller, () => options.dispatch(request.params.name, request.body ?? {}));
    if (!result.ok && result.error.code === 'NOT_ALLOWED' && session.caller.role !== 'admin') {
      options.log(`Refused ${request.params.name} for ${session.caller.name} (${session.caller.role}): ${result.error.message}`);
    }
    if (!result.ok && result.error.code === 'INTERNAL') options.log(`${request.params.name} failed unexpectedly for ${session.caller.name}.`);
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
    url: `https://${urlHost}:${port}/`,
    port,
    address,
    close: () => app.close(),
  };
}
