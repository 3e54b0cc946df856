import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SheetProgress as Progress } from '../../../../shared/contract';
import { call } from '../../api/client';

/** How often the screen asks how far a running call has got. */
const POLL_MS = 400;

/** What the screen shows while a call is out: which call, in words, and how far. */
interface Shown {
  call: 'preview' | 'import';
  label: string;
  progress: Progress;
}

const count = (n: number) => n.toLocaleString('en-GB');

function describe(progress: Progress): string {
  if (!progress || progress.stage === 'reading' || progress.rowsTotal === null) return 'Reading the file…';
  const rows = `${count(progress.rowsDone)} of ${count(progress.rowsTotal)} rows`;
  return progress.stage === 'matching' ? `Checking rows against Fieldbook: ${rows}` : `Writing: ${rows}`;
}

/**
 * A preview or import is one call, which can take a while for a file of
 * 100,000 rows. While it is out, the screen asks sheets.progress (which
 * never waits for the import: see the contract) how far it has got, under
 * a reference of its own. Returns the progress to show, or null when no
 * call is out, and `tracked`, which runs a call with a fresh reference.
 */
export function useSheetProgress(): { shown: Shown | null; tracked<T>(call: Shown['call'], work: (progressId: string) => Promise<T>): Promise<T> } {
  const [shown, setShown] = useState<Shown | null>(null);
  const running = useRef<string | null>(null);

  useEffect(() => () => void (running.current = null), []);

  const tracked = useCallback(async <T,>(which: Shown['call'], work: (progressId: string) => Promise<T>): Promise<T> => {
    const progressId = crypto.randomUUID();
    running.current = progressId;
    setShown({ call: which, label: describe(null), progress: null });
    const poll = async () => {
      while (running.current === progressId) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (running.current !== progressId) return;
        // A poll that fails is only a missed update: the call itself reports what went wrong.
        const progress = await call('sheets.progress', { progressId }).catch(() => undefined);
        if (progress !== undefined && running.current === progressId) setShown({ call: which, label: describe(progress), progress });
      }
    };
    void poll();
    try {
      return await work(progressId);
    } finally {
      if (running.current === progressId) running.current = null;
      setShown(null);
    }
  }, []);

  return { shown, tracked };
}

/** The bar, with its words as its label: indeterminate while the file is read, then by rows. */
export function SheetProgressBar({ shown, call: which }: { shown: Shown | null; call: Shown['call'] }) {
  const id = useId();
  if (!shown || shown.call !== which) return null;
  const { progress } = shown;
  const byRows = progress && progress.rowsTotal !== null && progress.stage !== 'reading';
  return (
    <div className="import-progress sheet-progress">
      <label htmlFor={id}>{shown.label}</label>
      {byRows ? (
        <progress id={id} className="import-progress__bar" max={Math.max(1, progress.rowsTotal!)} value={progress.rowsDone} />
      ) : (
        <progress id={id} className="import-progress__bar" />
      )}
    </div>
  );
}
