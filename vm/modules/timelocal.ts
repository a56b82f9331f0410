// Calendar time for the time module: broken-down UTC time from seconds (proleptic Gregorian, any
// year), the local time zone read as the C library does (TZ, else /etc/localtime: a TZif file
// from the zoneinfo database), and strftime's directives in the C locale.
import type { int } from '../../translate/rlib/index.ts';
import { os, floorDiv, floorMod } from '../../translate/rlib/index.ts';

/** One broken-down time: struct tm's fields as Python's struct_time numbers them (tm_mon 1-12,
 * tm_wday 0 = Monday, tm_yday 1-366), plus the zone's abbreviation and UTC offset. */
export class Tm {
  year: int = 1970;
  mon: int = 1;
  mday: int = 1;
  hour: int = 0;
  min: int = 0;
  sec: int = 0;
  wday: int = 3;
  yday: int = 1;
  isdst: int = 0;
  zone: string = 'GMT';
  gmtoff: int = 0;
}

export function isLeap(y: int): boolean {
  return floorMod(y, 4) === 0 && (floorMod(y, 100) !== 0 || floorMod(y, 400) === 0);
}
const CUM_DAYS: int[] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Days from 1970-01-01 to y-m-d (m 1-12), by Howard Hinnant's days_from_civil. */
export function daysFromCivil(yIn: int, m: int, d: int): int {
  const y = m <= 2 ? yIn - 1 : yIn;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = floorDiv(153 * mp + 2, 5) + d - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The UTC broken-down time of secs since the epoch. */
export function gmTm(secs: int): Tm {
  const t = new Tm();
  const days = floorDiv(secs, 86400);
  const rem = secs - days * 86400;
  t.hour = floorDiv(rem, 3600);
  t.min = floorDiv(rem - t.hour * 3600, 60);
  t.sec = rem - t.hour * 3600 - t.min * 60;
  // civil_from_days
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  t.mday = doy - floorDiv(153 * mp + 2, 5) + 1;
  t.mon = mp < 10 ? mp + 3 : mp - 9;
  t.year = yoe + era * 400 + (t.mon <= 2 ? 1 : 0);
  t.wday = floorMod(days + 3, 7);
  t.yday = CUM_DAYS[t.mon - 1] + t.mday + (t.mon > 2 && isLeap(t.year) ? 1 : 0);
  return t;
}

/** The local zone: transition times with the type in force from each, and the types. */
class Zone {
  loaded: boolean = false;
  times: int[] = [];
  idx: int[] = [];
  offs: int[] = [];
  dst: int[] = [];
  abbrs: string[] = [];
}
const ZONE = new Zone();

function be(b: int[], at: int, n: int): int {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + b[at + i];
  // sign-extend
  if (n === 4 && v >= 2147483648) v -= 4294967296;
  if (n === 8 && b[at] >= 128) {
    // two's complement of a negative 64-bit value, built from its halves to stay in range
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < 4; i++) hi = hi * 256 + b[at + i];
    for (let i = 4; i < 8; i++) lo = lo * 256 + b[at + i];
    v = (hi - 4294967296) * 4294967296 + lo;
  }
  return v;
}

/** Reads a TZif file (RFC 8536); the 64-bit block when the file has one. False if not TZif. */
function readTzif(b: int[]): boolean {
  if (b.length < 44 || b[0] !== 84 || b[1] !== 90 || b[2] !== 105 || b[3] !== 102) return false;
  let at = 0;
  let size = 4;
  if (b[4] >= 50) {
    // skip the 32-bit block to the second header
    const isut = be(b, 20, 4);
    const isstd = be(b, 24, 4);
    const leap = be(b, 28, 4);
    const timecnt = be(b, 32, 4);
    const typecnt = be(b, 36, 4);
    const charcnt = be(b, 40, 4);
    at = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    size = 8;
    if (at + 44 > b.length) return false;
  }
  const leap = be(b, at + 28, 4);
  const timecnt = be(b, at + 32, 4);
  const typecnt = be(b, at + 36, 4);
  const charcnt = be(b, at + 40, 4);
  let p = at + 44;
  if (p + timecnt * (size + 1) + typecnt * 6 + charcnt > b.length) return false;
  for (let i = 0; i < timecnt; i++) ZONE.times.push(be(b, p + i * size, size));
  p += timecnt * size;
  for (let i = 0; i < timecnt; i++) ZONE.idx.push(b[p + i]);
  p += timecnt;
  const abbrAt: int[] = [];
  for (let i = 0; i < typecnt; i++) {
    ZONE.offs.push(be(b, p, 4));
    ZONE.dst.push(b[p + 4]);
    abbrAt.push(b[p + 5]);
    p += 6;
  }
  for (let i = 0; i < typecnt; i++) {
    let s = '';
    for (let j = p + abbrAt[i]; j < p + charcnt && b[j] !== 0; j++) s += String.fromCharCode(b[j]);
    ZONE.abbrs.push(s);
  }
  if (leap < 0) return false;
  return typecnt > 0;
}

function loadZone(): void {
  if (ZONE.loaded) return;
  ZONE.loaded = true;
  let tz = os.getenv('TZ');
  let path = '/etc/localtime';
  if (tz !== null) {
    if (tz.startsWith(':')) tz = tz.slice(1);
    path = tz.startsWith('/') ? tz : '/usr/share/zoneinfo/' + (tz === '' ? 'UTC' : tz);
  }
  const bytes = os.readFileBytes(path);
  if (bytes !== null && readTzif(bytes)) return;
  ZONE.times = [];
  ZONE.idx = [];
  ZONE.offs = [0];
  ZONE.dst = [0];
  // glibc names an unknown zone after itself (TZ=Foo: "Foo"), else UTC
  ZONE.abbrs = [tz !== null && tz.length >= 3 && isAlpha(tz) ? tz : 'UTC'];
}

function isAlpha(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** The zone type in force at secs. */
function typeAt(secs: int): int {
  loadZone();
  const n = ZONE.times.length;
  if (n === 0 || secs < ZONE.times[0]) {
    // before the first transition: the first standard-time type
    for (let i = 0; i < ZONE.dst.length; i++) if (ZONE.dst[i] === 0) return i;
    return 0;
  }
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = floorDiv(lo + hi + 1, 2);
    if (ZONE.times[mid] <= secs) lo = mid;
    else hi = mid - 1;
  }
  return ZONE.idx[lo];
}

export function localTm(secs: int): Tm {
  const ty = typeAt(secs);
  const t = gmTm(secs + ZONE.offs[ty]);
  t.isdst = ZONE.dst[ty];
  t.zone = ZONE.abbrs[ty];
  t.gmtoff = ZONE.offs[ty];
  return t;
}

/** mktime: the seconds of a local broken-down time (fields may be out of range, as in C);
 * isdst -1 lets the zone decide, else an ambiguous or skipped time takes that side. */
export function mkTime(year: int, mon: int, mday: int, hour: int, min: int, sec: int, isdst: int): int {
  const y = year + floorDiv(mon - 1, 12);
  const m = floorMod(mon - 1, 12) + 1;
  const local = daysFromCivil(y, m, 1) * 86400 + (mday - 1) * 86400 + hour * 3600 + min * 60 + sec;
  let best = local - localTm(local).gmtoff;
  // the offset at the result may differ (near a transition): settle it, preferring isdst's side
  for (let i = 0; i < 2; i++) {
    const t = localTm(best);
    const cand = local - t.gmtoff;
    if (cand === best) break;
    best = cand;
  }
  if (isdst >= 0) {
    const t = localTm(best);
    if (t.isdst !== (isdst > 0 ? 1 : 0)) {
      for (let i = 0; i < ZONE.offs.length; i++) {
        if (ZONE.dst[i] === (isdst > 0 ? 1 : 0)) {
          const cand = local - ZONE.offs[i];
          if (localTm(cand).isdst === ZONE.dst[i]) return cand;
        }
      }
    }
  }
  return best;
}

/** time.timezone, altzone, daylight and tzname, as CPython finds them: from the local zone in
 * January and July of the current year. */
export class ZoneFacts {
  timezone: int = 0;
  altzone: int = 0;
  daylight: int = 0;
  stdName: string = 'UTC';
  dstName: string = 'UTC';
}
export function zoneFacts(now: int): ZoneFacts {
  const y = gmTm(now).year;
  const jan = localTm(daysFromCivil(y, 1, 1) * 86400);
  const jul = localTm(daysFromCivil(y, 7, 1) * 86400);
  // the southern hemisphere has its summer in January
  const std = jan.isdst !== 0 && jul.isdst === 0 ? jul : jan;
  const dst = std === jul ? jan : jul;
  const f = new ZoneFacts();
  f.timezone = -std.gmtoff;
  f.altzone = -dst.gmtoff;
  f.daylight = std.gmtoff !== dst.gmtoff ? 1 : 0;
  f.stdName = std.zone;
  f.dstName = dst.zone;
  return f;
}

const DAYS: string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS: string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pad(v: int, width: int, fill: string): string {
  let s = String(v < 0 ? -v : v);
  while (s.length < width) s = fill + s;
  return v < 0 ? '-' + s : s;
}

/** ISO 8601 week-based year and week of t. */
function isoWeek(t: Tm): int[] {
  const wdayMon = t.wday; // 0 = Monday
  let year = t.year;
  // Thursday of this week decides the year
  const thursdayYday = t.yday - 1 - wdayMon + 3;
  const yearLen = isLeap(year) ? 366 : 365;
  let week = 0;
  if (thursdayYday < 0) {
    year -= 1;
    const prevLen = isLeap(year) ? 366 : 365;
    week = floorDiv(thursdayYday + prevLen, 7) + 1;
  } else if (thursdayYday >= yearLen) {
    year += 1;
    week = 1;
  } else {
    week = floorDiv(thursdayYday, 7) + 1;
  }
  return [year, week];
}

/** strftime in the C locale (glibc's output for each directive; an unknown one is copied). */
export function strftime(fmt: string, t: Tm): string {
  let out = '';
  const sunday0 = floorMod(t.wday + 1, 7);
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const d = fmt[++i];
    switch (d) {
      case 'a': out += DAYS[t.wday].slice(0, 3); break;
      case 'A': out += DAYS[t.wday]; break;
      case 'b': case 'h': out += MONTHS[t.mon - 1].slice(0, 3); break;
      case 'B': out += MONTHS[t.mon - 1]; break;
      case 'c': out += strftime('%a %b %e %H:%M:%S %Y', t); break;
      case 'C': out += pad(floorDiv(t.year, 100), 2, '0'); break;
      case 'd': out += pad(t.mday, 2, '0'); break;
      case 'D': out += strftime('%m/%d/%y', t); break;
      case 'e': out += pad(t.mday, 2, ' '); break;
      case 'F': out += strftime('%Y-%m-%d', t); break;
      case 'G': out += String(isoWeek(t)[0]); break;
      case 'g': out += pad(floorMod(isoWeek(t)[0], 100), 2, '0'); break;
      case 'H': out += pad(t.hour, 2, '0'); break;
      case 'I': out += pad(t.hour % 12 === 0 ? 12 : t.hour % 12, 2, '0'); break;
      case 'j': out += pad(t.yday, 3, '0'); break;
      case 'k': out += pad(t.hour, 2, ' '); break;
      case 'l': out += pad(t.hour % 12 === 0 ? 12 : t.hour % 12, 2, ' '); break;
      case 'm': out += pad(t.mon, 2, '0'); break;
      case 'M': out += pad(t.min, 2, '0'); break;
      case 'n': out += '\n'; break;
      case 'p': out += t.hour < 12 ? 'AM' : 'PM'; break;
      case 'P': out += t.hour < 12 ? 'am' : 'pm'; break;
      case 'r': out += strftime('%I:%M:%S %p', t); break;
      case 'R': out += strftime('%H:%M', t); break;
      case 's': out += String(mkTime(t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.isdst)); break;
      case 'S': out += pad(t.sec, 2, '0'); break;
      case 't': out += '\t'; break;
      case 'T': out += strftime('%H:%M:%S', t); break;
      case 'u': out += String(t.wday + 1); break;
      case 'U': out += pad(floorDiv(t.yday - 1 + 7 - sunday0, 7), 2, '0'); break;
      case 'V': out += pad(isoWeek(t)[1], 2, '0'); break;
      case 'w': out += String(sunday0); break;
      case 'W': out += pad(floorDiv(t.yday - 1 + 7 - t.wday, 7), 2, '0'); break;
      case 'x': out += strftime('%m/%d/%y', t); break;
      case 'X': out += strftime('%H:%M:%S', t); break;
      case 'y': out += pad(floorMod(t.year, 100), 2, '0'); break;
      case 'Y': out += String(t.year); break;
      case 'z': {
        const o = t.gmtoff;
        const a = o < 0 ? -o : o;
        out += (o < 0 ? '-' : '+') + pad(floorDiv(a, 3600), 2, '0') + pad(floorDiv(floorMod(a, 3600), 60), 2, '0');
        break;
      }
      case 'Z': out += t.zone; break;
      case '%': out += '%'; break;
      default: out += '%' + d;
    }
  }
  return out;
}
