// format(), f-string format specs, % formatting and str.format.
import type { int, float } from '../../translate/rlib/index.ts';
import { floatRepr, toFloat, floorDiv } from '../../translate/rlib/index.ts';
import { PyObject, PyInt, PyFloat, PyStr, PyBytes, PyTuple, PyDict, PyBaseExc, boolType, bytesType, newStr, newInt, raise, TypeError, ValueError, KeyError, IndexError, None, OverflowErrorT, bigOf } from '../objects/core.ts';
import { bytesLike } from './buffer.ts';
import { intToStr, intToRadix, intSign, intNeg, intToFloat, intFromFloat, intMul, intPow } from '../objects/intops.ts';
import { repr, str, callSpecial, lookupType, typeName, getItem, getAttr, toIntIndex, hex2, hex4, keyError } from '../interpreter/runtime.ts';
import { PyBuiltin } from '../objects/core.ts';
import { cpLen, repeatStr } from '../objects/strutil.ts';
import { dictGetS } from '../objects/dict.ts';
import { PyExc } from '../objects/core.ts';
import { PyComplex } from './complex.ts';
import { codePointToString } from '../parser/parser.ts';
import { parseFormat, splitFieldName, digitsInt, digitsValue } from './formatparse.ts';

class Spec {
  fill: string = ' ';
  align: string = '';
  sign: string = '-';
  /** a sign was written (CPython's sign != '\0': 'c' and strings refuse even '-') */
  signGiven: boolean = false;
  /** 'z': negative zero shown as zero (floats only) */
  noNeg0: boolean = false;
  alt: boolean = false;
  zero: boolean = false;
  width: int = -1;
  grouping: string = '';
  precision: int = -1;
  type: string = '';
  /** the formatted object's type name, for errors */
  owner: string = '';
}

/** acc * 10 + digit, refusing a number past limit with ValueError(msg) the way CPython refuses a
 * width or precision that does not fit its C integer (which would wrap around here instead). */
function addDigit(acc: int, digit: int, limit: int, msg: string): int {
  if (acc > floorDiv(limit - digit, 10)) throw raise(ValueError, msg);
  return acc * 10 + digit;
}
/** The spec s of a format() of an object of type typeName, checked as CPython's
 * parse_internal_render_format_spec checks it before the type looks at it. defaultAlign: '<'
 * for strings, '>' for numbers (a leading '0' means '=' alignment only for numbers). */
function parseSpec(s: string, tname: string, defaultAlign: string, defaultType: string = ''): Spec {
  const sp = new Spec();
  sp.owner = tname;
  let i = 0;
  // the fill is one character: two UTF-16 units when astral ('🖤>10')
  const fl = s.length > 2 && s.charCodeAt(0) >= 0xd800 && s.charCodeAt(0) <= 0xdbff ? 2 : 1;
  const isAlign = (s.length > fl && (s[fl] === '<' || s[fl] === '>' || s[fl] === '^' || s[fl] === '='));
  if (isAlign) {
    sp.fill = s.slice(0, fl);
    sp.align = s[fl];
    i = fl + 1;
  } else if (s.length > 0 && (s[0] === '<' || s[0] === '>' || s[0] === '^' || s[0] === '=')) {
    sp.align = s[0];
    i = 1;
  }
  const fillGiven = isAlign;
  const alignGiven = sp.align !== '';
  if (i < s.length && (s[i] === '+' || s[i] === '-' || s[i] === ' ')) {
    sp.sign = s[i];
    sp.signGiven = true;
    i++;
  }
  if (i < s.length && s[i] === 'z') {
    sp.noNeg0 = true;
    i++;
  }
  if (i < s.length && s[i] === '#') {
    sp.alt = true;
    i++;
  }
  if (!fillGiven && i < s.length && s[i] === '0') {
    sp.zero = true;
    sp.fill = '0';
    if (!alignGiven && defaultAlign === '>') sp.align = '=';
    i++;
  }
  let w = 0;
  let hasW = false;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') {
    w = specDigit(w, s.charCodeAt(i) - 48);
    hasW = true;
    i++;
  }
  if (hasW) sp.width = w;
  if (i < s.length && s[i] === ',') {
    sp.grouping = ',';
    i++;
  }
  if (i < s.length && s[i] === '_') {
    if (sp.grouping !== '') throw raise(ValueError, "Cannot specify both ',' and '_'.");
    sp.grouping = '_';
    i++;
  }
  if (i < s.length && s[i] === ',' && sp.grouping === '_') throw raise(ValueError, "Cannot specify both ',' and '_'.");
  if (i < s.length && s[i] === '.') {
    i++;
    let p = 0;
    let hasP = false;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') {
      p = specDigit(p, s.charCodeAt(i) - 48);
      hasP = true;
      i++;
    }
    if (!hasP) throw raise(ValueError, 'Format specifier missing precision');
    sp.precision = p;
  }
  if (s.length - i > 1) throw raise(ValueError, `Invalid format specifier '${s}' for object of type '${tname}'`);
  if (i < s.length) sp.type = s[i];
  if (sp.grouping !== '') checkGrouping(sp.grouping, sp.type === '' ? defaultType : sp.type);
  return sp;
}

/** acc * 10 + d for a width or precision, refused as CPython's get_integer refuses one past
 * Py_ssize_t (here past 2**53, where machine ints stop being exact untranslated). */
function specDigit(acc: int, d: int): int {
  return addDigit(acc, d, 9007199254740991, 'Too many decimal digits in format string');
}

/** ',' and '_' go with the decimal and float types; '_' with 'b', 'o', 'x', 'X' too (PEP 515). */
function checkGrouping(sep: string, type: string): void {
  if (type === '' || 'defgEG%F'.includes(type)) return;
  if (sep === '_' && 'boxX'.includes(type)) return;
  throw raise(ValueError, `Cannot specify '${sep}' with ${codeShown(type)}.`);
}
/** A presentation type in an error, as CPython shows it: 'x', or '\x1' when not printable. */
function codeShown(type: string): string {
  const c = type.charCodeAt(0);
  return c > 32 && c < 128 ? `'${type}'` : `'\\x${c.toString(16)}'`;
}
function unknownCode(type: string, owner: string): PyExc {
  return raise(ValueError, `Unknown format code ${codeShown(type)} for object of type '${owner}'`);
}

/** The spec checks of an int (CPython's format_long_internal). */
function checkIntSpec(sp: Spec): void {
  if (sp.precision >= 0) throw raise(ValueError, 'Precision not allowed in integer format specifier');
  if (sp.noNeg0) throw raise(ValueError, 'Negative zero coercion (z) not allowed in integer format specifier');
  if (sp.type === 'c') {
    if (sp.signGiven) throw raise(ValueError, "Sign not allowed with integer format specifier 'c'");
    if (sp.alt) throw raise(ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
  }
}

function group(digits: string, sep: string, every: int): string {
  if (sep === '') return digits;
  const out: string[] = [];
  let n = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    out.push(digits[i]);
    n++;
    if (n % every === 0 && i > 0) out.push(sep);
  }
  out.reverse();
  return out.join('');
}

function pad(body: string, sign: string, sp: Spec, defaultAlign: string): string {
  const align = sp.align === '' ? defaultAlign : sp.align;
  const len = body.length + sign.length;
  if (sp.width <= len) return sign + body;
  const n = sp.width - len;
  const fill = sp.fill;
  if (align === '<') return sign + body + repeatStr(fill, n);
  if (align === '>') return repeatStr(fill, n) + sign + body;
  if (align === '=') return sign + repeatStr(fill, n) + body;
  const left = floorDiv(n, 2);
  return repeatStr(fill, left) + sign + body + repeatStr(fill, n - left);
}

function signOf(neg: boolean, sp: Spec): string {
  if (neg) return '-';
  if (sp.sign === '+') return '+';
  if (sp.sign === ' ') return ' ';
  return '';
}

export function formatInt(v: PyInt, sp: Spec): string {
  const t = sp.type;
  if (t === 'e' || t === 'E' || t === 'f' || t === 'F' || t === 'g' || t === 'G' || t === '%') {
    return formatFloat(intToFloat(v), sp);
  }
  if (t === '' || 'bcdoxXn'.includes(t)) checkIntSpec(sp);
  if (t === 'c') {
    if (bigOf(v) !== null) throw raise(OverflowErrorT, 'Python int too large to convert to C long');
    if (v.v < 0 || v.v > 0x10ffff) throw raise(OverflowErrorT, '%c arg not in range(0x110000)');
    return pad(codePointToString(v.v), '', sp, '<');
  }
  const neg = intSign(v) < 0;
  const a = neg ? intNeg(v) : v;
  let digits = '';
  let prefix = '';
  if (t === '' || t === 'd' || t === 'n') digits = group(intToStr(a), sp.grouping, 3);
  else if (t === 'x' || t === 'X') {
    digits = group(intToRadix(a, 16), sp.grouping === '_' ? '_' : '', 4);
    if (t === 'X') digits = digits.toUpperCase();
    prefix = sp.alt ? (t === 'x' ? '0x' : '0X') : '';
  } else if (t === 'o') {
    digits = group(intToRadix(a, 8), sp.grouping === '_' ? '_' : '', 4);
    prefix = sp.alt ? '0o' : '';
  } else if (t === 'b') {
    digits = group(intToRadix(a, 2), sp.grouping === '_' ? '_' : '', 4);
    prefix = sp.alt ? '0b' : '';
  } else throw unknownCode(t, sp.owner === '' ? 'int' : sp.owner);
  if (sp.align === '=' && sp.fill === '0' && sp.grouping !== '' && sp.width > 0) {
    // zero padding participates in grouping
    const sign = signOf(neg, sp);
    let raw = t === '' || t === 'd' || t === 'n' ? intToStr(a) : digits.split(sp.grouping).join('');
    const every = t === '' || t === 'd' || t === 'n' ? 3 : 4;
    let g = group(raw, sp.grouping, every);
    while (g.length + sign.length + prefix.length < sp.width) {
      raw = '0' + raw;
      g = group(raw, sp.grouping, every);
    }
    return sign + prefix + g;
  }
  return pad(digits, signOf(neg, sp) + prefix, sp, '>');
}

export function fixedDigits(x: float, prec: int): string {
  if (x >= 1e21) {
    const ip = intToStr(intFromFloat(x));
    return prec > 0 ? ip + '.' + repeatStr('0', prec) : ip;
  }
  if (prec <= 40) {
    // exact decimal ties round half to even (toFixed rounds them away from zero)
    const t = x.toFixed(prec + 60);
    const dot = t.indexOf('.');
    const tail = t.slice(dot + 1 + prec);
    let tie = tail.length > 0 && tail[0] === '5';
    for (let i = 1; i < tail.length && tie; i++) if (tail[i] !== '0') tie = false;
    if (tie) {
      const trunc = prec > 0 ? t.slice(0, dot + 1 + prec) : t.slice(0, dot);
      const last = trunc.charCodeAt(trunc.length - 1) - 48;
      if (last % 2 === 0) return trunc;
    }
  }
  if (prec <= 100) return x.toFixed(prec);
  return x.toFixed(100) + repeatStr('0', prec - 100);
}
/** Exact decimal expansion of a finite x > 0: value = 0.<d> * 10^p. */
export class Decimal {
  d: string;
  p: int;
  constructor(d: string, p: int) {
    this.d = d;
    this.p = p;
  }
}
function stripTrailingZeros(s: string): string {
  let e = s.length;
  while (e > 1 && s[e - 1] === '0') e--;
  return s.slice(0, e);
}
export function exactDecimal(x: float): Decimal {
  if (x >= 9007199254740992.0) {
    const s = intToStr(intFromFloat(x));
    return new Decimal(stripTrailingZeros(s), s.length);
  }
  let y = x;
  let j = 0;
  while (y !== Math.floor(y)) {
    y = y * 2.0;
    j++;
  }
  const big = intMul(intFromFloat(y), intPow(newInt(5), newInt(j)));
  const s = intToStr(big);
  return new Decimal(stripTrailingZeros(s), s.length - j);
}
/** Rounds digit string d to n digits (half to even on exact ties); a carry adds a digit. */
export function roundDigits(d: string, n: int): string {
  if (d.length <= n) return d + repeatStr('0', n - d.length);
  const next = d.charCodeAt(n) - 48;
  let up = next > 5;
  if (next === 5) {
    let rest = false;
    for (let i = n + 1; i < d.length; i++) if (d[i] !== '0') rest = true;
    up = rest || (n > 0 && (d.charCodeAt(n - 1) - 48) % 2 === 1);
  }
  const head = d.slice(0, n);
  if (!up) return head;
  const out: string[] = [];
  let carry = 1;
  for (let i = head.length - 1; i >= 0; i--) {
    let v = head.charCodeAt(i) - 48 + carry;
    if (v === 10) {
      v = 0;
      carry = 1;
    } else carry = 0;
    out.push(String.fromCharCode(48 + v));
  }
  if (carry === 1) out.push('1');
  out.reverse();
  return out.join('');
}
function expDigits(x: float, prec: int, upper: boolean): string {
  let digits = repeatStr('0', prec + 1);
  let exp = 0;
  if (x !== 0.0) {
    const dec = exactDecimal(x);
    digits = roundDigits(dec.d, prec + 1);
    exp = dec.p - 1;
    if (digits.length > prec + 1) {
      digits = digits.slice(0, prec + 1);
      exp++;
    }
  }
  const mant = prec > 0 ? digits[0] + '.' + digits.slice(1) : digits;
  const a = exp < 0 ? -exp : exp;
  const es = a < 10 ? '0' + String(a) : String(a);
  return mant + (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + es;
}
function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  let e = s.length;
  while (e > 0 && s[e - 1] === '0') e--;
  if (e > 0 && s[e - 1] === '.') e--;
  return s.slice(0, e);
}
/** 'g' formatting; dot0 is the no-type format with a precision, which must show a digit after
 * the point, so it switches to exponent notation one place earlier (PyOS_double_to_string's
 * Py_DTSF_ADD_DOT_0 with 'g'). */
function formatG(x: float, precIn: int, alt: boolean, upper: boolean, dot0: boolean = false): string {
  const prec = precIn === 0 ? 1 : precIn;
  if (x === 0.0) {
    return alt ? '0.' + repeatStr('0', prec - 1) : '0';
  }
  const es = expDigits(x, prec - 1, false);
  const exp = parseInt10(es.slice(es.indexOf('e') + 1));
  if (exp >= -4 && exp < (dot0 ? prec - 1 : prec)) {
    const s = fixedDigits(x, prec - 1 - exp);
    return alt ? s : stripZeros(s);
  }
  let m = expDigits(x, prec - 1, upper);
  if (!alt) {
    const ei = m.indexOf(upper ? 'E' : 'e');
    m = stripZeros(m.slice(0, ei)) + m.slice(ei);
  }
  return m;
}
function parseInt10(s: string): int {
  let i = 0;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    i = 1;
  }
  let v = 0;
  for (; i < s.length; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return neg ? -v : v;
}

export function formatFloat(x: float, sp: Spec): string {
  const t = sp.type;
  const neg = x < 0.0 || (x === 0.0 && 1.0 / x < 0.0);
  const a = neg ? -x : x;
  let body = '';
  if (Number.isNaN(x)) body = t === 'F' || t === 'E' || t === 'G' ? 'NAN' : 'nan';
  else if (a === Infinity) body = t === 'F' || t === 'E' || t === 'G' ? 'INF' : 'inf';
  else if (t === 'f' || t === 'F') body = fixedDigits(a, sp.precision < 0 ? 6 : sp.precision);
  else if (t === 'e' || t === 'E') body = expDigits(a, sp.precision < 0 ? 6 : sp.precision, t === 'E');
  // 'n' is 'g' with the locale's separators (pyvm runs in the C locale, which has none)
  else if (t === 'g' || t === 'G' || t === 'n') body = formatG(a, sp.precision < 0 ? 6 : sp.precision, sp.alt, t === 'G');
  else if (t === '%') body = fixedDigits(a * 100.0, sp.precision < 0 ? 6 : sp.precision) + '%';
  else if (t === '') {
    if (sp.precision < 0) body = floatRepr(a);
    else {
      body = formatG(a, sp.precision, sp.alt, false, true);
      if (!body.includes('.') && !body.includes('e') && !body.includes('n') && !body.includes('i')) body = body + '.0';
    }
  } else throw unknownCode(t, sp.owner === '' ? 'float' : sp.owner);
  if (sp.grouping !== '' && body.length > 0 && body[0] >= '0' && body[0] <= '9') {
    let ip = body;
    let rest = '';
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (c < '0' || c > '9') {
        ip = body.slice(0, i);
        rest = body.slice(i);
        break;
      }
    }
    // '#': a finite number always shows its decimal point (before the exponent or the '%')
    if (sp.alt && !rest.includes('.')) rest = rest.startsWith('e') || rest.startsWith('E') || rest.startsWith('%') || rest === '' ? '.' + rest : rest;
    const sign = signOf(neg && !(sp.noNeg0 && isZeroBody(body)), sp);
    if (sp.align === '=' && sp.fill === '0' && sp.width > 0) {
      // zero padding participates in grouping (as for ints): leading zeros are grouped too
      let g = group(ip, sp.grouping, 3);
      while (sign.length + g.length + rest.length < sp.width) {
        ip = '0' + ip;
        g = group(ip, sp.grouping, 3);
      }
      return sign + g + rest;
    }
    body = group(ip, sp.grouping, 3) + rest;
  }
  // '#': a finite number always shows its decimal point (before the exponent or the '%')
  if (sp.alt && !Number.isNaN(x) && a !== Infinity && !body.includes('.')) {
    let at = body.length;
    for (let i = 0; i < body.length; i++) if (body[i] === 'e' || body[i] === 'E' || body[i] === '%') at = i;
    body = body.slice(0, at) + '.' + body.slice(at);
  }
  // 'z': a value that rounds to zero loses its minus sign
  const shownNeg = neg && !Number.isNaN(x) && !(sp.noNeg0 && isZeroBody(body));
  return pad(body, signOf(shownNeg, sp), sp, '>');
}

/** One part of a complex number, unsigned: type 'r' is repr without a forced '.0'. */
function complexPart(x: float, sp: Spec, type: string): string {
  const a = Math.abs(x);
  if (type === 'r') {
    const r = floatRepr(a);
    return r.endsWith('.0') ? r.substring(0, r.length - 2) : r;
  }
  const sub = new Spec();
  sub.alt = sp.alt;
  sub.grouping = sp.grouping;
  sub.precision = sp.precision;
  sub.type = type;
  return formatFloat(a, sub);
}
/** format(complex, spec), as CPython's format_complex_internal: both parts with the spec's
 * type and precision, the imaginary one always signed; no type is like str() (parentheses,
 * and no real part when it is +0). */
function formatComplex(re: float, im: float, sp: Spec): string {
  let type = sp.type;
  if (type !== '' && type !== 'e' && type !== 'E' && type !== 'f' && type !== 'F' && type !== 'g' && type !== 'G' && type !== 'n') {
    throw unknownCode(type, sp.owner === '' ? 'complex' : sp.owner);
  }
  if (sp.alt) throw raise(ValueError, 'Alternate form (#) not allowed in complex format specifier');
  if (sp.fill === '0') throw raise(ValueError, 'Zero padding is not allowed in complex format specifier');
  if (sp.align === '=') throw raise(ValueError, "'=' alignment flag is not allowed in complex format specifier");
  let skipRe = false;
  let parens = false;
  if (type === '') {
    type = sp.precision >= 0 ? 'g' : 'r';
    if (re === 0.0 && 1.0 / re > 0.0) skipRe = true;
    else parens = true;
  }
  if (type === 'n') type = 'g';
  const reNeg = re < 0.0 || (re === 0.0 && 1.0 / re < 0.0);
  const imNeg = im < 0.0 || (im === 0.0 && 1.0 / im < 0.0);
  let body = '';
  const reBody = complexPart(re, sp, type);
  const imBody = complexPart(im, sp, type);
  // 'z': a part that rounds to zero loses its minus sign
  if (!skipRe) body = signOf(reNeg && !Number.isNaN(re) && !(sp.noNeg0 && isZeroBody(reBody)), sp) + reBody;
  const imSign = imNeg && !Number.isNaN(im) && !(sp.noNeg0 && isZeroBody(imBody)) ? '-' : skipRe ? signOf(false, sp) : '+';
  body = body + imSign + imBody + 'j';
  if (parens) body = '(' + body + ')';
  return pad(body, '', sp, '>');
}

export function formatStrSpec(s: string, sp: Spec): string {
  if (sp.type !== '' && sp.type !== 's') throw unknownCode(sp.type, sp.owner === '' ? 'str' : sp.owner);
  // CPython's format_string_internal
  if (sp.signGiven) throw raise(ValueError, sp.sign === ' ' ? 'Space not allowed in string format specifier' : 'Sign not allowed in string format specifier');
  if (sp.noNeg0) throw raise(ValueError, 'Negative zero coercion (z) not allowed in string format specifier');
  if (sp.alt) throw raise(ValueError, 'Alternate form (#) not allowed in string format specifier');
  if (sp.align === '=') throw raise(ValueError, "'=' alignment not allowed in string format specifier");
  let body = s;
  if (sp.precision >= 0 && body.length > sp.precision) body = body.slice(0, sp.precision);
  return pad(body, '', sp, '<');
}

export function formatValue(v: PyObject, spec: string): string {
  const t = v.cls;
  if (!t.isBuiltin) {
    const m = lookupType(t, '__format__');
    if (m !== null && !(m instanceof PyBuiltin)) {
      const r = callSpecial(v, '__format__', [newStr(spec)]);
      if (r === null || !(r instanceof PyStr)) throw raise(TypeError, '__format__ must return a str');
      return r.s;
    }
  }
  if (v instanceof PyStr) {
    // an empty spec gives str(v): a subclass's own __str__ (unicode__format__'s format_obj)
    if (spec === '') return t.isBuiltin ? v.s : str(v);
    return formatStrSpec(v.s, parseSpec(spec, 'str', '<', 's'));
  }
  if (spec === '') return str(v);
  if (v instanceof PyInt) {
    return formatInt(v, parseSpec(spec, typeNameOf(v), '>'));
  }
  if (v instanceof PyFloat) return formatFloat(v.v, parseSpec(spec, typeNameOf(v), '>'));
  if (v instanceof PyComplex) return formatComplex(v.re, v.im, parseSpec(spec, typeNameOf(v), '>'));
  if (!t.isBuiltin || true) {
    throw raise(TypeError, `unsupported format string passed to ${t.name}.__format__`);
  }
  return str(v);
}

export function asciiRepr(v: PyObject): string {
  const r = repr(v);
  const out: string[] = [];
  for (let i = 0; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c < 128) out.push(r[i]);
    else if (c < 256) out.push('\\x' + hex2(c));
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < r.length) {
      const d = r.charCodeAt(i + 1);
      const cp = (c - 0xd800) * 1024 + (d - 0xdc00) + 0x10000;
      out.push('\\U000' + hex2(cp >> 16).slice(1) + hex4(cp & 65535));
      i++;
    } else out.push('\\u' + hex4(c));
  }
  return out.join('');
}

// ---- % formatting ----
/** fmt % args for str, or for bytes when bytesMode (fmt and the result then hold one char per
 * byte; %s and %b take bytes-like objects or __bytes__, %r and %a give ascii(), %c a byte). */
/** '%.3d' % 5 == '005': in % formatting an integer's precision is its least number of digits
 * (the sign and the '0x' of '#' come before them, the width and its '0' fill around). */
function percentIntPrecision(v: PyInt, conv: string, sp: Spec): string {
  const neg = intSign(v) < 0;
  const a = neg ? intNeg(v) : v;
  let digits = conv === 'x' || conv === 'X' ? intToRadix(a, 16) : conv === 'o' ? intToRadix(a, 8) : intToStr(a);
  if (conv === 'X') digits = digits.toUpperCase();
  if (digits.length < sp.precision) digits = '0'.repeat(sp.precision - digits.length) + digits;
  const prefix = !sp.alt || conv === 'd' ? '' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '0o';
  return pad(digits, signOf(neg, sp) + prefix, sp, '>');
}

export function percentFormat(fmt: string, args: PyObject, bytesMode: boolean = false): string {
  let items: PyObject[] = [];
  let mapping: PyObject | null = null;
  if (args instanceof PyTuple) items = args.items;
  else {
    items = [args];
    if (args instanceof PyDict || (!args.cls.isBuiltin && lookupType(args.cls, '__getitem__') !== null && !(args instanceof PyStr))) mapping = args;
  }
  let ai = 0;
  const out: string[] = [];
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c !== '%') {
      out.push(c);
      i++;
      continue;
    }
    i++;
    if (i >= fmt.length) throw raise(ValueError, 'incomplete format');
    if (fmt[i] === '%') {
      out.push('%');
      i++;
      continue;
    }
    let key: PyObject | null = null;
    if (fmt[i] === '(') {
      // the key runs to the ')' that balances its '(' (so '%(f(o)o)s' has the key 'f(o)o')
      let end = i + 1;
      for (let depth = 1; end < fmt.length; end++) {
        if (fmt[end] === '(') depth++;
        else if (fmt[end] === ')' && --depth === 0) break;
      }
      if (end >= fmt.length) throw raise(ValueError, 'incomplete format key');
      key = bytesMode ? new PyBytes(bytesType, latin1Bytes(fmt.slice(i + 1, end))) : newStr(fmt.slice(i + 1, end));
      i = end + 1;
    }
    const sp = new Spec();
    sp.sign = '-';
    let leftAlign = false;
    while (i < fmt.length && '-+ #0'.includes(fmt[i])) {
      const f = fmt[i];
      if (f === '-') leftAlign = true;
      else if (f === '+') sp.sign = '+';
      else if (f === ' ') {
        if (sp.sign !== '+') sp.sign = ' ';
      } else if (f === '#') sp.alt = true;
      else if (f === '0') sp.zero = true;
      i++;
    }
    if (i < fmt.length && fmt[i] === '*') {
      sp.width = toIntIndex(items[ai++]);
      // a negative '*' width left-justifies, as the '-' flag (CPython's F_LJUST)
      if (sp.width < 0) {
        leftAlign = true;
        sp.width = -sp.width;
      }
      i++;
    } else {
      let w = 0;
      let hasW = false;
      while (i < fmt.length && fmt[i] >= '0' && fmt[i] <= '9') {
        w = addDigit(w, fmt.charCodeAt(i) - 48, 2147483647, 'width too big');
        hasW = true;
        i++;
      }
      if (hasW) sp.width = w;
    }
    if (i < fmt.length && fmt[i] === '.') {
      i++;
      let p = 0;
      if (i < fmt.length && fmt[i] === '*') {
        p = toIntIndex(items[ai++]);
        i++;
      } else {
        while (i < fmt.length && fmt[i] >= '0' && fmt[i] <= '9') {
          p = addDigit(p, fmt.charCodeAt(i) - 48, 2147483647, 'precision too big');
          i++;
        }
      }
      sp.precision = p;
    }
    if (i >= fmt.length) throw raise(ValueError, 'incomplete format');
    const conv = fmt[i];
    i++;
    let v: PyObject;
    if (key !== null) {
      if (mapping === null) throw raise(TypeError, 'format requires a mapping');
      v = getItem(mapping, key);
    } else {
      if (ai >= items.length) throw raise(TypeError, 'not enough arguments for format string');
      v = items[ai++];
    }
    if (leftAlign) {
      sp.align = '<';
      sp.zero = false;
    } else if (sp.zero && conv !== 's' && conv !== 'r' && conv !== 'a' && conv !== 'c') {
      sp.fill = '0';
      sp.align = '=';
    } else sp.align = '>';
    if (bytesMode && (conv === 's' || conv === 'b' || conv === 'r' || conv === 'a' || conv === 'c')) {
      let s = conv === 'r' || conv === 'a' ? asciiRepr(v) : conv === 'c' ? byteChar(v) : bytesText(v);
      if (conv !== 'c' && sp.precision >= 0 && s.length > sp.precision) s = s.slice(0, sp.precision);
      sp.precision = -1;
      sp.sign = '-';
      out.push(pad(s, '', sp, '>'));
    } else if (conv === 's' || conv === 'r' || conv === 'a') {
      let s = conv === 's' ? str(v) : conv === 'r' ? repr(v) : asciiRepr(v);
      if (sp.precision >= 0 && s.length > sp.precision) s = s.slice(0, sp.precision);
      sp.precision = -1;
      sp.sign = '-';
      out.push(pad(s, '', sp, '>'));
    } else if (conv === 'd' || conv === 'i' || conv === 'u') {
      let iv: PyInt;
      if (v instanceof PyInt) iv = v;
      else if (v instanceof PyFloat) iv = intFromFloat(v.v);
      else throw raise(TypeError, `%${conv} format: a real number is required, not ${typeName(v)}`);
      if (sp.precision >= 0) out.push(percentIntPrecision(iv, 'd', sp));
      else {
        sp.type = 'd';
        out.push(formatInt(iv, sp));
      }
    } else if (conv === 'x' || conv === 'X' || conv === 'o') {
      if (!(v instanceof PyInt)) throw raise(TypeError, `%${conv} format: an integer is required, not ${typeName(v)}`);
      if (sp.precision >= 0) out.push(percentIntPrecision(v, conv, sp));
      else {
        sp.type = conv;
        out.push(formatInt(v, sp));
      }
    } else if (conv === 'f' || conv === 'F' || conv === 'e' || conv === 'E' || conv === 'g' || conv === 'G') {
      let fv = 0.0;
      if (v instanceof PyFloat) fv = v.v;
      else if (v instanceof PyInt) fv = intToFloat(v);
      else throw raise(TypeError, `must be real number, not ${typeName(v)}`);
      sp.type = conv;
      out.push(formatFloat(fv, sp));
    } else if (conv === 'c') {
      out.push(pad(percentChar(v), '', sp, '>'));
    } else {
      throw raise(ValueError, `unsupported format character '${conv}' (0x${hex2(conv.charCodeAt(0))}) at index ${i - 1}`);
    }
  }
  if (ai < items.length && mapping === null) throw raise(TypeError, `not all arguments converted during ${bytesMode ? 'bytes' : 'string'} formatting`);
  return out.join('');
}
/** %s and %b of bytes formatting: a bytes-like object or __bytes__, as Latin-1 text. */
function bytesText(v: PyObject): string {
  let b = bytesLike(v);
  if (b === null && !(v instanceof PyStr)) {
    const r = callSpecial(v, '__bytes__', []);
    if (r !== null) {
      if (!(r instanceof PyBytes)) throw raise(TypeError, `__bytes__ returned non-bytes (type ${typeName(r)})`);
      b = r.b;
    }
  }
  if (b === null) throw raise(TypeError, `%b requires a bytes-like object, or an object that implements __bytes__, not '${typeName(v)}'`);
  const parts: string[] = [];
  for (const c of b) parts.push(String.fromCharCode(c));
  return parts.join('');
}
function latin1Bytes(s: string): int[] {
  const out: int[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}
/** %c of str formatting: a code point or a one-character str (unicode_format's formatchar). */
function percentChar(v: PyObject): string {
  if (v instanceof PyStr) {
    if (cpLen(v) !== 1) throw raise(TypeError, '%c requires int or char');
    return v.s;
  }
  if (!(v instanceof PyInt)) throw raise(TypeError, '%c requires int or char');
  if (bigOf(v) !== null || v.v < 0 || v.v > 0x10ffff) throw raise(OverflowErrorT, '%c arg not in range(0x110000)');
  return codePointToString(v.v);
}
/** %c of bytes formatting: an int in range(256) or a bytes of length 1. */
function byteChar(v: PyObject): string {
  if (v instanceof PyInt) {
    const c = bigOf(v) === null ? v.v : -1;
    if (c < 0 || c > 255) throw raise(OverflowErrorT, '%c arg not in range(256)');
    return String.fromCharCode(c);
  }
  const b = bytesLike(v);
  if (b !== null && b.length === 1 && (v instanceof PyBytes)) return String.fromCharCode(b[0]);
  throw raise(TypeError, '%c requires an integer in range(256) or a single byte');
}

// ---- str.format ----
/** CPython's AutoNumber: '{}' fields count up, and mixing them with '{0}' is an error. */
class AutoIndex {
  next: int = 0;
  /** '' until a numeric field is met, then 'auto' or 'manual' */
  state: string = '';
}
export function strFormat(fmt: string, args: PyObject[], kwnames: string[], kwvals: PyObject[]): string {
  return strFormatImpl(fmt, args, kwnames, kwvals, new AutoIndex(), null, 2);
}
/** str.format_map(mapping): named fields are looked up in any mapping (a Match, a dict with
 * __missing__) one by one, as they are met. */
export function strFormatMap(fmt: string, mapping: PyObject): string {
  return strFormatImpl(fmt, [], [], [], new AutoIndex(), mapping, 2);
}
/** CPython's build_string: depth counts down through nested specs ('{:{}}'), and a spec
 * nested twice is refused. */
function strFormatImpl(fmt: string, args: PyObject[], kwnames: string[], kwvals: PyObject[], auto: AutoIndex, mapping: PyObject | null, depth: int): string {
  if (depth <= 0) throw raise(ValueError, 'Max string recursion exceeded');
  const parsed = parseFormat(fmt);
  const out: string[] = [];
  for (const p of parsed.parts) {
    out.push(p.literal);
    if (p.name === null) continue;
    let v = fieldObject(p.name, args, kwnames, kwvals, auto, mapping);
    if (p.conversion !== null) v = convertField(v, p.conversion);
    const spec = p.spec.includes('{') ? strFormatImpl(p.spec, args, kwnames, kwvals, auto, mapping, depth - 1) : p.spec;
    out.push(formatValue(v, spec));
  }
  if (parsed.error !== '') throw raise(ValueError, parsed.error);
  return out.join('');
}
/** The object a field name names (CPython's get_field_object). */
function fieldObject(name: string, args: PyObject[], kwnames: string[], kwvals: PyObject[], auto: AutoIndex, mapping: PyObject | null): PyObject {
  const f = splitFieldName(name);
  const empty = f.first === '';
  const numbered = f.firstDigits !== '';
  // an index of more than 15 digits is past any argument list (digitsValue gives -1)
  let index = numbered ? digitsValue(f.firstDigits) : -1;
  if (empty || numbered) {
    const state = empty ? 'auto' : 'manual';
    if (auto.state === '') auto.state = state;
    else if (auto.state !== state) {
      throw raise(ValueError, empty ? 'cannot switch from manual field specification to automatic field numbering' : 'cannot switch from automatic field numbering to manual field specification');
    }
    if (empty) index = auto.next++;
  }
  let v: PyObject;
  if (!empty && !numbered) {
    if (mapping !== null) v = getItem(mapping, newStr(f.first));
    else {
      let found: PyObject | null = null;
      for (let q = 0; q < kwnames.length; q++) if (kwnames[q] === f.first) found = kwvals[q];
      if (found === null) throw new PyExc(keyError(newStr(f.first)));
      v = found;
    }
  } else {
    if (mapping !== null) throw raise(ValueError, 'Format string contains positional fields');
    if (index < 0 || index >= args.length) throw raise(IndexError, `Replacement index ${empty ? `${index}` : f.firstDigits} out of range for positional args tuple`);
    v = args[index];
  }
  for (const k of f.keys) {
    if (k.isAttr) v = getAttr(v, k.key);
    else v = getItem(v, k.digits !== '' ? digitsInt(k.digits) : newStr(k.key));
  }
  if (f.error !== '') throw raise(ValueError, f.error);
  return v;
}
/** '!r', '!s', '!a' (CPython's do_conversion). */
function convertField(v: PyObject, conv: string): PyObject {
  if (conv === 'r') return newStr(repr(v));
  if (conv === 's') return newStr(str(v));
  if (conv === 'a') return newStr(asciiRepr(v));
  const c = conv.charCodeAt(0);
  throw raise(ValueError, c > 32 && c < 127 ? `Unknown conversion specifier ${conv}` : `Unknown conversion specifier \\x${c.toString(16)}`);
}
/** The type name CPython's spec errors show (tp_name: a subclass's own name). */
function typeNameOf(v: PyObject): string {
  return v.cls.name;
}
/** A formatted float body with no non-zero digit (the exponent aside): what 'z' looks for. */
function isZeroBody(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === 'e' || c === 'E') return true;
    if (c >= '1' && c <= '9') return false;
  }
  return true;
}
