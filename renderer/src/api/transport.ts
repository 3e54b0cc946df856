import type { FieldbookBridge } from '../../../shared/contract';
import { isErrorPayload, type CallResult } from '../../../shared/errors';

declare global {
  interface Window {
    /** Present inside the Electron app, put there by the preload. */
    fieldbook?: FieldbookBridge;
  }
}

const TOKEN_KEY = 'fieldbook-token';

/** The web host's per-launch token arrives in the address it printed; keep it for reloads. */
function webHostToken(): string {
  const fromAddress = new URLSearchParams(window.location.search).get('token');
  if (fromAddress) sessionStorage.setItem(TOKEN_KEY, fromAddress);
  return fromAddress ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * Served by the office server (`fieldbook serve`) rather than the app or the
 * development web host, whose address carries a token: staff sign in, and
 * every call carries the session's CSRF token.
 */
export const servedByOfficeServer = !window.fieldbook && webHostToken() === '';

let staffCsrfToken = '';
/** Kept in memory only (the session cookie itself is HTTP-only); a reload asks the server again. */
export function setStaffCsrfToken(token: string): void {
  staffCsrfToken = token;
}
/** Sent when the office server answers that the session has ended, so the sign-in screen comes back. */
export const SIGNED_OUT_EVENT = 'fieldbook-signed-out';

/** Talks to the web host or the office server over HTTP with the same call shape as the Electron bridge. */
function httpBridge(): FieldbookBridge {
  const token = webHostToken();
  return {
    async invoke(name, input) {
      try {
        const response = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(servedByOfficeServer ? { 'x-fieldbook-csrf': staffCsrfToken } : { 'x-fieldbook-token': token }),
          },
          body: JSON.stringify(input ?? {}),
        });
        const body: unknown = await response.json();
        if (typeof body === 'object' && body !== null && 'ok' in body) {
          const result = body as CallResult<unknown>;
          if (servedByOfficeServer && !result.ok && result.error.code === 'UNAUTHORISED') window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
          if (result.ok || isErrorPayload(result.error)) return result;
        }
        throw new Error('unreadable answer');
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Fieldbook stopped answering. Check that it is still running, then try again.' },
        };
      }
    },
    // The web host has no menu to send events from.
    on: () => () => undefined,
  };
}

export const bridge: FieldbookBridge = window.fieldbook ?? httpBridge();
