import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';

interface StatusMessage {
  text: string;
  /** The screen the message belongs to; it goes away when the person leaves it. */
  at: string;
}

interface StatusApi {
  message: StatusMessage | null;
  /** Say something politely ("Course saved.") on the screen at `at`. */
  announce(text: string, at: string): void;
}

const StatusContext = createContext<StatusApi>({ message: null, announce: () => undefined });

export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const [location] = useLocation();

  useEffect(() => {
    if (message && location !== message.at) setMessage(null);
    // Only a change of screen clears the message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location]);

  const announce = useCallback((text: string, at: string) => setMessage({ text, at }), []);
  const api = useMemo(() => ({ message, announce }), [message, announce]);
  return <StatusContext.Provider value={api}>{children}</StatusContext.Provider>;
}

export function useAnnounce(): StatusApi['announce'] {
  return useContext(StatusContext).announce;
}

/**
 * The polite live region. It is always on the page, so that screen readers
 * notice when text appears in it.
 */
export function StatusRegion() {
  const { message } = useContext(StatusContext);
  return (
    <div role="status" aria-live="polite" className={message ? 'status-message' : 'status-message status-message--empty'}>
      {message?.text}
    </div>
  );
}
