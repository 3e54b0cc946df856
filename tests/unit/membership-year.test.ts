import { describe, expect, it } from 'vitest';
import { membershipYearSpan } from '../../shared/contract';

/** The membership report's period on screen: a scheme's membership year, as the days it covers. */

describe('the membership year', () => {
  it('runs from its first day to the day before the next, both counted', () => {
    expect(membershipYearSpan(2025, '05-01')).toEqual({ from: '2025-05-01', to: '2026-04-30' });
    expect(membershipYearSpan(2023, '03-01')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(membershipYearSpan(2026, '01-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
