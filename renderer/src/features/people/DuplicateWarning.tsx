import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { problemText } from '../sync/words';

export interface PossibleDuplicate {
  id: string;
  name: string;
  /** Their organisation or sector, to tell them apart. */
  detail: string | null;
  href: string;
}

/**
 * Offered before a new record is saved when one like it is already here:
 * the one to open instead, or save anyway. Focus moves here so a keyboard
 * or screen-reader user meets it before anything else.
 */
export function DuplicateWarning({
  what,
  matches,
  saveAnywayLabel,
  onSaveAnyway,
}: {
  /** "person" or "organisation" */
  what: string;
  matches: PossibleDuplicate[];
  saveAnywayLabel: string;
  onSaveAnyway(): Promise<void>;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A second press while the first is saving is ignored, so one press makes one record.
  const saveAnyway = async () => {
    if (saving) return;
    setSaving(true);
    setProblem(null);
    try {
      await onSaveAnyway();
    } catch (error) {
      setProblem(problemText(error, 'Nothing was saved.'));
      setSaving(false);
    }
  };
  useEffect(() => panel.current?.focus(), []);
  return (
    <div className="notice notice--warning duplicate-warning" ref={panel} tabIndex={-1} role="region" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">This {what} may already be here</h2>
      <p>Check these before you save, so nobody is recorded twice:</p>
      <ul>
        {matches.map((match) => (
          <li key={match.id}>
            <Link href={match.href}>
              Open {match.name}
              {match.detail && <span> ({match.detail})</span>}
            </Link>
          </li>
        ))}
      </ul>
      <p>If none of them is the same {what}, save anyway.</p>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="button button--secondary" aria-disabled={saving || undefined} onClick={() => void saveAnyway()}>
        {saving ? 'Saving…' : saveAnywayLabel}
      </button>
    </div>
  );
}
