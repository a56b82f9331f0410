// The low-level op table (translate/rtype/lloperation.ts): its flags are consistent, and every
// rlib primitive it declares exists in rlib with the declared arity.
import { describe, expect, it } from 'vitest';
import { LL_OPERATIONS, llop, primitive } from '../../../translate/rtype/lloperation.ts';
import * as arith from '../../../translate/rlib/arith.ts';
import * as os from '../../../translate/rlib/os.ts';
import * as execmem from '../../../translate/rlib/execmem.ts';
import * as gcref from '../../../translate/rlib/gcref.ts';
import * as jithelpers from '../../../translate/rlib/jithelpers.ts';
import * as weak from '../../../translate/rlib/weak.ts';
import * as text from '../../../translate/rlib/text.ts';

const modules: Record<string, Record<string, unknown>> = { arith, os, execmem, gcref, jithelpers, weak, text };

describe('LL_OPERATIONS', () => {
  it('folds only operations that neither raise nor collect', () => {
    const bad = Object.entries(LL_OPERATIONS).filter(([, op]) => op.canFold && (op.canRaise || op.canCollect)).map(([n]) => n);
    expect(bad).toEqual([]);
  });

  it('lets a primitive that raises also collect (the exception is allocated)', () => {
    for (const [name, op] of Object.entries(LL_OPERATIONS)) {
      if (!op.prim?.raises) continue;
      expect(op.canRaise, name).toBe(true);
      expect(op.canCollect, name).toBe(true);
    }
  });

  it('treats calls, including calls into machine code, as raising and collecting', () => {
    for (const name of ['direct_call', 'indirect_call', 'execmem.call']) {
      expect(llop(name).canRaise, name).toBe(true);
      expect(llop(name).canCollect, name).toBe(true);
    }
  });

  it('declares only primitives that rlib implements, with the same arity', () => {
    for (const name of Object.keys(LL_OPERATIONS).filter((n) => primitive(n))) {
      const [mod, fn] = name.split('.');
      const impl = modules[mod]?.[fn];
      expect(typeof impl, name).toBe('function');
      // class and field arguments are parameters too (castRef(r, C), offsetOf(C, 'f'))
      expect((impl as Function).length, name).toBe(primitive(name)!.args.length);
    }
  });

  it('rejects an operation it does not declare', () => {
    expect(() => llop('int_frobnicate')).toThrow(/not in LL_OPERATIONS/);
    expect(primitive('arith.noSuchThing')).toBeUndefined();
  });
});
