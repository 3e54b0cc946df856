import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { memberStatusLabels, termOriginLabels, trainingOutcomeLabels, type Member, type Membership, type Training } from '../../../../shared/contract';
import { call } from '../../api/client';
import { longDate } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { problemText } from '../sync/words';
import { Field, Problem } from './parts';
import { CancelTerm, ExemptJoining, RecordFee } from './TermForms';
import { pounds } from './words';
import { useMayChange } from '../staff/may-call';
import { IfMayCall } from '../staff/IfMayCall';

function trainingText(training: Training): string {
  if (training.outcome === 'trained') return `Trained${training.attendedOn ? ` (attended ${longDate(training.attendedOn)})` : ''}`;
  if (training.outcome === 'due') return `Due by ${longDate(training.dueBy)}`;
  if (training.outcome === 'exempt') return `Exempt: ${training.exemptReason ?? ''}`;
  return `Not trained: the window closed on ${longDate(training.dueBy)}`;
}

/** One small form on the page: its fields, a button, and what a refusal said. */
function Action({ title, button, onSubmit, children }: { title: string; button: string; onSubmit(): Promise<string | void>; children: ReactNode }) {
  const [problem, setProblem] = useState<string | null>(null);
  // Each of these forms changes a membership: a viewer on the office server reads the terms, and the core would refuse the rest.
  const mayChange = useMayChange();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const refused = await onSubmit();
      if (refused) setProblem(refused);
    } catch (error) {
      setProblem(problemText(error, 'Nothing was saved.'));
    }
  };
  if (!mayChange) return null;
  return (
    <form className="record-form" noValidate onSubmit={submit} aria-label={title}>
      <h4>{title}</h4>
      <Problem message={problem} />
      {children}
      <div className="form-actions">
        <button type="submit" className="button">
          {button}
        </button>
      </div>
    </form>
  );
}

function MembershipSection({ member, membership, onChanged }: { member: Member; membership: Membership; onChanged(message: string): void }) {
  const latest = membership.terms.at(-1)!;
  const [renewFrom, setRenewFrom] = useState('');
  const [renewNotes, setRenewNotes] = useState('');
  const training = membership.joinings.at(-1);
  const joining = training && membership.terms.find((term) => term.id === training.joiningTermId);

  return (
    <section aria-labelledby={`scheme-${membership.schemeId}`}>
      <h2 id={`scheme-${membership.schemeId}`}>{membership.schemeName}</h2>
      <dl className="request__details">
        <div>
          <dt>Status on {longDate(member.asOf)}</dt>
          <dd>{membership.status ? memberStatusLabels[membership.status] : `Starts ${longDate(membership.terms[0]!.startsOn)}`}</dd>
        </div>
        <div>
          <dt>Training</dt>
          <dd>{training ? trainingText(training) : 'Not started yet'}</dd>
        </div>
      </dl>
      <table className="table">
        <caption>Terms in {membership.schemeName}</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Origin</th>
            <th scope="col">Fee</th>
            <th scope="col">Paid</th>
            <th scope="col">Organisation</th>
            <th scope="col">Cancelled</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {membership.terms.map((term) => (
            <tr key={term.id}>
              <th scope="row">{longDate(term.startsOn)}</th>
              <td>{longDate(term.endsOn)}</td>
              <td>{termOriginLabels[term.origin]}</td>
              <td>{pounds(term.feePence)}</td>
              <td>{term.paidOn ? longDate(term.paidOn) : 'Unpaid'}</td>
              <td>{term.organisationName ?? 'No organisation'}</td>
              <td>{term.cancelledOn ? longDate(term.cancelledOn) : 'No'}</td>
              <td>{term.notes ?? 'Not given'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {membership.joinings.length > 1 && (
        <>
          <h3>Training for each joining</h3>
          <ul>
            {membership.joinings.map((joining) => (
              <li key={joining.joiningTermId}>
                Joined {longDate(joining.joinedOn)}: {trainingOutcomeLabels[joining.outcome]} (window to {longDate(joining.dueBy)})
              </li>
            ))}
          </ul>
        </>
      )}
      <Action
        title="Renew"
        button="Renew membership"
        onSubmit={async () => {
          await call('members.renew', { schemeId: membership.schemeId, personId: member.personId, ...(renewFrom && { startsOn: renewFrom }), ...(renewNotes.trim() && { notes: renewNotes }) });
          onChanged('Membership renewed.');
        }}
      >
        <Field label="Next term starts" hint="Leave blank to start the day after the latest term ends (or today, if that was longer ago than the grace period).">
          {(id, describedBy) => <input id={id} className="input" type="date" aria-describedby={describedBy} value={renewFrom} onChange={(event) => setRenewFrom(event.target.value)} />}
        </Field>
        <Field label="Notes on the new term" hint="Optional.">
          {(id, describedBy) => <textarea id={id} className="input" aria-describedby={describedBy} maxLength={2000} value={renewNotes} onChange={(event) => setRenewNotes(event.target.value)} />}
        </Field>
      </Action>
      <RecordFee term={latest} onChanged={onChanged} />
      {latest.cancelledOn === null && <CancelTerm term={latest} onChanged={onChanged} />}
      {training && training.outcome !== 'exempt' && joining && <ExemptJoining term={joining} onChanged={onChanged} />}
    </section>
  );
}

/** A member's page: every term of every scheme they are in, their training, and what the office can do. */
export function MemberPage({ personId }: { personId: string }) {
  const [version, setVersion] = useState(0);
  const [asOf, setAsOf] = useState('');
  const announce = useAnnounce();
  // Status and training as they stood on a chosen day (blank: today), worked out from the terms the same way whenever it is asked.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined;
  const result = useAsync(() => call('members.get', { personId, ...(day && { asOf: day }) }), [personId, version, day]);
  const member = result.data;
  return (
    <Page title={member ? member.name : 'Member'}>
      <p>
        <Link href="/membership">Back to members</Link>
      </p>
      {result.status === 'failed' && <LoadFailed message={result.message} />}
      {member === undefined && result.status === 'loading' && <Loading what="the member" />}
      {member && (
        <>
          <p>
            {member.organisationName ?? 'No organisation'}
            {member.email && `, ${member.email}`}
          </p>
          <Field label="Status as of" hint="Leave blank for today.">
            {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input" type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} />}
          </Field>
          <IfMayCall name="members.join">
            <p>
              <Link href={`/membership/members/${personId}/join`}>Add {member.name} to another scheme</Link>
            </p>
          </IfMayCall>
          {member.memberships.length === 0 && <p className="empty">{member.name} is not in any membership scheme.</p>}
          {member.memberships.map((membership) => (
            <MembershipSection
              key={`${membership.schemeId} ${version}`}
              member={member}
              membership={membership}
              onChanged={(message) => {
                announce(message, `/membership/members/${personId}`);
                setVersion((count) => count + 1);
              }}
            />
          ))}
        </>
      )}
    </Page>
  );
}
