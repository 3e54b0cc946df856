import type { LaptopPinReset } from '../../../../shared/contract';
import { momentText } from '../../components/format';

/**
 * Where a kiosk PIN reset set at the office has got to, as the laptop's own
 * end-of-day files tell it: waiting in each package written for the laptop,
 * or in use there (and which file said so). The same words on Devices and in
 * Settings.
 */
export function pinResetText(reset: LaptopPinReset): string {
  const set = `New PIN set on ${momentText(reset.setAt)}`;
  if (!reset.applied) return `${set}. Not in use on the laptop yet: it goes in each package written for the laptop until an end-of-day file from it says it is in use.`;
  return `${set}, in use on the laptop: its end-of-day file ${reset.applied.inFile} said so (imported on ${momentText(reset.applied.importedAt)}).`;
}
