import { Link, useLocation } from 'wouter';
import { EraseInput, type ErasurePreview } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/fields';
import { useForm } from '../../components/form';
import { plural } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { CountsTable } from './CountsTable';

interface EraseDraft {
  reason: string;
  erasedBy: string;
}

/**
 * "Erase this person", at the office: first what will go, named (the
 * person, the records merged with them, and how many rows of each kind),
 * then why and who, then one button that says it cannot be undone.
 */
export function ErasePerson({ id }: { id: string }) {
  const preview = useAsync(() => call('erasure.preview', { personId: id }), [id]);
  if (preview.status === 'failed') {
    return (
      <Page title="Erase this person">
        <LoadFailed message={preview.message} />
        <p>
          <Link href="/people">Back to people</Link>
        </p>
      </Page>
    );
  }
  if (!preview.data) return <Page title="Erase this person"><Loading what="what would be erased" /></Page>;
  const name = preview.data.people.find((person) => person.id === id)?.name ?? preview.data.people[0]!.name;
  return (
    <Page title={`Erase ${name}`}>
      <p>
        <Link href={`/people/${id}`}>Back to their page</Link>
      </p>
      <WhatWillGo preview={preview.data} />
      <EraseForm personIds={[id]} button={`Erase ${name} for good`} done={(message) => message} />
    </Page>
  );
}

function WhatWillGo({ preview }: { preview: ErasurePreview }) {
  return (
    <>
      <h2>This removes, from this computer and then from every laptop</h2>
      <ul>
        {preview.people.map((person) => (
          <li key={person.id}>{person.name}</li>
        ))}
      </ul>
      {preview.people.length > 1 && <p>These records were merged into one person, so all of them go.</p>}
      <CountsTable counts={preview.counts} caption="What goes with them" />
      {preview.heldFiles > 0 && (
        <p>
          {plural(preview.heldFiles, 'end-of-day file held for review holds', 'end-of-day files held for review hold')} them; it will be sealed again
          without them.
        </p>
      )}
      <p>
        One line stays: who erased, when, why and the counts above, with no names. Do not write their name in the reason. This cannot be undone; if
        they come back later, they are added as a new person.
      </p>
    </>
  );
}

/** Why and who, then erase: used for one person and for everyone past retention. */
export function EraseForm({ personIds, button, done }: { personIds: string[]; button: string; done(message: string): string }) {
  const [, navigate] = useLocation();
  const announce = useAnnounce();
  const form = useForm({
    id: 'erase',
    initial: { reason: '', erasedBy: '' } as EraseDraft,
    schema: EraseInput,
    toInput: (draft: EraseDraft) => ({ personIds, reason: draft.reason, erasedBy: draft.erasedBy }),
  });
  const erase = form.onSubmit(async (input) => {
    const result = await call('erasure.erase', input);
    announce(done(result.message), '/erasures');
    navigate('/erasures');
  });
  return (
    <form className="record-form" noValidate onSubmit={erase}>
      <ErrorSummary form={form} />
      <TextArea form={form} name="reason" label="Why are they erased?" hint='For example "Asked to be forgotten by email on 2 December 2026". Leave out their name.' rows={2} />
      <TextField form={form} name="erasedBy" label="Your name" hint="Kept with the record of the erasure." autoComplete="name" width="medium" />
      <div className="form-actions">
        <button type="submit" className="button button--warning" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Erasing…' : button}
        </button>
      </div>
    </form>
  );
}
