import type { KeyboardEvent } from 'react';

/**
 * Arrow keys, Home and End move focus along a list of big buttons (the
 * languages, the names found), as well as Tab. Left and Right follow the
 * reading direction, so in Arabic Left moves on to the next choice.
 */
export function moveAlong(event: KeyboardEvent<HTMLElement>): void {
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-arrow-item]'));
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at === -1) return;
  // In a text box the other keys move the caret; only Down leaves it for the list below.
  if (items[at] instanceof HTMLInputElement && event.key !== 'ArrowDown') return;
  const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
  const next: Record<string, number> = {
    ArrowDown: at + 1,
    ArrowUp: at - 1,
    ArrowRight: rtl ? at - 1 : at + 1,
    ArrowLeft: rtl ? at + 1 : at - 1,
    Home: 0,
    End: items.length - 1,
  };
  const to = next[event.key];
  if (to === undefined) return;
  event.preventDefault();
  items[Math.max(0, Math.min(items.length - 1, to))]?.focus();
}
