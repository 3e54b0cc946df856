import { useId, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { call } from '../../api/client';
import { useAnnounce } from '../../components/status';
import { problemText } from '../sync/words';
import { Dialog } from '../today/Dialog';
import { Field, Problem } from './parts';
import { reloadSessionMembership, useSessionMembership } from './session-membership';
import { memberLineText } from './words';

/**
 * Beside a person on the facilitator's roster: their membership line
 * ("Allies — Core training due by 28 Feb", from the office's package; never
 * the fee) and, on a laptop, "Wants to join…" to record that they asked to
 * join a scheme. The kiosk never shows it: the kiosk has its own screens,
 * and the core refuses these reads while it is open.
 */
export function RosterMembership({ sessionId, personId, name }: { sessionId: string; personId: string; name: string }) {
  const membership = useSessionMembership(sessionId);
  const [asking, setAsking] = useState(false);
  const announce = useAnnounce();
  const [location] = useLocation();
  if (!membership) return null;
  const lines = membership.lines.filter((line) => line.personId === personId);
  // Once a package says they are a current member, the office has confirmed it: the request is done.
  const requests = membership.requests.filter(
    (request) => request.personId === personId && !lines.some((line) => line.schemeId === request.schemeId && line.status === 'current'),
  );
  // A scheme they are a current member of, or have already asked to join, is not offered again.
  const offered = membership.schemes.filter(
    (scheme) =>
      !membership.requests.some((request) => request.personId === personId && request.schemeId === scheme.id) &&
      !lines.some((line) => line.schemeId === scheme.id && line.status === 'current'),
  );
  if (lines.length === 0 && requests.length === 0 && !(membership.canRequest && offered.length > 0)) return null;

  return (
    <div className="roster-membership">
      {lines.map((line) => (
        <p key={line.schemeId} className="badge-note">
          {memberLineText(line, membership.asOf)}
        </p>
      ))}
      {requests.map((request) => (
        <p key={request.id} className="badge-note">
          Asked to join {request.schemeName}; the office confirms it under Membership
        </p>
      ))}
      {membership.canRequest && offered.length > 0 && (
        <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          Wants to join…<span className="visually-hidden"> ({name})</span>
        </button>
      )}
      {asking && (
        <WantsToJoinDialog
          sessionId={sessionId}
          personId={personId}
          name={name}
          schemes={offered}
          onClose={() => setAsking(false)}
          onRecorded={(schemeName) => {
            setAsking(false);
            announce(`Recorded: ${name} wants to join ${schemeName}.`, location);
          }}
        />
      )}
    </div>
  );
}

function WantsToJoinDialog({
  sessionId,
  personId,
  name,
  schemes,
  onClose,
  onRecorded,
}: {
  sessionId: string;
  personId: string;
  name: string;
  schemes: { id: string; name: string }[];
  onClose(): void;
  onRecorded(schemeName: string): void;
}) {
  const [schemeId, setSchemeId] = useState(schemes.length === 1 ? schemes[0]!.id : '');
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groupId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    if (!schemeId) return setProblem('Choose the scheme they want to join.');
    setBusy(true);
    try {
      const fresh = await call('memberRequests.record', { sessionId, personId, schemeId, notes });
      await reloadSessionMembership(sessionId, fresh);
      onRecorded(schemes.find((scheme) => scheme.id === schemeId)!.name);
    } catch (error) {
      setProblem(problemText(error));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`${name} wants to join a membership scheme`} onClose={onClose}>
      <form noValidate onSubmit={submit}>
        <p>The office confirms it when the end-of-day file arrives, and records any fee there.</p>
        <Problem message={problem} />
        <fieldset className="field" aria-describedby={`${groupId}-hint`}>
          <legend className="field__label">Scheme</legend>
          <p className="field__hint" id={`${groupId}-hint`}>
            The schemes in the latest package from the office.
          </p>
          <div className="radios">
            {schemes.map((scheme) => (
              <div className="radio" key={scheme.id}>
                <input
                  className="radio__input"
                  type="radio"
                  id={`${groupId}-${scheme.id}`}
                  name={`${groupId}-scheme`}
                  checked={schemeId === scheme.id}
                  onChange={() => setSchemeId(scheme.id)}
                />
                <label className="radio__label" htmlFor={`${groupId}-${scheme.id}`}>
                  {scheme.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field label="Notes for the office" hint="Optional, for example how best to contact them.">
          {(id, describedBy) => <textarea id={id} className="input" rows={2} aria-describedby={describedBy} value={notes} onChange={(event) => setNotes(event.target.value)} />}
        </Field>
        <div className="dialog__actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            Record request
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
