// The cmath module: CPython 3.11's cmathmodule.c algorithms for finite arguments (the same
// formulas and scalings, so results agree with CPython's to the bit where libm agrees), with its
// errors: ValueError('math domain error'), OverflowError('math range error').
// Not CPython's: the special-value tables for infinite and NaN arguments; such arguments go
// through the same formulas.
import type { int, float } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, PyFloat, newFloat, newBool, newTuple, raise, ValueError, TypeError, OverflowErrorT } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_CMATH } from '../builtins/ids.ts';
import { npos, kwArg, checkArgs, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { intToFloat } from '../objects/intops.ts';
import { callSpecial, lookupType, typeName } from '../interpreter/runtime.ts';
import { PyComplex, newComplex } from '../builtins/complex.ts';

const DBL_MAX = 1.7976931348623157e308;
const DBL_MIN = 2.2250738585072014e-308;
const LARGE_DOUBLE = DBL_MAX / 4.0;
const SQRT_LARGE_DOUBLE = Math.sqrt(LARGE_DOUBLE);
const LOG_LARGE_DOUBLE = Math.log(LARGE_DOUBLE);
const SQRT_DBL_MIN = Math.sqrt(DBL_MIN);
const LN2 = 0.6931471805599453;
const LN10 = 2.302585092994046;
// 2**53 and 2**-27: CPython's CM_SCALE_UP and CM_SCALE_DOWN for subnormal arguments of sqrt
const SCALE_UP = 9007199254740992.0;
const SCALE_DOWN = 7.450580596923828e-9;

class Cx {
  re: float;
  im: float;
  constructor(re: float, im: float) {
    this.re = re;
    this.im = im;
  }
}

/** An argument as a complex number: complex, __complex__, or a real number. */
function toCx(o: PyObject): Cx {
  if (o instanceof PyComplex) return new Cx(o.re, o.im);
  if (o instanceof PyFloat) return new Cx(o.v, 0.0);
  if (o instanceof PyInt) return new Cx(intToFloat(o), 0.0);
  if (lookupType(o.cls, '__complex__') !== null) {
    const r = callSpecial(o, '__complex__', []);
    if (!(r instanceof PyComplex)) throw raise(TypeError, `__complex__ returned non-complex (type ${r === null ? 'NoneType' : typeName(r)})`);
    return new Cx(r.re, r.im);
  }
  const f = callSpecial(o, '__float__', []);
  if (f !== null && f instanceof PyFloat) return new Cx(f.v, 0.0);
  const ix = callSpecial(o, '__index__', []);
  if (ix !== null && ix instanceof PyInt) return new Cx(intToFloat(ix), 0.0);
  throw raise(TypeError, `must be real number, not ${typeName(o)}`);
}
function isInf(x: float): boolean {
  return x === Infinity || x === -Infinity;
}
function finite(x: float): boolean {
  return !Number.isNaN(x) && !isInf(x);
}
function copysign(x: float, y: float): float {
  // a NaN's sign is not observable here: taken as positive
  const neg = y < 0.0 || (y === 0.0 && 1.0 / y < 0.0);
  const a = Math.abs(x);
  return neg ? -a : a;
}
function domainError(): PyObject {
  throw raise(ValueError, 'math domain error');
}
function rangeError(): PyObject {
  throw raise(OverflowErrorT, 'math range error');
}
/** fdlibm's asinh, as CPython's _Py_asinh (translated programs have no libm asinh). */
function asinhReal(x: float): float {
  const a = Math.abs(x);
  if (Number.isNaN(x) || isInf(x)) return x + x;
  if (a < 3.7252902984619141e-9) return x;
  let w = 0.0;
  if (a > 268435456.0) w = Math.log(a) + LN2;
  else if (a > 2.0) w = Math.log(2.0 * a + 1.0 / (Math.sqrt(x * x + 1.0) + a));
  else {
    const t = x * x;
    w = Math.log1p(a + t / (1.0 + Math.sqrt(1.0 + t)));
  }
  return copysign(w, x);
}

function cSqrt(z: Cx): Cx {
  if (z.re === 0.0 && z.im === 0.0) return new Cx(0.0, z.im);
  let ax = Math.abs(z.re);
  const ay = Math.abs(z.im);
  let s = 0.0;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = ax * SCALE_UP;
    s = Math.sqrt(ax + Math.hypot(ax, ay * SCALE_UP)) * SCALE_DOWN;
  } else {
    ax = ax / 8.0;
    s = 2.0 * Math.sqrt(ax + Math.hypot(ax, ay / 8.0));
  }
  const d = ay / (2.0 * s);
  if (z.re >= 0.0) return new Cx(s, copysign(d, z.im));
  return new Cx(d, copysign(s, z.im));
}
function cExp(z: Cx): Cx {
  let r: Cx;
  if (z.re > LOG_LARGE_DOUBLE) {
    const l = Math.exp(z.re - 1.0);
    r = new Cx(l * Math.cos(z.im) * Math.E, l * Math.sin(z.im) * Math.E);
  } else {
    const l = Math.exp(z.re);
    r = new Cx(l * Math.cos(z.im), l * Math.sin(z.im));
  }
  if (finite(z.re) && finite(z.im) && (isInf(r.re) || isInf(r.im))) rangeError();
  return r;
}
function cLog(z: Cx): Cx {
  const ax = Math.abs(z.re);
  const ay = Math.abs(z.im);
  let re = 0.0;
  if (ax > LARGE_DOUBLE || ay > LARGE_DOUBLE) re = Math.log(Math.hypot(ax / 2.0, ay / 2.0)) + LN2;
  else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0.0 || ay > 0.0) re = Math.log(Math.hypot(ax * SCALE_UP, ay * SCALE_UP)) - 53.0 * LN2;
    else domainError();
  } else {
    const h = Math.hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      const am = ax > ay ? ax : ay;
      const an = ax > ay ? ay : ax;
      re = Math.log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0;
    } else re = Math.log(h);
  }
  return new Cx(re, Math.atan2(z.im, z.re));
}
function cCosh(z: Cx): Cx {
  let r: Cx;
  if (Math.abs(z.re) > LOG_LARGE_DOUBLE) {
    const x1 = z.re - copysign(1.0, z.re);
    r = new Cx(Math.cos(z.im) * Math.cosh(x1) * Math.E, Math.sin(z.im) * Math.sinh(x1) * Math.E);
  } else r = new Cx(Math.cos(z.im) * Math.cosh(z.re), Math.sin(z.im) * Math.sinh(z.re));
  if (finite(z.re) && finite(z.im) && (isInf(r.re) || isInf(r.im))) rangeError();
  return r;
}
function cSinh(z: Cx): Cx {
  let r: Cx;
  if (Math.abs(z.re) > LOG_LARGE_DOUBLE) {
    const x1 = z.re - copysign(1.0, z.re);
    r = new Cx(Math.cos(z.im) * Math.sinh(x1) * Math.E, Math.sin(z.im) * Math.cosh(x1) * Math.E);
  } else r = new Cx(Math.cos(z.im) * Math.sinh(z.re), Math.sin(z.im) * Math.cosh(z.re));
  if (finite(z.re) && finite(z.im) && (isInf(r.re) || isInf(r.im))) rangeError();
  return r;
}
function cTanh(z: Cx): Cx {
  if (Math.abs(z.re) > LOG_LARGE_DOUBLE) {
    return new Cx(copysign(1.0, z.re), 4.0 * Math.sin(z.im) * Math.cos(z.im) * Math.exp(-2.0 * Math.abs(z.re)));
  }
  const tx = Math.tanh(z.re);
  const ty = Math.tan(z.im);
  const cx = 1.0 / Math.cosh(z.re);
  const txty = tx * ty;
  const denom = 1.0 + txty * txty;
  return new Cx((tx * (1.0 + ty * ty)) / denom, ((ty / denom) * cx) * cx);
}
function cAsinh(z: Cx): Cx {
  if (Math.abs(z.re) > LARGE_DOUBLE || Math.abs(z.im) > LARGE_DOUBLE) {
    const l = Math.log(Math.hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
    const re = z.im >= 0.0 ? copysign(l, z.re) : -copysign(l, -z.re);
    return new Cx(re, Math.atan2(z.im, Math.abs(z.re)));
  }
  const s1 = cSqrt(new Cx(1.0 + z.im, -z.re));
  const s2 = cSqrt(new Cx(1.0 - z.im, z.re));
  return new Cx(asinhReal(s1.re * s2.im - s2.re * s1.im), Math.atan2(z.im, s1.re * s2.re - s1.im * s2.im));
}
function cAcos(z: Cx): Cx {
  if (Math.abs(z.re) > LARGE_DOUBLE || Math.abs(z.im) > LARGE_DOUBLE) {
    const l = Math.log(Math.hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
    const im = z.re < 0.0 ? -copysign(l, z.im) : copysign(l, -z.im);
    return new Cx(Math.atan2(Math.abs(z.im), z.re), im);
  }
  const s1 = cSqrt(new Cx(1.0 - z.re, -z.im));
  const s2 = cSqrt(new Cx(1.0 + z.re, z.im));
  return new Cx(2.0 * Math.atan2(s1.re, s2.re), asinhReal(s2.re * s1.im - s2.im * s1.re));
}
function cAcosh(z: Cx): Cx {
  if (Math.abs(z.re) > LARGE_DOUBLE || Math.abs(z.im) > LARGE_DOUBLE) {
    return new Cx(Math.log(Math.hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0, Math.atan2(z.im, z.re));
  }
  const s1 = cSqrt(new Cx(z.re - 1.0, z.im));
  const s2 = cSqrt(new Cx(z.re + 1.0, z.im));
  return new Cx(asinhReal(s1.re * s2.re + s1.im * s2.im), 2.0 * Math.atan2(s1.im, s2.re));
}
function cAtanh(z: Cx): Cx {
  if (z.re < 0.0) {
    const r = cAtanh(new Cx(-z.re, -z.im));
    return new Cx(-r.re, -r.im);
  }
  const ay = Math.abs(z.im);
  if (z.re > SQRT_LARGE_DOUBLE || ay > SQRT_LARGE_DOUBLE) {
    const h = Math.hypot(z.re / 2.0, z.im / 2.0);
    return new Cx(z.re / 4.0 / h / h, -copysign(Math.PI / 2.0, -z.im));
  }
  if (z.re === 1.0 && ay < SQRT_DBL_MIN) {
    if (ay === 0.0) domainError();
    return new Cx(-Math.log(Math.sqrt(ay) / Math.sqrt(Math.hypot(ay, 2.0))), copysign(Math.atan2(2.0, -ay) / 2.0, z.im));
  }
  const d = (1.0 - z.re) * (1.0 - z.re) + ay * ay;
  return new Cx(Math.log1p((4.0 * z.re) / d) / 4.0, -Math.atan2(-2.0 * z.im, (1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0);
}
/** f(i z) / i and the like: sin, tan, asin and atan through their hyperbolic twins. */
function rotate(z: Cx): Cx {
  return new Cx(-z.im, z.re);
}
function unrotate(s: Cx): Cx {
  return new Cx(s.im, -s.re);
}
/** CPython's _Py_c_quot, the error of a zero divisor being cmath's domain error */
function cQuot(a: Cx, b: Cx): Cx {
  const absBr = Math.abs(b.re);
  const absBi = Math.abs(b.im);
  if (absBr >= absBi) {
    if (absBr === 0.0) domainError();
    const ratio = b.im / b.re;
    const denom = b.re + b.im * ratio;
    return new Cx((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom);
  }
  if (absBi >= absBr) {
    const ratio = b.re / b.im;
    const denom = b.re * ratio + b.im;
    return new Cx((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom);
  }
  return new Cx(NaN, NaN);
}
function cAbs(z: Cx): float {
  if (isInf(z.re) || isInf(z.im)) return Infinity;
  if (Number.isNaN(z.re) || Number.isNaN(z.im)) return NaN;
  const r = Math.hypot(z.re, z.im);
  if (isInf(r)) rangeError();
  return r;
}
function box(z: Cx): PyObject {
  return newComplex(z.re, z.im);
}
function realArg(o: PyObject): float {
  if (o instanceof PyFloat) return o.v;
  if (o instanceof PyInt) return intToFloat(o);
  const f = callSpecial(o, '__float__', []);
  if (f !== null && f instanceof PyFloat) return f.v;
  const ix = callSpecial(o, '__index__', []);
  if (ix !== null && ix instanceof PyInt) return intToFloat(ix);
  throw raise(TypeError, `must be real number, not ${typeName(o)}`);
}

export function makeCmath(): PyModule {
  const m = newBuiltinModule('cmath');
  dictSetS(m.dict, 'pi', newFloat(Math.PI));
  dictSetS(m.dict, 'e', newFloat(Math.E));
  dictSetS(m.dict, 'tau', newFloat(2.0 * Math.PI));
  dictSetS(m.dict, 'inf', newFloat(Infinity));
  dictSetS(m.dict, 'nan', newFloat(NaN));
  dictSetS(m.dict, 'infj', newComplex(0.0, Infinity));
  dictSetS(m.dict, 'nanj', newComplex(0.0, NaN));
  const names = ['sqrt', 'exp', 'log', 'log10', 'phase', 'polar', 'rect', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'isclose', 'isfinite', 'isinf', 'isnan'];
  const ids: int[] = [
    B.CMATH_SQRT, B.CMATH_EXP, B.CMATH_LOG, B.CMATH_LOG10, B.CMATH_PHASE, B.CMATH_POLAR, B.CMATH_RECT, B.CMATH_SIN, B.CMATH_COS, B.CMATH_TAN, B.CMATH_ASIN, B.CMATH_ACOS,
    B.CMATH_ATAN, B.CMATH_SINH, B.CMATH_COSH, B.CMATH_TANH, B.CMATH_ASINH, B.CMATH_ACOSH, B.CMATH_ATANH, B.CMATH_ISCLOSE, B.CMATH_ISFINITE, B.CMATH_ISINF, B.CMATH_ISNAN,
  ];
  for (let i = 0; i < names.length; i++) addFn(m, names[i], ids[i], FAM_CMATH);
  return m;
}

function one(name: string, args: PyObject[], kw: string[] | null): Cx {
  checkArgs('cmath.' + name, args, kw, 1, 1);
  return toCx(args[0]);
}

export function callCmath(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.CMATH_SQRT:
      return box(cSqrt(one('sqrt', args, kw)));
    case B.CMATH_EXP:
      return box(cExp(one('exp', args, kw)));
    case B.CMATH_LOG: {
      checkArgs('log', args, kw, 1, 2);
      const x = cLog(toCx(args[0]));
      if (npos(args, kw) < 2) return box(x);
      return box(cQuot(x, cLog(toCx(args[1]))));
    }
    case B.CMATH_LOG10: {
      const x = cLog(one('log10', args, kw));
      return box(new Cx(x.re / LN10, x.im / LN10));
    }
    case B.CMATH_PHASE: {
      const z = one('phase', args, kw);
      return newFloat(Math.atan2(z.im, z.re));
    }
    case B.CMATH_POLAR: {
      const z = one('polar', args, kw);
      return newTuple([newFloat(cAbs(z)), newFloat(Math.atan2(z.im, z.re))]);
    }
    case B.CMATH_RECT: {
      checkArgs('rect', args, kw, 2, 2);
      const r = realArg(args[0]);
      const phi = realArg(args[1]);
      if (phi === 0.0) return newComplex(r, r * phi);
      return newComplex(r * Math.cos(phi), r * Math.sin(phi));
    }
    case B.CMATH_SIN:
      return box(unrotate(cSinh(rotate(one('sin', args, kw)))));
    case B.CMATH_COS:
      return box(cCosh(rotate(one('cos', args, kw))));
    case B.CMATH_TAN:
      return box(unrotate(cTanh(rotate(one('tan', args, kw)))));
    case B.CMATH_ASIN:
      return box(unrotate(cAsinh(rotate(one('asin', args, kw)))));
    case B.CMATH_ACOS:
      return box(cAcos(one('acos', args, kw)));
    case B.CMATH_ATAN:
      return box(unrotate(cAtanh(rotate(one('atan', args, kw)))));
    case B.CMATH_SINH:
      return box(cSinh(one('sinh', args, kw)));
    case B.CMATH_COSH:
      return box(cCosh(one('cosh', args, kw)));
    case B.CMATH_TANH:
      return box(cTanh(one('tanh', args, kw)));
    case B.CMATH_ASINH:
      return box(cAsinh(one('asinh', args, kw)));
    case B.CMATH_ACOSH:
      return box(cAcosh(one('acosh', args, kw)));
    case B.CMATH_ATANH:
      return box(cAtanh(one('atanh', args, kw)));
    case B.CMATH_ISFINITE: {
      const z = one('isfinite', args, kw);
      return newBool(finite(z.re) && finite(z.im));
    }
    case B.CMATH_ISINF: {
      const z = one('isinf', args, kw);
      return newBool(isInf(z.re) || isInf(z.im));
    }
    case B.CMATH_ISNAN: {
      const z = one('isnan', args, kw);
      return newBool(Number.isNaN(z.re) || Number.isNaN(z.im));
    }
    case B.CMATH_ISCLOSE: {
      const n = npos(args, kw);
      if (n !== 2) throw raise(TypeError, `isclose() takes exactly 2 positional arguments (${n} given)`);
      if (kw !== null) for (const k of kw) if (k !== 'rel_tol' && k !== 'abs_tol') throw raise(TypeError, `isclose() got an unexpected keyword argument '${k}'`);
      const a = toCx(args[0]);
      const b = toCx(args[1]);
      const rt = kwArg(args, kw, 'rel_tol');
      const at = kwArg(args, kw, 'abs_tol');
      const relTol = rt === null ? 1e-9 : realArg(rt);
      const absTol = at === null ? 0.0 : realArg(at);
      if (relTol < 0.0 || absTol < 0.0) throw raise(ValueError, 'tolerances must be non-negative');
      if (a.re === b.re && a.im === b.im) return newBool(true);
      if (isInf(a.re) || isInf(a.im) || isInf(b.re) || isInf(b.im)) return newBool(false);
      const diff = cAbs(new Cx(a.re - b.re, a.im - b.im));
      return newBool(diff <= relTol * cAbs(b) || diff <= relTol * cAbs(a) || diff <= absTol);
    }
  }
  throw unhandledBuiltin('cmath function', id);
}
