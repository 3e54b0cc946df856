import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { SessionMembership } from '../../../../shared/contract';
import { call } from '../../api/client';

/**
 * The membership lines of one session's roster, read once for all its rows
 * (not one call per person) and shared by every row's line and button. Kept
 * while a roster shows it; read afresh when the roster opens again, or after
 * a request is recorded.
 */

interface Entry {
  data: SessionMembership | null;
  /** Whether a read has started, so that many rows appearing at once read once. */
  asked: boolean;
  listeners: Set<() => void>;
}

const entries = new Map<string, Entry>();

function entryFor(sessionId: string): Entry {
  let entry = entries.get(sessionId);
  if (!entry) {
    entry = { data: null, asked: false, listeners: new Set() };
    entries.set(sessionId, entry);
  }
  return entry;
}

/** Reads the session's lines again and tells every row. A refusal (the kiosk, a device not set up) shows no lines. */
export async function reloadSessionMembership(sessionId: string, fresh?: SessionMembership): Promise<void> {
  const entry = entryFor(sessionId);
  entry.asked = true;
  try {
    entry.data = fresh ?? (await call('memberLines.forSession', { sessionId }));
  } catch {
    entry.data = null;
  }
  for (const listener of entry.listeners) listener();
}

export function useSessionMembership(sessionId: string): SessionMembership | null {
  const entry = entryFor(sessionId);
  // One subscription per row for as long as it shows (a new function each render would unsubscribe and lose the lines).
  const subscribe = useCallback(
    (listener: () => void) => {
      entry.listeners.add(listener);
      return () => {
        entry.listeners.delete(listener);
        // The last row gone: the next roster reads afresh (a package may have come in between).
        if (entry.listeners.size === 0) {
          entry.asked = false;
          entry.data = null;
        }
      };
    },
    [entry],
  );
  const data = useSyncExternalStore(subscribe, () => entry.data);
  useEffect(() => {
    // The first row to appear reads for them all.
    if (!entry.asked) void reloadSessionMembership(sessionId);
  }, [entry, sessionId]);
  return data;
}
