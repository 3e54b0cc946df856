import type { FormEvent, ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ChangedSinceOpened } from './ChangedSinceOpened';
import { useMayChange } from '../features/staff/may-call';
import { ErrorSummary } from './ErrorSummary';
import type { FormApi } from './form';
import { LoadFailed, Loading, Page } from './Page';
import { useAnnounce } from './status';
import { useAsync } from './useAsync';
import { forget, searchKey } from './useRemembered';

/** The form element every record form uses: error summary first, then fields, then Save and Cancel. */
export function RecordForm<D>({
  form,
  onSubmit,
  saveLabel,
  cancelHref,
  children,
}: {
  form: FormApi<D>;
  onSubmit(event: FormEvent): void;
  saveLabel: string;
  cancelHref: string;
  children: ReactNode;
}) {
  // A viewer who opens a form (from an address) may read it; the core would refuse the save.
  const mayChange = useMayChange();
  return (
    <form className="record-form" noValidate onSubmit={onSubmit}>
      <ChangedSinceOpened form={form} />
      <ErrorSummary form={form} />
      {children}
      <div className="form-actions">
        {mayChange ? (
          <button type="submit" className="button" aria-disabled={form.saving || undefined}>
            {form.saving ? 'Saving…' : saveLabel}
          </button>
        ) : (
          <p>You can read this. Ask a coordinator or an admin to change it.</p>
        )}
        <Link href={cancelHref} className="form-actions__cancel">
          Cancel
        </Link>
      </div>
    </form>
  );
}

/**
 * After a save: back to the list, with a polite "Course saved." there. The
 * list's search is cleared so that the saved record is in view.
 */
export function useSavedThen(listPath: string): (message: string) => void {
  const announce = useAnnounce();
  const [, navigate] = useLocation();
  return (message) => {
    forget(searchKey(listPath));
    announce(message, listPath);
    navigate(listPath);
  };
}

/** An edit screen: loads the record, then shows its form. */
export function RecordScreen<T>({
  id,
  load,
  title,
  what,
  backHref,
  backLabel,
  children,
}: {
  id: string;
  load(id: string): Promise<T>;
  title(record: T | undefined): string;
  /** "the course", for "Loading the course…" */
  what: string;
  backHref: string;
  backLabel: string;
  children(record: T): ReactNode;
}) {
  const state = useAsync(() => load(id), [id]);
  return (
    <Page title={title(state.status === 'ready' ? state.data : undefined)}>
      {state.status === 'loading' && <Loading what={what} />}
      {state.status === 'failed' && (
        <>
          <LoadFailed message={state.message} />
          <p>
            <Link href={backHref}>{backLabel}</Link>
          </p>
        </>
      )}
      {state.status === 'ready' && children(state.data)}
    </Page>
  );
}
