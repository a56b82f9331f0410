// round(x, ndigits) for floats, as CPython's double_round: the exact decimal value of x rounded
// half-to-even to ndigits places, read back as the nearest double. ndigits beyond what a double
// can show is clamped, as PyNumber_AsSsize_t(o, NULL) does for round's argument.
import type { int, float } from '../../translate/rlib/index.ts';
import { parseFloatStrict } from '../../translate/rlib/index.ts';
import { PyObject, PyInt, raise, OverflowErrorT, bigOf } from '../objects/core.ts';
import { toIntIndex, callSpecial } from '../interpreter/runtime.ts';
import { intSign } from '../objects/intops.ts';
import { fixedDigits, exactDecimal, roundDigits } from './format.ts';

/** floor((DBL_MANT_DIG - DBL_MIN_EXP) * log10(2)): more places than this leave any double as is */
const NDIGITS_MAX = 323;
/** -floor((DBL_MAX_EXP + 1) * log10(2)): fewer round every double to zero */
const NDIGITS_MIN = -308;

/** round's ndigits as a machine int, a big int clamped to the range that matters */
export function roundDigitsArg(nd: PyObject): int {
  let o = nd;
  if (!(o instanceof PyInt) && !o.cls.isBuiltin) {
    const r = callSpecial(o, '__index__', []);
    if (r !== null && r instanceof PyInt) o = r;
  }
  if (o instanceof PyInt && bigOf(o) !== null) return intSign(o) < 0 ? NDIGITS_MIN - 1 : NDIGITS_MAX + 1;
  return toIntIndex(o);
}

export function roundFloat(x: float, nd: int): float {
  if (Number.isNaN(x) || x === Infinity || x === -Infinity || x === 0.0) return x;
  if (nd > NDIGITS_MAX) return x;
  if (nd < NDIGITS_MIN) return x < 0.0 ? -0.0 : 0.0;
  const a = Math.abs(x);
  let r = 0.0;
  if (nd >= 0 && nd <= 15 && a < 1e15) {
    // the common case, without big-int arithmetic (fixedDigits rounds exact ties to even)
    r = parseFloatStrict(fixedDigits(a, nd));
  } else {
    const dec = exactDecimal(a);
    // digits kept: those before the point and nd after it (0.d x 10^p = a)
    const keep = dec.p + nd;
    if (keep < 0) r = 0.0;
    else {
      // n = a x 10^nd rounded half to even, so the result is n x 10^-nd
      const n = roundDigits(dec.d, keep);
      r = n === '' ? 0.0 : parseFloatStrict(n + 'e' + String(-nd));
    }
    if (r === Infinity) throw raise(OverflowErrorT, 'rounded value too large to represent');
  }
  return x < 0.0 ? -r : r;
}
