import { describe, expect, it } from 'vitest';
import { clockTime, dayAndTime, longDate, longDateWithWeekday, momentText, orNotGiven, timeOfMoment } from '../../shared/words-for-days';

/**
 * One way to write a day and a time on every screen: "2 December 2026",
 * "Wednesday 2 December 2026", 24-hour "09:30" (never "9:30" or "9:30 am"),
 * and "Not given" for an empty field.
 */

/** A moment at a wall-clock time in this computer's zone, as the core would stamp it in UTC. */
const stamped = (year: number, month: number, day: number, hours: number, minutes: number) => new Date(year, month - 1, day, hours, minutes).toISOString();

describe('dates and times on screen', () => {
  it('writes days in words, with the week day where it helps', () => {
    expect(longDate('2026-12-02')).toBe('2 December 2026');
    expect(longDateWithWeekday('2026-12-02')).toBe('Wednesday 2 December 2026');
  });

  it('writes every time with two digits on the 24-hour clock', () => {
    expect(clockTime('2026-12-02T09:30')).toBe('09:30');
    expect(dayAndTime('2026-12-02T09:30')).toBe('2 December 2026 at 09:30');
    expect(timeOfMoment(stamped(2026, 12, 2, 9, 5))).toBe('09:05');
    expect(timeOfMoment(stamped(2026, 12, 2, 16, 40))).toBe('16:40');
    expect(momentText(stamped(2026, 12, 2, 9, 5))).toBe('2 December 2026 at 09:05');
    expect(momentText(stamped(2026, 12, 2, 9, 5), '2026-12-02')).toBe('today at 09:05');
    expect(momentText(stamped(2026, 12, 1, 23, 59), '2026-12-02')).toBe('1 December 2026 at 23:59');
  });

  it('says "Not given" for an empty field and keeps a filled one', () => {
    expect(orNotGiven(null)).toBe('Not given');
    expect(orNotGiven(undefined)).toBe('Not given');
    expect(orNotGiven('  ')).toBe('Not given');
    expect(orNotGiven('amira@example.org')).toBe('amira@example.org');
  });
});
