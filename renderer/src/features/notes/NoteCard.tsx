import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { NoteVersion, SessionNote } from '../../../../shared/contract';
import { longDate, momentText } from '../../components/format';

export const statusLabels: Record<SessionNote['status'], string> = {
  open: 'Open',
  responded: 'Responded',
  closed: 'Closed',
};

/** The tags the facilitators use most; any other tag can be typed. */
export const suggestedTags = ['interpreting', 'GP registration', 'housing', 'mental health'] as const;

/** The core keeps tags in lower case; a suggested tag is shown as it is suggested ("GP registration"). */
export function tagLabel(tag: string): string {
  return suggestedTags.find((suggested) => suggested.toLowerCase() === tag.toLowerCase()) ?? tag;
}

/**
 * A corrected note (or a changed response) says when it was corrected and
 * where, then what it said before, newest first, each with when and on which
 * computer it was written: a correction never hides what was first written.
 */
function EarlierVersions({ versions, what }: { versions: NoteVersion[]; what: 'text' | 'response' }) {
  const earlier = versions.slice(0, -1).reverse();
  const latest = versions.at(-1);
  if (earlier.length === 0 || !latest) return null;
  const [changed, one, many] =
    what === 'text' ? ['Corrected', 'Earlier text', 'Earlier texts'] : ['Response changed', 'Earlier response', 'Earlier responses'];
  return (
    <div className="note-card__versions">
      <p className="muted">
        {changed} {momentText(latest.writtenAt)} on {latest.deviceName}.
      </p>
      <p className="note-card__versions-title">{earlier.length === 1 ? one : `${many} (${earlier.length}), newest first`}</p>
      <ol className="note-card__earlier">
        {earlier.map((version) => (
          <li key={`${version.writtenAt}-${version.text}`}>
            <p className="muted">
              Written {momentText(version.writtenAt)} on {version.deviceName}:
            </p>
            <p className="pre-line note-card__earlier-text">{version.text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * One thing raised in a session: what was said, its tags, whether it needs a
 * response, and the office's response once there is one. `children` is
 * room for a form (recording a response).
 */
export function NoteCard({
  note,
  headingLevel,
  showSession,
  children,
}: {
  note: SessionNote;
  headingLevel: 'h2' | 'h3' | 'h4';
  showSession?: boolean;
  children?: ReactNode;
}) {
  const Heading = headingLevel;
  const added = longDate(note.createdAt.slice(0, 10));
  return (
    <li className="note-card">
      <Heading className="note-card__title">
        {showSession ? (
          <Link href={`/sessions/${note.sessionId}/evaluation`}>{note.sessionLabel}</Link>
        ) : (
          `Note added ${added}`
        )}
      </Heading>
      <p className="note-card__meta">
        <span className={`tag note-status note-status--${note.status}`}>{statusLabels[note.status]}</span>
        {note.needsResponse && <span className="tag tag--cancelled">Needs a response</span>}
        {showSession && <span className="muted">Added {added}</span>}
      </p>
      <p className="pre-line note-card__text">{note.text}</p>
      <EarlierVersions versions={note.versions} what="text" />
      {note.tags.length > 0 && (
        <p className="note-card__tags">
          <span className="visually-hidden">Tags: </span>
          {note.tags.map((tag) => (
            <span key={tag} className="tag note-tag">
              {tagLabel(tag)}
            </span>
          ))}
        </p>
      )}
      {note.response && (
        <div className="note-card__response">
          <p className="note-card__response-title">
            We did{note.respondedAt ? ` (${longDate(note.respondedAt.slice(0, 10))})` : ''}:
          </p>
          <p className="pre-line">{note.response}</p>
          <EarlierVersions versions={note.responseVersions} what="response" />
        </div>
      )}
      {children}
    </li>
  );
}
