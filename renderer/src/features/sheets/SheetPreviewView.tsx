import type { ReactNode } from 'react';
import type { SheetPreview } from '../../../../shared/contract';
import { plural, longDate } from '../../components/format';
import { RecordTable } from '../../components/RecordTable';
import { Facts } from '../sync/parts';
import { LikelyDuplicates, type SameChoices } from './LikelyDuplicates';

type SessionLine = SheetPreview['sessions']['list'][number];

/** The core lists at most a few hundred of each; the counts are whole. */
function andMore(shown: number, total: number): string | null {
  return total > shown ? `and ${total - shown} more` : null;
}

/** A short list of names under its heading, or nothing when there are none. */
function NameList({ heading, names, more }: { heading: string; names: readonly string[]; more?: string | null }) {
  if (names.length === 0) return null;
  return (
    <section className="sheet-preview__part">
      <h3>{heading}</h3>
      <ul className="sheet-preview__names">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
        {more && <li>{more}</li>}
      </ul>
    </section>
  );
}

const matchedByWords: Record<SheetPreview['people']['matches'][number]['matchedBy'], string> = {
  email: 'Email',
  name: 'Name and organisation',
  chosen: 'You chose the same person',
};

const encodingLabels: Record<NonNullable<SheetPreview['encoding']>, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Excel’s plain CSV)',
};

/**
 * What a file would change (a preview) or changed (an import): the counts
 * first, then each list the office checks before importing. The same view
 * serves both, so what was promised and what was written read alike.
 */
interface SheetPreviewViewProps {
  preview: SheetPreview;
  headingId: string;
  /** Before importing: which likely duplicates the office chose as the same person, and how it chooses. */
  sameChoices?: { chosen: SameChoices; choose(rowKey: string, personId: string | null): void };
  children?: ReactNode;
}

export function SheetPreviewView({ preview, headingId, sameChoices, children }: SheetPreviewViewProps) {
  const done = preview.imported;
  const attendance = preview.kind === 'attendance';
  const severalSheets = preview.sheetsRead.length > 1;
  const rows: [string, ReactNode][] = [
    ['Rows read', preview.rowsRead],
    [preview.sheetsRead.length === 1 ? 'Sheet' : 'Sheets', preview.encoding ? null : preview.sheetsRead.join(', ')],
    ['Text read as', preview.encoding ? encodingLabels[preview.encoding] : null],
  ];
  // An evaluation's row names no person: it is tied to one only by email, on a linked course.
  if (preview.kind !== 'evaluations') {
    rows.push([done ? 'People added' : 'New people', preview.people.new], ['People already in Fieldbook', preview.people.matched]);
  }
  if (preview.kind === 'members') {
    rows.push(
      ['Scheme', preview.members.scheme],
      [done ? 'New members' : 'New members of the scheme', preview.members.new],
      [done ? 'Terms added' : 'Terms to add', preview.members.termsAdded],
      ['Terms already in Fieldbook', preview.members.already || null],
    );
  }
  if (preview.kind === 'evaluations') {
    rows.push(
      [done ? 'Responses added' : 'New responses', preview.responses.new],
      ['Tied to a person by email', preview.responses.linked || null],
      ['Responses already in Fieldbook', preview.responses.already || null],
    );
  }
  if (attendance) {
    rows.push(
      [done ? 'Sessions added' : 'New sessions', preview.sessions.new],
      ['Sessions already in Fieldbook', preview.sessions.matched],
      [done ? 'Sign-ins added' : 'New sign-ins', preview.signIns.new],
      ['Already signed in', preview.signIns.already || null],
      ['Lines typed twice', preview.signIns.duplicateLines || null],
      ['Marked as not attended', preview.signIns.notAttended || null],
    );
  }
  rows.push(['Rows refused', preview.refusedCount]);
  const withContracts = preview.sessions.list.some((session) => session.contract !== null);

  return (
    <section className="sync-section sheet-preview" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {done ? 'What was imported' : 'What importing would do'}
      </h2>
      <div className={preview.nothingNew ? 'notice notice--warning' : done ? 'notice notice--success' : 'notice'}>
        <p>{preview.message}</p>
      </div>
      <Facts rows={rows} />

      <NameList
        heading={done ? 'People added' : 'New people'}
        names={preview.people.newNames}
        more={andMore(preview.people.newNames.length, preview.people.new)}
      />
      {preview.people.matches.length > 0 && (
        <RecordTable
          caption="People already in Fieldbook"
          columns={[
            { header: 'Row', cell: (match) => (severalSheets ? `${match.sheet}, row ${match.row}` : match.row) },
            { header: 'Name in the file', cell: (match) => match.name, rowHeader: true },
            { header: 'Matched to', cell: (match) => match.person },
            { header: 'Matched by', cell: (match) => matchedByWords[match.matchedBy] },
          ]}
          items={preview.people.matches.map((match) => ({ ...match, id: `${match.sheet}:${match.row}` }))}
        />
      )}
      <LikelyDuplicates
        pairs={preview.people.likelyDuplicates}
        count={preview.people.likelyDuplicateCount}
        severalSheets={severalSheets}
        chosen={sameChoices?.chosen ?? null}
        onChoose={sameChoices?.choose}
      />
      <NameList heading={done ? 'Organisations added' : 'New organisations'} names={preview.organisations.new} />
      <NameList heading={done ? 'Courses added' : 'New courses'} names={preview.courses.new} />
      <NameList heading={done ? 'Venues added' : 'New venues'} names={preview.venues.new} />
      <NameList heading={done ? 'Contracts added' : 'New contracts'} names={preview.contracts.new} />

      {attendance && preview.sessions.list.length > 0 && (
        <RecordTable
          caption={done ? 'Sessions and their sign-ins' : 'Sessions and the sign-ins they would get'}
          columns={[
            { header: 'Course', cell: (session) => session.course, rowHeader: true },
            { header: 'Date', cell: (session) => longDate(session.date) },
            { header: 'Venue', cell: (session) => session.venue },
            ...(withContracts ? [{ header: 'Contract', cell: (session: SessionLine) => session.contract ?? 'None' }] : []),
            { header: 'Session', cell: (session) => (session.isNew ? (done ? 'Added' : 'New') : 'Already in Fieldbook') },
            { header: 'Sign-ins', cell: (session) => plural(session.signIns, 'new sign-in') },
          ]}
          items={preview.sessions.list.map((session) => ({ ...session, id: `${session.course}|${session.date}|${session.venue}` }))}
        />
      )}

      {preview.contracts.differing.length > 0 && (
        <RecordTable
          caption="Sessions left under the contract they already have"
          columns={[
            { header: 'Course', cell: (session) => session.course, rowHeader: true },
            { header: 'Date', cell: (session) => longDate(session.date) },
            { header: 'Venue', cell: (session) => session.venue },
            { header: 'Contract in Fieldbook', cell: (session) => session.inFieldbook ?? 'None' },
            { header: 'Contract in the file', cell: (session) => session.inFile },
          ]}
          items={preview.contracts.differing.map((session) => ({ ...session, id: `${session.course}|${session.date}|${session.venue}` }))}
        />
      )}

      {preview.refused.length > 0 && (
        <>
          <RecordTable
            caption="Rows refused (the other rows are still imported)"
            columns={[
              { header: 'Row', cell: (row) => (severalSheets ? `${row.sheet}, row ${row.row}` : `Row ${row.row}`), rowHeader: true },
              { header: 'Reason', cell: (row) => row.reason },
            ]}
            items={preview.refused.map((row) => ({ ...row, id: `${row.sheet}:${row.row}` }))}
          />
          {andMore(preview.refused.length, preview.refusedCount) && <p>{andMore(preview.refused.length, preview.refusedCount)} refused.</p>}
        </>
      )}
      {children}
    </section>
  );
}
