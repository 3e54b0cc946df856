import { useEffect, useState } from 'react';

/**
 * State that survives going to another screen and back in this window (a
 * search, "show past sessions"), so returning from an edit finds the list as
 * it was left.
 */
export function useRemembered(key: string, initial: string): [string, (value: string) => void];
export function useRemembered(key: string, initial: boolean): [boolean, (value: boolean) => void];
export function useRemembered<T extends string | boolean>(key: string, initial: T): [T, (value: T) => void] {
  const storageKey = rememberedKey(key);
  const [value, setValue] = useState<T>(() => {
    const stored = sessionStorage.getItem(storageKey);
    if (stored === null) return initial;
    try {
      const parsed: unknown = JSON.parse(stored);
      return typeof parsed === typeof initial ? (parsed as T) : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  return [value, setValue];
}

function rememberedKey(key: string): string {
  return `fieldbook:${key}`;
}

/** The search a list screen remembers, e.g. searchKey('/courses'). */
export function searchKey(listPath: string): string {
  return `${listPath}:search`;
}

export function forget(key: string): void {
  sessionStorage.removeItem(rememberedKey(key));
}
