// complex: the number type and its arithmetic, following CPython 3.11's complexobject.c (the
// same formulas, so results agree to the last bit, and the same errors). The runtime's
// operators reach complexBinary/complexUnary through builtinBinary and unaryOp; the operator
// methods (`complex.__add__`) are the shared slot wrappers of slots.ts.
import type { int, float } from '../../translate/rlib/index.ts';
import { floatRepr, parseFloatStrict, toInt } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyNative, PyInt, PyFloat, PyStr, PyProperty, None, True, complexType, propertyType, newFloat, newStr, newTuple, raise,
  TypeError, ValueError, ZeroDivisionErrorT, OverflowErrorT,
} from '../objects/core.ts';
import { intToFloat } from '../objects/intops.ts';
import { dictSetS } from '../objects/dict.ts';
import { pyHash, builtinCompare, typeName, lookupType, callSpecial, allocInstance } from '../interpreter/runtime.ts';
import { VM } from '../interpreter/state.ts';
import { formatValue } from './format.ts';
import * as A from '../parser/ast.ts';
import { B, FAM_COMPLEX } from './ids.ts';
import { npos, arg, checkArgs, defMethod, mkBuiltin, unhandledBuiltin } from './args.ts';

export class PyComplex extends PyNative {
  re: float;
  im: float;
  constructor(cls: PyType, re: float, im: float) {
    super(cls);
    this.re = re;
    this.im = im;
  }
  override nativeRepr(): string {
    return complexRepr(this.re, this.im);
  }
  override nativeEq(other: PyObject): int {
    if (other instanceof PyComplex) return this.re === other.re && this.im === other.im ? 1 : 0;
    if (other instanceof PyFloat) return this.im === 0.0 && this.re === other.v ? 1 : 0;
    if (other instanceof PyInt) {
      // exactly, as float == int (no rounding of big ints)
      if (this.im !== 0.0) return 0;
      return builtinCompare(newFloat(this.re), other, A.CMP_EQ) === True ? 1 : 0;
    }
    return -1;
  }
  override nativeHash(): int {
    // CPython: hash(re) + 1000003 * hash(im), so that a complex equal to a float or an int
    // hashes like it
    const hr = pyHash(newFloat(this.re));
    if (this.im === 0.0) return hr;
    const hi = pyHash(newFloat(this.im));
    const h = (hr + ((hi * 1000003) | 0)) | 0;
    return h === -1 ? -2 : h;
  }
}

export function newComplex(re: float, im: float): PyComplex {
  return new PyComplex(complexType, re, im);
}

// ---- repr and format ----
/** A part as CPython's 'r' format without the forced '.0': 1.0 is '1', 1e16 is '1e+16'. */
function partRepr(x: float): string {
  const s = floatRepr(x);
  return s.endsWith('.0') ? s.substring(0, s.length - 2) : s;
}
export function complexRepr(re: float, im: float): string {
  const ims = partRepr(im);
  // a positive zero real part is left out: 1j, -0j
  if (re === 0.0 && 1.0 / re > 0.0) return ims + 'j';
  return '(' + partRepr(re) + (ims.startsWith('-') ? '' : '+') + ims + 'j)';
}

// ---- conversion ----
/** The (re, im) of a number operand, or null when o is not an int, float or complex. */
function operand(o: PyObject): float[] | null {
  if (o instanceof PyComplex) return [o.re, o.im];
  if (o instanceof PyFloat) return [o.v, 0.0];
  if (o instanceof PyInt) return [intToFloat(o), 0.0];
  return null;
}

// ---- arithmetic (complexobject.c's _Py_c_*) ----
function quot(a: float[], b: float[]): float[] {
  const absBr = b[0] < 0.0 ? -b[0] : b[0];
  const absBi = b[1] < 0.0 ? -b[1] : b[1];
  if (absBr >= absBi) {
    if (absBr === 0.0) throw raise(ZeroDivisionErrorT, 'complex division by zero');
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  // one of b's parts is a NaN
  return [NaN, NaN];
}
function prod(a: float[], b: float[]): float[] {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}
function powGeneral(a: float[], b: float[]): float[] {
  if (b[0] === 0.0 && b[1] === 0.0) return [1.0, 0.0];
  if (a[0] === 0.0 && a[1] === 0.0) {
    if (b[1] !== 0.0 || b[0] < 0.0) throw raise(ZeroDivisionErrorT, '0.0 to a negative or complex power');
    return [0.0, 0.0];
  }
  const vabs = Math.hypot(a[0], a[1]);
  let len = Math.pow(vabs, b[0]);
  const at = Math.atan2(a[1], a[0]);
  let phase = at * b[0];
  if (b[1] !== 0.0) {
    len = len / Math.exp(at * b[1]);
    phase = phase + b[1] * Math.log(vabs);
  }
  return [len * Math.cos(phase), len * Math.sin(phase)];
}
/** x ** n for a small integral exponent: repeated squaring, as CPython's c_powi. */
function powInt(x: float[], n: int): float[] {
  const e = n < 0 ? -n : n;
  let r: float[] = [1.0, 0.0];
  let p = x;
  let mask = 1;
  while (mask > 0 && e >= mask) {
    if ((e & mask) !== 0) r = prod(r, p);
    mask = mask << 1;
    p = prod(p, p);
  }
  if (n < 0) {
    if (r[0] === 0.0 && r[1] === 0.0) throw raise(ZeroDivisionErrorT, '0.0 to a negative or complex power');
    return quot([1.0, 0.0], r);
  }
  return r;
}
function complexPow(a: float[], b: float[]): float[] {
  let r: float[];
  if (b[1] === 0.0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100.0) r = powInt(a, toInt(b[0]));
  else r = powGeneral(a, b);
  if (Math.abs(r[0]) === Infinity || Math.abs(r[1]) === Infinity) throw raise(OverflowErrorT, 'complex exponentiation');
  return r;
}

/** x ** y for floats whose result is complex (a negative x, a y with a fraction part), as
 * float_pow hands them to complex's power. */
export function floatPowComplex(x: float, y: float): PyObject {
  const r = complexPow([x, 0.0], [y, 0.0]);
  return newComplex(r[0], r[1]);
}
/** a op b when either is complex and both are numbers; null otherwise (the operator's
 * TypeError), and for the operators complex has not (//, %, shifts, bitwise). */
export function complexBinary(a: PyObject, b: PyObject, op: int): PyObject | null {
  if (op !== A.BIN_ADD && op !== A.BIN_SUB && op !== A.BIN_MUL && op !== A.BIN_TRUEDIV && op !== A.BIN_POW) return null;
  const x = operand(a);
  if (x === null) return null;
  const y = operand(b);
  if (y === null) return null;
  if (op === A.BIN_ADD) return newComplex(x[0] + y[0], x[1] + y[1]);
  if (op === A.BIN_SUB) return newComplex(x[0] - y[0], x[1] - y[1]);
  if (op === A.BIN_MUL) {
    const r = prod(x, y);
    return newComplex(r[0], r[1]);
  }
  if (op === A.BIN_TRUEDIV) {
    const r = quot(x, y);
    return newComplex(r[0], r[1]);
  }
  const r = complexPow(x, y);
  return newComplex(r[0], r[1]);
}
/** -c and +c (a new exact complex, as for a subclass instance); null for ~. */
export function complexUnary(c: PyComplex, kind: int): PyObject | null {
  if (kind === A.U_NEG) return newComplex(-c.re, -c.im);
  if (kind === A.U_POS) return c.cls === complexType ? c : newComplex(c.re, c.im);
  return null;
}
export function complexAbs(c: PyComplex): float {
  if (Math.abs(c.re) === Infinity || Math.abs(c.im) === Infinity) return Infinity;
  if (Number.isNaN(c.re) || Number.isNaN(c.im)) return NaN;
  const r = Math.hypot(c.re, c.im);
  if (r === Infinity) throw raise(OverflowErrorT, 'absolute value too large');
  return r;
}

// ---- complex(str) ----
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
class FloatScan {
  end: int = -1;
  value: float = 0.0;
}
/** The end of the digits at s[i:], single underscores allowed between two digits (i: none). */
function digitsEnd(s: string, i0: int): int {
  let i = i0;
  while (i < s.length) {
    if (isDigit(s[i])) i++;
    else if (s[i] === '_' && i > i0 && i + 1 < s.length && isDigit(s[i + 1])) i++;
    else break;
  }
  return i;
}
/** Scans a float at s[i0:] as strtod does (inf, infinity and nan too), without consuming a
 * following 'j'; end is -1 when there is none. */
function scanFloat(s: string, i0: int): FloatScan {
  const r = new FloatScan();
  let i = i0;
  let neg = false;
  if (i < s.length && (s[i] === '+' || s[i] === '-')) {
    neg = s[i] === '-';
    i++;
  }
  const low = s.substring(i).toLowerCase();
  const words = ['infinity', 'inf', 'nan'];
  for (const word of words) {
    if (low.startsWith(word)) {
      r.end = i + word.length;
      r.value = word === 'nan' ? NaN : neg ? -Infinity : Infinity;
      return r;
    }
  }
  const start = i;
  let j = digitsEnd(s, i);
  const intDigits = j > i;
  i = j;
  let fracDigits = false;
  if (i < s.length && s[i] === '.') {
    j = digitsEnd(s, i + 1);
    fracDigits = j > i + 1;
    i = j;
  }
  if (!intDigits && !fracDigits) return r;
  if (i < s.length && (s[i] === 'e' || s[i] === 'E')) {
    let k = i + 1;
    if (k < s.length && (s[k] === '+' || s[k] === '-')) k++;
    const e = digitsEnd(s, k);
    if (e > k) i = e;
  }
  const v = parseFloatStrict(s.substring(start, i).split('_').join(''));
  r.end = i;
  r.value = neg ? -v : v;
  return r;
}
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}
function malformed(): PyObject {
  throw raise(ValueError, 'complex() arg is a malformed string');
}
/** complex(s): `[(] [real] [(+|-) imag j | imag j] [)]` with spaces around, as CPython. */
function fromString(str: string): float[] {
  let s = str.trim();
  if (s.startsWith('(')) {
    if (!s.endsWith(')')) malformed();
    s = s.substring(1, s.length - 1).trim();
  }
  for (let k = 0; k < s.length; k++) if (isSpace(s[k])) malformed();
  let re = 0.0;
  let im = 0.0;
  let i = 0;
  const first = scanFloat(s, 0);
  if (first.end >= 0) {
    i = first.end;
    if (i < s.length && (s[i] === '+' || s[i] === '-')) {
      re = first.value;
      const second = scanFloat(s, i);
      if (second.end >= 0) {
        im = second.value;
        i = second.end;
      } else {
        im = s[i] === '-' ? -1.0 : 1.0;
        i++;
      }
      if (i >= s.length || (s[i] !== 'j' && s[i] !== 'J')) malformed();
      i++;
    } else if (i < s.length && (s[i] === 'j' || s[i] === 'J')) {
      im = first.value;
      i++;
    } else re = first.value;
  } else {
    let sign = 1.0;
    if (i < s.length && (s[i] === '+' || s[i] === '-')) {
      sign = s[i] === '-' ? -1.0 : 1.0;
      i++;
    }
    if (i >= s.length || (s[i] !== 'j' && s[i] !== 'J')) malformed();
    im = sign;
    i++;
  }
  if (i !== s.length) malformed();
  const out: float[] = [re, im];
  return out;
}

// ---- complex(real, imag) ----
/** o.__complex__(), or null when its type has none. */
function viaDunder(o: PyObject): PyComplex | null {
  if (o.cls === complexType) return null;
  const m = lookupType(o.cls, '__complex__');
  if (m === null) return null;
  const r = callSpecial(o, '__complex__', []);
  if (r === null) return null;
  if (!(r instanceof PyComplex)) throw raise(TypeError, `__complex__ returned non-complex (type ${typeName(r)})`);
  return r;
}
/** a real number's value (float, int, __float__ or __index__), or null when it is none */
function realValue(o: PyObject): PyFloat | null {
  if (o instanceof PyFloat) return newFloat(o.v);
  if (o instanceof PyInt) return newFloat(intToFloat(o));
  const f = callSpecial(o, '__float__', []);
  if (f !== null) {
    if (!(f instanceof PyFloat)) throw raise(TypeError, `${typeName(o)}.__float__ returned non-float (type ${typeName(f)})`);
    return newFloat(f.v);
  }
  const ix = callSpecial(o, '__index__', []);
  if (ix !== null) {
    if (!(ix instanceof PyInt)) throw raise(TypeError, `__index__ returned non-int (type ${typeName(ix)})`);
    return newFloat(intToFloat(ix));
  }
  return null;
}
function construct(t: PyType, r: PyObject | null, i: PyObject | null): PyObject {
  if (r === null && i === null) return make(t, 0.0, 0.0);
  let rr = r === null ? newFloat(0.0) : r;
  if (rr instanceof PyStr) {
    if (i !== null) throw raise(TypeError, "complex() can't take second arg if first is a string");
    const v = fromString(rr.s);
    return make(t, v[0], v[1]);
  }
  if (i !== null && i instanceof PyStr) throw raise(TypeError, "complex() second arg can't be a string");
  const viaR = viaDunder(rr);
  if (viaR !== null) rr = viaR;
  if (rr.cls === complexType && i === null && t === complexType) return rr;
  let crRe = 0.0;
  let crIm = 0.0;
  let crComplex = false;
  if (rr instanceof PyComplex) {
    crRe = rr.re;
    crIm = rr.im;
    crComplex = true;
  } else {
    const v = realValue(rr);
    if (v === null) throw raise(TypeError, `complex() first argument must be a string or a number, not '${typeName(rr)}'`);
    crRe = v.v;
  }
  let ciRe = 0.0;
  let ciIm = 0.0;
  let ciComplex = false;
  if (i === null) ciRe = crIm;
  else if (i instanceof PyComplex) {
    ciRe = i.re;
    ciIm = i.im;
    ciComplex = true;
  } else {
    const v = realValue(i);
    if (v === null) throw raise(TypeError, `complex() second argument must be a number, not '${typeName(i)}'`);
    ciRe = v.v;
  }
  if (ciComplex) crRe = crRe - ciIm;
  if (crComplex && i !== null) ciRe = ciRe + crIm;
  return make(t, crRe, ciRe);
}
function make(t: PyType, re: float, im: float): PyObject {
  if (t === complexType) return newComplex(re, im);
  const o = allocInstance(t);
  if (!(o instanceof PyComplex)) throw raise(TypeError, `complex.__new__(${t.name}) is not safe`);
  o.re = re;
  o.im = im;
  return o;
}

function selfOf(args: PyObject[], name: string): PyComplex {
  const o = npos(args, null) > 0 ? args[0] : None;
  if (!(o instanceof PyComplex)) throw raise(TypeError, `descriptor '${name}' requires a 'complex' object but received a '${typeName(o)}'`);
  return o;
}

export function callComplex(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.COMPLEX_NEW: {
      const t = args[0] as PyType;
      const n = npos(args, kw);
      if (n > 3) throw raise(TypeError, `complex() takes at most 2 arguments (${n - 1} given)`);
      if (kw !== null) for (const k of kw) if (k !== 'real' && k !== 'imag') throw raise(TypeError, `complex() got an unexpected keyword argument '${k}'`);
      return construct(t, arg(args, kw, 1, 'real'), arg(args, kw, 2, 'imag'));
    }
    case B.COMPLEX_CONJUGATE: {
      checkArgs('conjugate', args, kw, 1, 1);
      const c = selfOf(args, 'conjugate');
      return newComplex(c.re, -c.im);
    }
    case B.COMPLEX_REAL:
      return newFloat(selfOf(args, 'real').re);
    case B.COMPLEX_IMAG:
      return newFloat(selfOf(args, 'imag').im);
    case B.COMPLEX_COMPLEX: {
      const c = selfOf(args, '__complex__');
      return c.cls === complexType ? c : newComplex(c.re, c.im);
    }
    case B.COMPLEX_GETNEWARGS: {
      const c = selfOf(args, '__getnewargs__');
      return newTuple([newFloat(c.re), newFloat(c.im)]);
    }
    case B.COMPLEX_FORMAT: {
      checkArgs('__format__', args, kw, 2, 2);
      const c = selfOf(args, '__format__');
      const spec = args[1];
      if (!(spec instanceof PyStr)) throw raise(TypeError, `__format__() argument must be str, not ${typeName(spec)}`);
      return newStr(formatValue(c, spec.s));
    }
  }
  throw unhandledBuiltin('complex method', id);
}

function getter(name: string, id: int): void {
  complexType.dict.set(name, new PyProperty(propertyType, mkBuiltin(name, id, false, FAM_COMPLEX), null, null));
}
const ctorFn = mkBuiltin('__new__', B.COMPLEX_NEW, false, FAM_COMPLEX);
ctorFn.owner = complexType;
complexType.dict.set('__new__', ctorFn);
defMethod(complexType, 'conjugate', B.COMPLEX_CONJUGATE, FAM_COMPLEX);
defMethod(complexType, '__complex__', B.COMPLEX_COMPLEX, FAM_COMPLEX);
defMethod(complexType, '__getnewargs__', B.COMPLEX_GETNEWARGS, FAM_COMPLEX);
defMethod(complexType, '__format__', B.COMPLEX_FORMAT, FAM_COMPLEX);
getter('real', B.COMPLEX_REAL);
getter('imag', B.COMPLEX_IMAG);

/** Puts complex among the builtins (each run's fresh builtins dict). */
export function initComplex(): void {
  dictSetS(VM.builtins, 'complex', complexType);
}
