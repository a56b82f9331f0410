// binascii's uu and quoted-printable codecs: the byte-level algorithms of CPython's
// Modules/binascii.c (a2b_uu, b2a_uu, a2b_qp, b2a_qp), kept step for step so that odd input
// (missing data, padding characters, CRLF detection) comes out byte for byte as CPython's.
// Errors are thrown as UuError with CPython's message; binascii.ts raises them as binascii.Error.
import type { int } from '../../translate/rlib/index.ts';

/** A binascii.Error to raise, with its message. */
export class UuError extends Error {
  msg: string;
  constructor(msg: string) {
    super(msg);
    this.msg = msg;
  }
}

const SPACE = 32;
const BACKTICK = 96;
const NL = 10;
const CR = 13;
const EQ = 61;
const UNDERSCORE = 95;
const TAB = 9;
const DOT = 46;
const HEX_UPPER = '0123456789ABCDEF';
/** The longest line b2a_qp writes, its soft line break included. */
const MAXLINESIZE = 76;
/** The most bytes one uuencoded line holds. */
export const UU_LINE_MAX = 45;

/** One uuencoded line back to its bytes. Its first character gives the length; missing data
 * is zeros (spaces eaten at a line's end), and only whitespace or '`' may follow the data. */
export function a2bUu(s: int[]): int[] {
  // an empty line reads as a NUL length byte, as CPython reads its terminating NUL
  const first = s.length > 0 ? s[0] : 0;
  let binLen = (first - SPACE) & 63;
  const out: int[] = [];
  let leftchar = 0;
  let leftbits = 0;
  let i = 1;
  for (; binLen > 0; i++) {
    let ch = i < s.length ? s[i] : 0;
    if (ch === NL || ch === CR || i >= s.length) {
      ch = 0;
    } else {
      // 64 rather than 63: some encoders write '`' for zero
      if (ch < SPACE || ch > SPACE + 64) throw new UuError('Illegal char');
      ch = (ch - SPACE) & 63;
    }
    leftchar = (leftchar << 6) | ch;
    leftbits += 6;
    if (leftbits >= 8) {
      leftbits -= 8;
      out.push((leftchar >> leftbits) & 255);
      leftchar &= (1 << leftbits) - 1;
      binLen--;
    }
  }
  for (; i < s.length; i++) {
    const ch = s[i];
    if (ch !== SPACE && ch !== SPACE + 64 && ch !== NL && ch !== CR) throw new UuError('Trailing garbage');
  }
  return out;
}

/** At most 45 bytes as one uuencoded line, with its newline; backtick writes zeros as '`'. */
export function b2aUu(data: int[], backtick: boolean): int[] {
  if (data.length > UU_LINE_MAX) throw new UuError('At most 45 bytes at once');
  const out: int[] = [];
  out.push(backtick && data.length === 0 ? BACKTICK : SPACE + data.length);
  let leftchar = 0;
  let leftbits = 0;
  for (let i = 0; i < data.length || leftbits !== 0; i++) {
    leftchar = i < data.length ? ((leftchar << 8) | data[i]) & 0xffff : (leftchar << 8) & 0xffff;
    leftbits += 8;
    while (leftbits >= 6) {
      const ch = (leftchar >> (leftbits - 6)) & 63;
      leftbits -= 6;
      out.push(backtick && ch === 0 ? BACKTICK : ch + SPACE);
    }
  }
  out.push(NL);
  return out;
}

function isHexDigit(c: int): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function hexDigitValue(c: int): int {
  if (c <= 57) return c - 48;
  if (c <= 70) return c - 55;
  return c - 87;
}

/** Quoted-printable text back to bytes: '=XX' escapes, '=' line ends (soft breaks), and in
 * headers '_' for a space. A '=' that starts no escape stays as it is. */
export function a2bQp(s: int[], header: boolean): int[] {
  const out: int[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === EQ) {
      i++;
      if (i >= s.length) break;
      if (s[i] === NL || s[i] === CR) {
        // a soft line break: skip to the end of the line
        if (s[i] !== NL) while (i < s.length && s[i] !== NL) i++;
        if (i < s.length) i++;
      } else if (s[i] === EQ) {
        // '==' as written by old broken encoders
        out.push(EQ);
        i++;
      } else if (i + 1 < s.length && isHexDigit(s[i]) && isHexDigit(s[i + 1])) {
        out.push((hexDigitValue(s[i]) << 4) | hexDigitValue(s[i + 1]));
        i += 2;
      } else {
        out.push(EQ);
      }
    } else if (header && c === UNDERSCORE) {
      out.push(SPACE);
      i++;
    } else {
      out.push(c);
      i++;
    }
  }
  return out;
}

/** Whether b2a_qp writes data[i] as an '=XX' escape. */
function qpNeedsEscape(data: int[], i: int, lineLen: int, quotetabs: boolean, istext: boolean, header: boolean): boolean {
  const c = data[i];
  const last = i + 1 === data.length;
  if (c > 126 || c === EQ || (header && c === UNDERSCORE)) return true;
  // a lone '.' on a line would end an SMTP message
  if (c === DOT && lineLen === 0 && (last || data[i + 1] === NL || data[i + 1] === CR || data[i + 1] === 0)) return true;
  if (!istext && (c === CR || c === NL)) return true;
  // whitespace at the very end would be lost by mail transports
  if ((c === TAB || c === SPACE) && last) return true;
  return c < 33 && c !== CR && c !== NL && (quotetabs || (c !== TAB && c !== SPACE));
}
function pushHex(out: int[], c: int): void {
  out.push(HEX_UPPER.charCodeAt(c >> 4));
  out.push(HEX_UPPER.charCodeAt(c & 15));
}
function softBreak(out: int[], crlf: boolean): void {
  out.push(EQ);
  if (crlf) out.push(CR);
  out.push(NL);
}

/** Bytes as quoted-printable text, lines kept under 76 characters by soft breaks. Line ends
 * are written as the first one in data is (CRLF or LF). */
export function b2aQp(data: int[], quotetabs: boolean, istext: boolean, header: boolean): int[] {
  const nl = data.indexOf(NL);
  const crlf = nl > 0 && data[nl - 1] === CR;
  const out: int[] = [];
  let lineLen = 0;
  let i = 0;
  while (i < data.length) {
    const c = data[i];
    if (qpNeedsEscape(data, i, lineLen, quotetabs, istext, header)) {
      if (lineLen + 3 >= MAXLINESIZE) {
        softBreak(out, crlf);
        lineLen = 0;
      }
      out.push(EQ);
      pushHex(out, c);
      i++;
      lineLen += 3;
    } else if (istext && (c === NL || (i + 1 < data.length && c === CR && data[i + 1] === NL))) {
      lineLen = 0;
      // whitespace before a line end is escaped, as transports strip it
      const n = out.length;
      if (n > 0 && (out[n - 1] === SPACE || out[n - 1] === TAB)) {
        const ws = out[n - 1];
        out[n - 1] = EQ;
        pushHex(out, ws);
      }
      if (crlf) out.push(CR);
      out.push(NL);
      i += c === CR ? 2 : 1;
    } else {
      if (i + 1 !== data.length && data[i + 1] !== NL && lineLen + 1 >= MAXLINESIZE) {
        softBreak(out, crlf);
        lineLen = 0;
      }
      lineLen++;
      out.push(header && c === SPACE ? UNDERSCORE : c);
      i++;
    }
  }
  return out;
}
