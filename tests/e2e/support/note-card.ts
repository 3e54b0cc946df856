import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { isFocused } from './screen';

/**
 * A session note's card, as the laptop's evaluation page and the office's
 * "You said, we did" both show it (features/notes/NoteCard.tsx), for the tests that
 * correct a note from either screen.
 */

/** The card of the note whose text (or response, or tags) holds these words. */
export function noteCard(page: Page, words: string): Locator {
  return page.locator('.note-card').filter({ hasText: words });
}

/** Opens the card's correction form by keyboard (Enter on "Correct this note") and gives its text box once focus is in it. */
export async function openCorrection(page: Page, card: Locator): Promise<Locator> {
  await card.getByRole('button', { name: 'Correct this note' }).focus();
  await page.keyboard.press('Enter');
  const box = card.getByLabel('Corrected text');
  await expect.poll(() => isFocused(box), { message: 'focus in "Corrected text"' }).toBe(true);
  return box;
}
