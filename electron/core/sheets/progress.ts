import type { SheetProgress } from '../../../shared/contract';

type Stage = NonNullable<SheetProgress>['stage'];

/** Rows between two updates of the record, and between two turns given to the event loop. */
const EVERY_ROWS = 250;

/** Lets the event loop answer what is waiting (a progress poll arriving over IPC or HTTP) before going on. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What one running preview or import tells the screen about itself, by rows.
 * The import works through kysely, whose awaits over better-sqlite3 settle
 * at once, as microtasks: on its own the loop would never let a poll in
 * until it was done. So every EVERY_ROWS rows it also gives the event loop a
 * turn. That is safe inside its transaction: every other procedure waits
 * for the write path, and the one that does not (sheets.progress) reads no
 * database.
 */
export interface ProgressReport {
  stage(stage: Stage, rowsTotal: number | null): Promise<void>;
  /** Rows done in this stage (one, or a session's sign-ins at once). */
  advance(rows?: number): Promise<void>;
}

const untracked: ProgressReport = { stage: async () => undefined, advance: async () => undefined };

/**
 * The progress of the call running now, by the reference its caller chose.
 * Held per core, in memory, never in the database: it is gone when the call
 * ends, and only the caller that chose the reference can read it.
 */
export class SheetProgressBoard {
  private running: { id: string; progress: NonNullable<SheetProgress> } | null = null;

  /** A report for a call; without a reference, one that records nothing and never yields. */
  track(progressId: string | undefined): { report: ProgressReport; done(): void } {
    if (progressId === undefined) return { report: untracked, done: () => undefined };
    const entry = { id: progressId, progress: { stage: 'reading' as Stage, rowsDone: 0, rowsTotal: null as number | null } };
    this.running = entry;
    let sinceYield = 0;
    const report: ProgressReport = {
      async stage(stage, rowsTotal) {
        entry.progress = { stage, rowsDone: 0, rowsTotal };
        sinceYield = 0;
        await yieldToEventLoop();
      },
      async advance(rows = 1) {
        entry.progress.rowsDone += rows;
        sinceYield += rows;
        if (sinceYield >= EVERY_ROWS) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
      },
    };
    return {
      report,
      done: () => {
        if (this.running === entry) this.running = null;
      },
    };
  }

  read(progressId: string): SheetProgress {
    return this.running?.id === progressId ? { ...this.running.progress } : null;
  }
}
