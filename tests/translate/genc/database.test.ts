// C literals of RTS ints: every int a double holds exactly is printed with all its digits.
import { describe, expect, it } from 'vitest';
import { cInt } from '../../../translate/genc/database.ts';

describe('cInt', () => {
  it('prints ints beyond 2^53 exactly', () => {
    expect(cInt(4611686018427387904)).toBe('INT64_C(4611686018427387904)');
    expect(cInt(-2305843009213693952)).toBe('(-INT64_C(2305843009213693952))');
    expect(cInt(2 ** 53 + 2)).toBe('INT64_C(9007199254740994)');
    expect(cInt(-1)).toBe('(-INT64_C(1))');
    expect(cInt(0)).toBe('INT64_C(0)');
    expect(cInt(-9223372036854775808)).toBe('(-INT64_C(9223372036854775807) - 1)');
  });
});
