// Builtins are routed by the family that registered each id (vm/builtins/ids.ts), not by
// where the id falls in the list of ids.
import { describe, it, expect } from 'vitest';
import { B, familyOf, claimId, FAM_STR, FAM_CONTAINER, FAM_FUNCTION, FAM_CTOR, FAM_MATH, FAM_OBJECT, FAM_NONE } from '../../../vm/builtins/ids.ts';
import { main } from '../../../vm/main.ts';

describe('builtin routing', () => {
  // a run registers the builtins, and the math module on import
  expect(main(['-c', 'import math\nassert math.sqrt(4.0) == 2.0 and "a".upper() == "A"'])).toBe(0);
  it('records the family of every registered id', () => {
    expect(familyOf(B.STR_UPPER)).toBe(FAM_STR);
    expect(familyOf(B.LIST_APPEND)).toBe(FAM_CONTAINER);
    expect(familyOf(B.LEN)).toBe(FAM_FUNCTION);
    expect(familyOf(B.INT_NEW)).toBe(FAM_CTOR);
    expect(familyOf(B.OBJECT_NEW)).toBe(FAM_OBJECT);
    expect(familyOf(B.MATH_SQRT)).toBe(FAM_MATH);
    expect(familyOf(-1)).toBe(FAM_NONE);
  });
  it('refuses an id claimed by two families', () => {
    expect(() => claimId(B.STR_UPPER, FAM_CONTAINER)).toThrow(/claimed by families/);
  });
});
