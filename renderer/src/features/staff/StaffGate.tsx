import { useEffect, useState, type ReactNode } from 'react';
import { ChangePasswordInput, SignInInput, type StaffMember } from '../../../../shared/contract';
import { staffSession, type StaffSessionState } from '../../api/staff-session';
import { SIGNED_OUT_EVENT, servedByOfficeServer } from '../../api/transport';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm } from '../../components/form';
import { Page } from '../../components/Page';
import '../../styles/staff.css';
import { SignedInStaffContext } from './signed-in-staff';

const roleWords: Record<StaffMember['role'], string> = { admin: 'admin', coordinator: 'coordinator', viewer: 'viewer' };

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="first-run">
      <main id="main-content" tabIndex={-1} className="first-run__main">
        <Page title={title}>{children}</Page>
      </main>
    </div>
  );
}

function SignIn({ onSignedIn, notice }: { onSignedIn(state: StaffSessionState): void; notice?: string }) {
  const form = useForm({ id: 'sign-in', initial: { email: '', password: '' }, schema: SignInInput, toInput: (draft) => draft });
  const submit = form.onSubmit(async (input) => onSignedIn(await staffSession.signIn(input)));
  return (
    <Frame title="Sign in to Fieldbook">
      {notice && <p className="lead">{notice}</p>}
      <form className="record-form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField form={form} name="email" label="Email address" type="email" autoComplete="username" width="medium" />
        <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" width="medium" />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={form.saving || undefined}>
            {form.saving ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </Frame>
  );
}

function ChangePassword({ state, onChanged }: { state: Extract<StaffSessionState, { signedIn: true }>; onChanged(state: StaffSessionState): void }) {
  const form = useForm({
    id: 'new-password',
    initial: { currentPassword: '', newPassword: '', again: '' },
    schema: ChangePasswordInput,
    toInput: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    check: (draft): Record<string, string> => (draft.again !== draft.newPassword ? { again: 'Type the same new password twice.' } : {}),
  });
  const submit = form.onSubmit(async (input) => onChanged(await staffSession.changePassword(state.csrfToken, input)));
  return (
    <Frame title="Choose a new password">
      <p className="lead">An admin reset your password. Choose a new one of at least 12 characters that only you know.</p>
      <form className="record-form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField form={form} name="currentPassword" label="Password the admin gave you" type="password" autoComplete="current-password" width="medium" />
        <TextField form={form} name="newPassword" label="New password" type="password" autoComplete="new-password" width="medium" />
        <TextField form={form} name="again" label="New password again" type="password" autoComplete="new-password" width="medium" />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={form.saving || undefined}>
            {form.saving ? 'Saving…' : 'Save the new password'}
          </button>
        </div>
      </form>
    </Frame>
  );
}

function SignedInBar({ state, onSignedOut }: { state: Extract<StaffSessionState, { signedIn: true }>; onSignedOut(state: StaffSessionState): void }) {
  const [failure, setFailure] = useState<string>();
  const signOut = (everywhere: boolean) =>
    staffSession.signOut(state.csrfToken, everywhere).then(onSignedOut, (error: Error) => setFailure(error.message));
  return (
    <div className="staff-bar" role="region" aria-label="Your account">
      <span>
        Signed in as <strong>{state.staff.name}</strong> ({roleWords[state.staff.role]})
      </span>
      <button type="button" className="button button--secondary" onClick={() => void signOut(false)}>
        Sign out
      </button>
      <button type="button" className="button button--secondary" onClick={() => void signOut(true)}>
        Sign out everywhere
      </button>
      {failure && <p role="alert">{failure}</p>}
    </div>
  );
}

/**
 * On the office server, staff sign in before any screen (and choose a new
 * password after an admin's reset); the app and the web host go straight
 * through. When the server says the session has ended (signed out
 * elsewhere, away too long), the sign-in screen comes back.
 */
export function StaffGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<StaffSessionState | null>(null);
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (!servedByOfficeServer) return;
    staffSession.current().then(setState, (error: Error) => setFailure(error.message));
    const signedOut = () => {
      setNotice('You were signed out. Sign in again to carry on.');
      setState({ signedIn: false });
    };
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, []);

  if (!servedByOfficeServer) return <>{children}</>;
  if (failure) {
    return (
      <Frame title="Fieldbook could not start">
        <p role="alert">{failure}</p>
      </Frame>
    );
  }
  if (!state) return <p className="loading">Opening Fieldbook…</p>;
  if (!state.signedIn) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(next) => {
          setNotice(undefined);
          setState(next);
        }}
      />
    );
  }
  if (state.staff.mustChangePassword) return <ChangePassword state={state} onChanged={setState} />;
  return (
    <SignedInStaffContext.Provider value={state.staff}>
      <SignedInBar state={state} onSignedOut={setState} />
      {children}
    </SignedInStaffContext.Provider>
  );
}
