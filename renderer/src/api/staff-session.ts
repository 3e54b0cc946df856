import type { StaffMember } from '../../../shared/contract';
import { isErrorPayload } from '../../../shared/errors';
import { ApiError } from './client';
import { setStaffCsrfToken } from './transport';

/** The office server's sign-in calls (/auth/…), which answer with a session cookie rather than through a procedure. */

export type StaffSessionState = { signedIn: false } | { signedIn: true; staff: StaffMember; csrfToken: string };

async function answer(response: Promise<Response>): Promise<StaffSessionState> {
  let body: unknown;
  try {
    body = await (await response).json();
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: 'The Fieldbook server stopped answering. Check that it is still running, then try again.' });
  }
  const result = body as { ok: boolean; value?: StaffSessionState; error?: unknown };
  if (!result.ok) {
    throw new ApiError(isErrorPayload(result.error) ? result.error : { code: 'INTERNAL', message: 'Something went wrong. Please try again.' });
  }
  const state = result.value!;
  setStaffCsrfToken(state.signedIn ? state.csrfToken : '');
  return state;
}

function post(path: string, input: unknown, csrfToken = ''): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-fieldbook-csrf': csrfToken }, body: JSON.stringify(input) });
}

export const staffSession = {
  current: () => answer(fetch('/auth/session', { cache: 'no-store' })),
  signIn: (input: { email: string; password: string }) => answer(post('/auth/sign-in', input)),
  signOut: (csrfToken: string, everywhere: boolean) => answer(post('/auth/sign-out', { everywhere }, csrfToken)),
  changePassword: (csrfToken: string, input: { currentPassword: string; newPassword: string }) => answer(post('/auth/change-password', input, csrfToken)),
};
