import { useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useAnnounce } from '../../components/status';
import { problemText } from './words';

export interface Problem {
  /** Which control or row the refusal belongs to, so it is shown beside it. */
  place: string;
  message: string;
}

export interface ActionApi {
  busy: boolean;
  problem: Problem | null;
  /**
   * One action at a time: a second press while the first is on its way does
   * nothing. A refusal is kept as a problem at `place`; on success `done`
   * gives the polite message to say, and the caller's data is reloaded.
   */
  run<T>(place: string, action: () => Promise<T>, done: (result: T) => string): Promise<T | undefined>;
  clear(): void;
}

export function useAction(onChanged: () => void): ActionApi {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const running = useRef(false);
  const announce = useAnnounce();
  const [location] = useLocation();

  const run = async <T,>(place: string, action: () => Promise<T>, done: (result: T) => string): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const result = await action();
      announce(done(result), location);
      onChanged();
      return result;
    } catch (error) {
      setProblem({ place, message: problemText(error) });
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return { busy, problem, run, clear: () => setProblem(null) };
}

/** The refusal for one place, read out at once. */
export function problemAt(api: ActionApi, place: string): string | null {
  return api.problem?.place === place ? api.problem.message : null;
}
