import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';

export type AsyncState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'failed'; message: string; notFound: boolean; data?: T };

/**
 * Runs a load whenever `deps` change. Only the latest answer is kept, so a
 * slow reply to an old search never replaces a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    load().then(
      (data) => {
        if (current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!current) return;
        const message =
          error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.';
        setState({ status: 'failed', message, notFound: error instanceof ApiError && error.code === 'NOT_FOUND' });
      },
    );
    return () => {
      current = false;
    };
    // The caller lists what the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return state;
}
