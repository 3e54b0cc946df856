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

/** Talks to the web host over HTTP with the same call shape as the Electron bridge. */
function httpBridge(): FieldbookBridge {
  const token = webHostToken();
  return {
    async invoke(name, input) {
      try {
        const response = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-fieldbook-token': token },
          body: JSON.stringify(input ?? {}),
        });
        const body: unknown = await response.json();
        if (typeof body === 'object' && body !== null && 'ok' in body) {
          const result = body as CallResult<unknown>;
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
