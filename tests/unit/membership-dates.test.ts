import { describe, expect, it } from 'vitest';
import { addDays, addMonths, originOf, statusOn, termEndsOn, trainingDueBy, type TermDates } from '../../electron/core/membership/dates';

/** Within the window: on or after joining (or any time before), and on or before the due day. */
const inTime = (joinedOn: string, attendedOn: string, months = 6) => attendedOn <= trainingDueBy(joinedOn, months);

describe('the training window', () => {
  it('runs calendar months with a day the month lacks becoming its last day', () => {
    expect(trainingDueBy('2025-08-31', 6)).toBe('2026-02-28');
    expect(trainingDueBy('2023-08-31', 6)).toBe('2024-02-29');
    expect(trainingDueBy('2025-06-15', 6)).toBe('2025-12-15');
    expect(trainingDueBy('2024-02-29', 6)).toBe('2024-08-29');
    expect(trainingDueBy('2024-02-29', 12)).toBe('2025-02-28');
    expect(trainingDueBy('2025-10-31', 4)).toBe('2026-02-28');
    expect(trainingDueBy('2025-12-31', 1)).toBe('2026-01-31');
  });

  it('includes both ends: the join day itself and the due day, not one day late', () => {
    expect(inTime('2025-06-15', '2025-06-15')).toBe(true);
    expect(inTime('2025-06-15', '2025-12-15')).toBe(true);
    expect(inTime('2025-06-15', '2025-12-16')).toBe(false);
    expect(inTime('2025-08-31', '2026-02-28')).toBe(true);
    expect(inTime('2025-08-31', '2026-03-01')).toBe(false);
    expect(inTime('2023-08-31', '2024-02-29')).toBe(true);
    expect(inTime('2023-08-31', '2024-03-01')).toBe(false);
  });

  it('adds and takes away months across years', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
  });
});

describe("a term's end", () => {
  it('with a membership year, is the day before the next year starts', () => {
    expect(termEndsOn('2024-05-01', '05-01')).toBe('2025-04-30');
    expect(termEndsOn('2024-10-15', '05-01')).toBe('2025-04-30');
    expect(termEndsOn('2025-02-10', '05-01')).toBe('2025-04-30');
    expect(termEndsOn('2024-12-31', '01-01')).toBe('2024-12-31');
    expect(termEndsOn('2024-01-01', '01-01')).toBe('2024-12-31');
    expect(termEndsOn('2024-03-01', '03-01')).toBe('2025-02-28');
    expect(termEndsOn('2023-03-01', '03-01')).toBe('2024-02-29');
  });

  it('with rolling terms, is 12 months less a day', () => {
    expect(termEndsOn('2024-05-01', null)).toBe('2025-04-30');
    expect(termEndsOn('2025-06-15', null)).toBe('2026-06-14');
    expect(termEndsOn('2024-01-01', null)).toBe('2024-12-31');
    expect(termEndsOn('2024-02-29', null)).toBe('2025-02-27');
  });
});

const term = (startsOn: string, endsOn: string, cancelledOn: string | null = null): TermDates => ({ startsOn, endsOn, cancelledOn });

describe('status on a date', () => {
  const terms = [term('2024-05-01', '2025-04-30')];

  it('is current within a term, in grace for the grace days after it, then expired', () => {
    expect(statusOn(terms, '2024-04-30', 30)).toBeNull();
    expect(statusOn(terms, '2024-05-01', 30)).toBe('current');
    expect(statusOn(terms, '2025-04-30', 30)).toBe('current');
    expect(statusOn(terms, '2025-05-01', 30)).toBe('in_grace');
    expect(statusOn(terms, '2025-05-30', 30)).toBe('in_grace');
    expect(statusOn(terms, '2025-05-31', 30)).toBe('expired');
    expect(statusOn(terms, '2025-05-01', 0)).toBe('expired');
  });

  it('is cancelled from the day of cancelling, and current before it', () => {
    const cancelled = [term('2024-05-01', '2025-04-30', '2024-11-01')];
    expect(statusOn(cancelled, '2024-10-31', 30)).toBe('current');
    expect(statusOn(cancelled, '2024-11-01', 30)).toBe('cancelled');
    expect(statusOn(cancelled, '2026-01-01', 30)).toBe('cancelled');
  });

  it('follows a renewal: current again once the next term starts', () => {
    const renewed = [term('2024-05-01', '2025-04-30'), term('2025-05-20', '2026-04-30')];
    expect(statusOn(renewed, '2025-05-10', 30)).toBe('in_grace');
    expect(statusOn(renewed, '2025-05-20', 30)).toBe('current');
    expect(statusOn(renewed, '2026-07-01', 30)).toBe('expired');
  });

  it('a term cancelled and followed by a new one is current in the new one', () => {
    const again = [term('2024-05-01', '2025-04-30', '2024-06-01'), term('2024-09-01', '2025-04-30')];
    expect(statusOn(again, '2024-07-01', 30)).toBe('cancelled');
    expect(statusOn(again, '2024-09-01', 30)).toBe('current');
  });
});

describe('origin', () => {
  const first = [term('2024-05-01', '2025-04-30')];

  it('is new for the first term', () => {
    expect(originOf([], '2024-05-01', 30)).toBe('new');
  });

  it('is a renewal before the term ends or within the grace period after it', () => {
    expect(originOf(first, '2025-03-01', 30)).toBe('renewal');
    expect(originOf(first, '2025-05-01', 30)).toBe('renewal');
    expect(originOf(first, '2025-05-31', 30)).toBe('renewal');
    expect(originOf(first, '2025-05-01', 0)).toBe('renewal');
  });

  it('is a rejoin after a gap longer than the grace period', () => {
    expect(originOf(first, '2025-06-01', 30)).toBe('rejoin');
    expect(originOf(first, '2025-05-02', 0)).toBe('rejoin');
  });

  it('measures the gap from the day a cancelled term stopped', () => {
    const cancelled = [term('2024-05-01', '2025-04-30', '2024-06-01')];
    expect(originOf(cancelled, '2024-07-01', 30)).toBe('renewal');
    expect(originOf(cancelled, '2024-07-02', 30)).toBe('rejoin');
  });
});
