import { useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/validation';
import { ApiError } from '../api/client';

/** Field path ("title", "learningOutcomes.2") to a plain-words message. */
export type Errors = Record<string, string>;

/**
 * Leaving a field by pressing a button (Save, say) blurs the field while the
 * pointer is down. Showing the field's error at that moment pushes the button
 * down the page and the press lands elsewhere, so the click is lost. Errors
 * from a blur therefore wait until the press is over.
 */
let pointerDown = false;
if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => (pointerDown = true), true);
  document.addEventListener('pointerup', () => setTimeout(() => (pointerDown = false), 0), true);
  document.addEventListener('pointercancel', () => (pointerDown = false), true);
}

function afterPointerRelease(show: () => void): void {
  if (!pointerDown) return show();
  document.addEventListener('pointerup', () => setTimeout(show, 0), { once: true, capture: true });
}

export interface FormConfig<D, S extends z.ZodType> {
  /** Prefix for element ids, unique on the page: "course". */
  id: string;
  initial: D;
  /** The contract's `*Fields` schema the input must pass. */
  schema: S;
  /** Turns what is on screen (text) into the procedure's input (numbers, nulls). */
  toInput: (draft: D) => unknown;
  /** Checks the schema cannot make yet, or says more plainly; these win over the schema's. */
  check?: (draft: D) => Errors;
  /** For an edit of an existing record: the version it was opened at, sent back with the save (record-version.ts). */
  opened?: OpenedRecord<D>;
}

/** What an edit form needs to show, when someone else saved the record first, their values beside these. */
export interface OpenedRecord<D> {
  version: string;
  /** The record as `get` returns it, as this form's draft. */
  fromRecord(record: Record<string, unknown>): D;
  /** Each field as a line a person reads ("Places", "24"), for the two columns. */
  describe(draft: D): { label: string; value: string }[];
  /**
   * For a form that shows only part of the record: these values with theirs
   * for the fields not on screen, so saving these over theirs (or editing on
   * at their version) does not write back what this form opened with there.
   * Without it the whole draft is these values.
   */
  mineOverTheirs?(mine: D, theirs: D): D;
  /**
   * For a form whose draft chooses which record of a list it changes (the
   * laptop whose PIN to reset), each with its own version: which one the
   * draft chooses, and each one's version as the list was read. A save sends
   * the chosen one's, or the newer one a refusal has shown of it since.
   */
  choice?: { recordOf(draft: D): string; versions: Readonly<Record<string, string>> };
}

/** Someone else saved the record since it was opened: nothing was saved, and here is theirs. */
export interface ChangedSinceOpened<D> {
  message: string;
  theirs: D;
  version: string;
}

export type ChangedChoice = 'save-mine' | 'take-theirs' | 'edit-again';

export interface SummaryItem {
  message: string;
  /** Id of the control to move to, when the message belongs to a field. */
  targetId?: string;
}

export interface FormApi<D> {
  draft: D;
  set<K extends keyof D>(name: K, value: D[K]): void;
  /** Marks a field as visited, so its error shows from now on. */
  touch(key: string): void;
  /** The message to show beside a field, if any. `touchKey` is what `touch` was called with. */
  errorFor(path: string, touchKey?: string): string | undefined;
  idFor(path: string): string;
  saving: boolean;
  summary: SummaryItem[];
  summaryRef: RefObject<HTMLDivElement | null>;
  /** Set when the save was refused because someone else changed the record since it was opened. */
  changed: ChangedSinceOpened<D> | null;
  describe?: (draft: D) => { label: string; value: string }[];
  /** Keep these values and save them over the newer ones, take the newer ones, or go back to editing with both in mind. */
  resolveChanged(choice: ChangedChoice): void;
}

/**
 * A save: the checked fields, and the version of the record they replace (for
 * an edit). A form that stays open after saving (settings) resolves to what it
 * saved, so its next save sends that version rather than the one it opened at.
 */
export type SaveFields<S extends z.ZodType> = (input: z.output<S>, version: string) => Promise<void | { version: string }>;

export interface Form<D, S extends z.ZodType> extends FormApi<D> {
  /** Validates, then saves; on any failure shows the summary and moves focus to it. */
  onSubmit(save: SaveFields<S>): (event: FormEvent) => void;
}

/** Update inputs are `{ id, fields }`, so the server names fields "fields.title". */
function withoutFieldsPrefix(fields: Errors): Errors {
  return Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.replace(/^fields\./, ''), message]));
}

function inDocumentOrder(items: SummaryItem[]): SummaryItem[] {
  const position = (item: SummaryItem) => (item.targetId ? document.getElementById(item.targetId) : null);
  return [...items].sort((a, b) => {
    const [elementA, elementB] = [position(a), position(b)];
    if (!elementA || !elementB) return elementA ? -1 : elementB ? 1 : 0;
    return elementA.compareDocumentPosition(elementB) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

/**
 * Form state for the contract's schemas: errors are worked out as the person
 * types, shown beside a field once it has been visited or the form submitted,
 * and errors from the server are shown the same way.
 */
export function useForm<D extends object, S extends z.ZodType>(
  config: FormConfig<D, S>,
): Form<D, S> {
  const [draft, setDraft] = useState(config.initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [failures, setFailures] = useState(0);
  const [saving, setSaving] = useState(false);
  const [server, setServer] = useState<{ fields: Errors; message: string | null }>({ fields: {}, message: null });
  const summaryRef = useRef<HTMLDivElement>(null);
  const { schema, toInput, check, opened } = config;
  const [version, setVersion] = useState(opened?.version ?? '');
  const [changed, setChanged] = useState<ChangedSinceOpened<D> | null>(null);
  const lastSave = useRef<SaveFields<S> | null>(null);
  // For a form that chooses its record (opened.choice): the newer versions refusals have shown, by record.
  const [shownSince, setShownSince] = useState<Readonly<Record<string, string>>>({});
  const versionFor = (values: D): string => {
    if (!opened?.choice) return version;
    const record = opened.choice.recordOf(values);
    return shownSince[record] ?? opened.choice.versions[record] ?? '';
  };
  // Typed into since the form took its values (opened, saved, or took theirs).
  const [edited, setEdited] = useState(false);
  const [openedAt, setOpenedAt] = useState(opened?.version);
  if (opened && opened.version !== openedAt) {
    // The record was read again at a newer version while the form stays on
    // screen (after its own save, say, which returns no version). Untouched,
    // the form opens it afresh, or its next save would be refused as changed
    // since opened; typed into, it keeps the version those edits began from,
    // so a save over someone else's change is still refused and shown beside.
    setOpenedAt(opened.version);
    if (!edited && changed === null) {
      setVersion(opened.version);
      setDraft(config.initial);
    }
  }

  const clientErrors = useMemo<Errors>(() => {
    const errors = fieldErrors(schema, toInput(draft));
    return { ...errors, ...check?.(draft) };
  }, [draft, schema, toInput, check]);

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  const idFor = (path: string) => `${config.id}-${path.replace(/\./g, '-')}`;

  const errorFor = (path: string, touchKey = path) =>
    server.fields[path] ?? (submitted || touched.has(touchKey) ? clientErrors[path] : undefined);

  const set = <K extends keyof D>(name: K, value: D[K]) => {
    setDraft((current) => ({ ...current, [name]: value }));
    setEdited(true);
    const key = String(name);
    setServer((current) => {
      const stale = Object.keys(current.fields).filter((path) => path === key || path.startsWith(`${key}.`));
      if (stale.length === 0) return current;
      const fields = { ...current.fields };
      for (const path of stale) delete fields[path];
      return { fields, message: current.message };
    });
  };

  const touch = (key: string) =>
    afterPointerRelease(() => setTouched((current) => (current.has(key) ? current : new Set(current).add(key))));

  let summary: SummaryItem[] = [];
  if (submitted) {
    const all = { ...clientErrors, ...server.fields };
    summary = inDocumentOrder(
      Object.entries(all).map(([path, message]) => (path === '_' ? { message } : { message, targetId: idFor(path) })),
    );
    if (summary.length === 0 && server.message) summary = [{ message: server.message }];
  }

  const saveNow = (save: SaveFields<S>, values: D, atVersion: string) => {
    setSubmitted(true);
    setServer({ fields: {}, message: null });
    const parsed = schema.safeParse(toInput(values));
    if (!parsed.success || Object.keys(clientErrors).length > 0) {
      setFailures((count) => count + 1);
      return;
    }
    lastSave.current = save;
    setSaving(true);
    save(parsed.data, atVersion)
      .then((saved) => {
        setEdited(false);
        if (saved) setVersion(saved.version);
        // Saved: the list read again after it holds each record's version now, newer than any a refusal showed.
        setShownSince({});
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'CHANGED_SINCE_OPENED' && error.current && opened) {
          // Theirs beside these: the person chooses, and nothing of either is lost meanwhile.
          setChanged({ message: error.message, theirs: opened.fromRecord(error.current), version: String(error.current.version ?? '') });
          return;
        }
        if (error instanceof ApiError) {
          setServer({ fields: withoutFieldsPrefix(error.fields), message: error.message });
        } else {
          setServer({ fields: {}, message: 'Something went wrong and nothing was saved. Please try again.' });
        }
        setFailures((count) => count + 1);
      })
      .finally(() => setSaving(false));
  };

  const onSubmit = (save: SaveFields<S>) => (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setChanged(null);
    saveNow(save, draft, versionFor(draft));
  };

  const resolveChanged = (choice: ChangedChoice) => {
    if (!changed) return;
    setVersion(changed.version);
    const chooses = opened?.choice;
    if (chooses) setShownSince((shown) => ({ ...shown, [chooses.recordOf(changed.theirs)]: changed.version }));
    setChanged(null);
    if (choice === 'take-theirs') {
      setDraft(changed.theirs);
      setEdited(false);
      return;
    }
    const mine = opened?.mineOverTheirs?.(draft, changed.theirs) ?? draft;
    setDraft(mine);
    // Saved over theirs on purpose, at their version: the person has seen both.
    if (choice === 'save-mine' && lastSave.current) saveNow(lastSave.current, mine, changed.version);
  };

  return { draft, set, touch, errorFor, idFor, saving, summary, summaryRef, onSubmit, changed, describe: opened?.describe, resolveChanged };
}
