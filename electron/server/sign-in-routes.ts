import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ChangePasswordInput, SignInInput } from '../../shared/contract/staff';
import { parseOrThrow } from '../../shared/validation';
import { FieldbookError } from '../../shared/errors';
import { SESSION_MAX_MS, type SignedInSession, type StaffSignIn } from '../core/staff/sign-in';
import { sameSecret, sendError, sendResult } from './replies';

/**
 * The cookie that names a signed-in session. The __Host- prefix makes
 * browsers keep it only if it is Secure, for this host alone and the whole
 * site, so no other name on the network can set or read it.
 */
export const SESSION_COOKIE = '__Host-fieldbook-session';
/** Every call and sign-out carries the session's CSRF token in this header; another site's page cannot read it to copy it. */
export const CSRF_HEADER = 'x-fieldbook-csrf';

const SignOutBody = z.strictObject({ everywhere: z.boolean({ error: 'Choose whether to sign out everywhere.' }).default(false) });
function sessionView(session: { staff: SignedInSession['staff']; csrfToken: string }) {
  return { signedIn: true as const, staff: session.staff, csrfToken: session.csrfToken };
}

function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: SESSION_MAX_MS / 1000 });
}

function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
}

/** Reads a route's JSON body against its schema; a bad one is answered here, and null returned. */
function bodyOf<T extends z.ZodType>(schema: T, request: FastifyRequest, reply: FastifyReply): z.output<T> | null {
  try {
    return parseOrThrow(schema, request.body ?? {}) as z.output<T>;
  } catch (error) {
    if (error instanceof FieldbookError) sendError(reply, error.toPayload());
    else throw error;
    return null;
  }
}

export interface SignInRouteOptions {
  signIn: StaffSignIn;
  log(line: string): void;
  perMinute: number;
}

/** /auth/…: the sign-in screen's calls. They are the only calls a browser may make before signing in. */
export function registerSignInRoutes(app: FastifyInstance, options: SignInRouteOptions): void {
  const { signIn, log } = options;

  const signedIn = async (request: FastifyRequest, reply: FastifyReply): Promise<{ session: SignedInSession; token: string } | null> => {
    const token = request.cookies[SESSION_COOKIE];
    const session = await signIn.session(token, request.ip);
    if (!session || !token) {
      sendError(reply, { code: 'UNAUTHORISED', message: 'Sign in again: you are signed out, or were away too long.' });
      return null;
    }
    if (!sameSecret(request.headers[CSRF_HEADER], session.csrfToken)) {
      sendError(reply, { code: 'UNAUTHORISED', message: 'Reload the page and try again: that request did not come from Fieldbook.' });
      return null;
    }
    return { session, token };
  };

  app.get('/auth/session', async (request, reply) => {
    const session = await signIn.session(request.cookies[SESSION_COOKIE], request.ip);
    reply.header('cache-control', 'no-store');
    return sendResult(reply, { ok: true, value: session ? sessionView(session) : { signedIn: false } });
  });

  app.post(
    '/auth/sign-in',
    { config: { rateLimit: { max: options.perMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const body = bodyOf(SignInInput, request, reply);
      if (!body) return reply;
      const outcome = await signIn.signIn(body.email, body.password, request.ip);
      if (!outcome.ok) {
        log(`Refused a sign-in as ${body.email} from ${request.ip}: ${outcome.message}`);
        if (outcome.retryAfterMs) reply.header('retry-after', Math.ceil(outcome.retryAfterMs / 1000));
        return sendError(reply, { code: 'UNAUTHORISED', message: outcome.message });
      }
      log(`${outcome.staff.name} (${outcome.staff.role}) signed in from ${request.ip}.`);
      setSessionCookie(reply, outcome.token);
      return sendResult(reply, { ok: true, value: sessionView(outcome) });
    },
  );

  app.post('/auth/sign-out', async (request, reply) => {
    const body = bodyOf(SignOutBody, request, reply);
    if (!body) return reply;
    const current = await signedIn(request, reply);
    if (!current) return reply;
    await signIn.signOut(current.session, current.token, body.everywhere);
    log(`${current.session.caller.name} signed out${body.everywhere ? ' everywhere' : ''} from ${request.ip}.`);
    clearSessionCookie(reply);
    return sendResult(reply, { ok: true, value: { signedIn: false } });
  });

  app.post('/auth/change-password', async (request, reply) => {
    const body = bodyOf(ChangePasswordInput, request, reply);
    if (!body) return reply;
    const current = await signedIn(request, reply);
    if (!current) return reply;
    const outcome = await signIn.changePassword(current.session, body.currentPassword, body.newPassword);
    if (!outcome.ok) return sendError(reply, { code: 'INVALID_INPUT', message: outcome.message, fields: { newPassword: outcome.message } });
    log(`${outcome.staff.name} chose a new password from ${request.ip}; their other sessions ended.`);
    setSessionCookie(reply, outcome.token);
    return sendResult(reply, { ok: true, value: sessionView(outcome) });
  });
}
