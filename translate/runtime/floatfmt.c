/* Float <-> string: JS Number::toString, Python repr(float), JS toFixed, and parsing.
 *
 * Shortest round-trip digits come from the C library's correctly rounded "%.*e" and a
 * correctly rounded strtod (glibc's, else our own, exact with a bignum): a normal double needs 15 digits or fewer exactly when its 15-digit rounding
 * round-trips (15-digit decimals map to distinct doubles), in which case that rounding
 * with trailing zeros dropped is the shortest (and closest) form; otherwise 16 or 17
 * digits are tried. Subnormals simply try every precision from 1 up. toFixed is exact,
 * done with a small bignum, so it does not depend on the C library's rounding of ties. */
#if defined(_WIN32) && !defined(__USE_MINGW_ANSI_STDIO)
#define __USE_MINGW_ANSI_STDIO 1 /* C99-conforming, correctly rounded printf on mingw */
#endif
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rts_internal.h"

/* ---- a small bignum (unsigned, 32-bit limbs, little-endian) ---- */

#define BN_LIMBS 160 /* 5120 bits: the largest value below is under 2^3900 */
typedef struct bn {
  uint32_t d[BN_LIMBS];
  int n; /* limbs in use; d[n-1] != 0 unless n == 0 */
} bn;

static void bn_overflow(void) { rts_fatal("floatfmt: bignum overflow"); }

static void bn_set_u64(bn *a, uint64_t v) {
  a->d[0] = (uint32_t)v;
  a->d[1] = (uint32_t)(v >> 32);
  a->n = a->d[1] ? 2 : a->d[0] ? 1 : 0;
}

static void bn_mul_small(bn *a, uint32_t m) {
  uint64_t carry = 0;
  for (int i = 0; i < a->n; i++) {
    uint64_t t = (uint64_t)a->d[i] * m + carry;
    a->d[i] = (uint32_t)t;
    carry = t >> 32;
  }
  if (carry) {
    if (a->n == BN_LIMBS) bn_overflow();
    a->d[a->n++] = (uint32_t)carry;
  }
}

static void bn_mul_pow10(bn *a, int n) {
  for (; n >= 9; n -= 9) bn_mul_small(a, 1000000000u);
  static const uint32_t p10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
  if (n > 0) bn_mul_small(a, p10[n]);
}

__attribute__((unused)) static int bn_cmp(const bn *a, const bn *b) {
  if (a->n != b->n) return a->n < b->n ? -1 : 1;
  for (int i = a->n - 1; i >= 0; i--)
    if (a->d[i] != b->d[i]) return a->d[i] < b->d[i] ? -1 : 1;
  return 0;
}

static void bn_shl(bn *a, int s) {
  if (a->n == 0) return;
  int w = s / 32, b = s % 32;
  int n = a->n + w + 1;
  if (n > BN_LIMBS) bn_overflow();
  for (int i = n - 1; i >= 0; i--) {
    int j = i - w;
    uint32_t hi = (j >= 0 && j < a->n) ? a->d[j] : 0;
    uint32_t lo = (j - 1 >= 0 && j - 1 < a->n) ? a->d[j - 1] : 0;
    a->d[i] = b ? (hi << b) | (lo >> (32 - b)) : hi;
  }
  a->n = n;
  while (a->n && a->d[a->n - 1] == 0) a->n--;
}

static int bn_bit(const bn *a, int i) {
  int w = i / 32;
  return w < a->n ? (int)((a->d[w] >> (i % 32)) & 1) : 0;
}

static void bn_shr(bn *a, int s) {
  int w = s / 32, b = s % 32;
  if (w >= a->n) {
    a->n = 0;
    return;
  }
  int n = a->n - w;
  for (int i = 0; i < n; i++) {
    uint32_t lo = a->d[i + w];
    uint32_t hi = (i + w + 1 < a->n) ? a->d[i + w + 1] : 0;
    a->d[i] = b ? (lo >> b) | (hi << (32 - b)) : lo;
  }
  a->n = n;
  while (a->n && a->d[a->n - 1] == 0) a->n--;
}

static void bn_add_small(bn *a, uint32_t v) {
  uint64_t carry = v;
  for (int i = 0; i < a->n && carry; i++) {
    uint64_t t = (uint64_t)a->d[i] + carry;
    a->d[i] = (uint32_t)t;
    carry = t >> 32;
  }
  if (carry) {
    if (a->n == BN_LIMBS) bn_overflow();
    a->d[a->n++] = (uint32_t)carry;
  }
}

static uint32_t bn_divmod_small(bn *a, uint32_t m) {
  uint64_t r = 0;
  for (int i = a->n - 1; i >= 0; i--) {
    uint64_t t = (r << 32) | a->d[i];
    a->d[i] = (uint32_t)(t / m);
    r = t % m;
  }
  while (a->n && a->d[a->n - 1] == 0) a->n--;
  return (uint32_t)r;
}


/* ---- decimal to double, correctly rounded ---- */

/* glibc's strtod is exact; elsewhere (mingw's misrounds next to powers of two) the
 * platform's result is only an estimate, refined exactly. -DRTS_EXACT_STRTOD=1 forces
 * the refinement (for testing it on glibc). */
#ifndef RTS_EXACT_STRTOD
#if defined(__GLIBC__)
#define RTS_EXACT_STRTOD 0
#else
#define RTS_EXACT_STRTOD 1
#endif
#endif

#if RTS_EXACT_STRTOD

/* Compares D * 10^e10 (plus a nonzero tail when sticky) with M * 2^k. */
static int cmp_dec_bin(const bn *D, int e10, bool sticky, uint64_t M, int k) {
  bn a = *D, b;
  bn_set_u64(&b, M);
  if (e10 >= 0)
    bn_mul_pow10(&a, e10);
  else
    bn_mul_pow10(&b, -e10);
  if (k >= 0)
    bn_shl(&b, k);
  else
    bn_shl(&a, -k);
  int c = bn_cmp(&a, &b);
  return c == 0 && sticky ? 1 : c;
}

/* Rounds D * 10^e10 (D has nd > 0 significant digits, no trailing zeros) to the nearest
 * double, ties to even, starting from an estimate y that is at most a few ulps off. */
static double refine(const char *dig, int nd, int e10, bool sticky, double y) {
  bn D = {{0}, 0};
  for (int i = 0; i < nd;) {
    uint32_t chunk = 0, mul = 1;
    for (int j = 0; j < 9 && i < nd; j++, i++) {
      chunk = chunk * 10 + (uint32_t)(dig[i] - '0');
      mul *= 10;
    }
    bn_mul_small(&D, mul);
    if (D.n == 0 && chunk) {
      D.d[0] = chunk;
      D.n = 1;
    } else {
      bn_add_small(&D, chunk);
    }
  }
  if (!(y >= 0)) y = 0;
  if (isinf(y)) { /* inf, unless below the midpoint of DBL_MAX and 2^1024 */
    if (cmp_dec_bin(&D, e10, sticky, (1ull << 54) - 1, 970) >= 0) return INFINITY;
    y = DBL_MAX;
  }
  for (int iter = 0; iter < 200; iter++) {
    uint64_t bits;
    memcpy(&bits, &y, 8);
    int ef = (int)(bits >> 52);
    uint64_t m = bits & ((1ull << 52) - 1);
    int q = -1074;
    if (ef) {
      m |= 1ull << 52;
      q = ef - 1075;
    }
    /* above the midpoint with the next double up (ties go to the even mantissa) */
    int c = cmp_dec_bin(&D, e10, sticky, 2 * m + 1, q - 1);
    if (c > 0 || (c == 0 && (m & 1))) {
      if (y == DBL_MAX) return INFINITY;
      y = nextafter(y, INFINITY);
      continue;
    }
    if (y == 0) break;
    /* below the midpoint with the next double down (half as far above a power of two) */
    if (m == (1ull << 52) && ef > 1)
      c = cmp_dec_bin(&D, e10, sticky, 4 * m - 1, q - 2);
    else
      c = cmp_dec_bin(&D, e10, sticky, 2 * m - 1, q - 1);
    if (c < 0 || (c == 0 && (m & 1))) {
      y = nextafter(y, 0);
      continue;
    }
    break;
  }
  return y;
}

#endif

/* strtod for the syntax [+-] digits [. digits] [e [+-] digits], correctly rounded. */
static double dec_to_double(const char *s) {
#if !RTS_EXACT_STRTOD
  return strtod(s, NULL);
#else
  static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char *p = s;
  bool neg = false;
  if (*p == '+' || *p == '-') neg = *p++ == '-';
  char dig[800];
  int nd = 0;
  bool sticky = false;
  long e10 = 0;
  for (; *p >= '0' && *p <= '9'; p++) {
    if (nd == 0 && *p == '0') continue;
    if (nd < (int)sizeof dig)
      dig[nd++] = *p;
    else {
      sticky |= *p != '0';
      e10++;
    }
  }
  if (*p == '.')
    for (p++; *p >= '0' && *p <= '9'; p++) {
      if (nd == 0 && *p == '0') {
        e10--;
        continue;
      }
      if (nd < (int)sizeof dig) {
        dig[nd++] = *p;
        e10--;
      } else {
        sticky |= *p != '0';
      }
    }
  if (*p == 'e' || *p == 'E') {
    p++;
    bool eneg = false;
    if (*p == '+' || *p == '-') eneg = *p++ == '-';
    long ex = 0;
    for (; *p >= '0' && *p <= '9'; p++)
      if (ex < 100000) ex = ex * 10 + (*p - '0');
    e10 += eneg ? -ex : ex;
  }
  while (nd > 0 && dig[nd - 1] == '0') {
    nd--;
    e10++;
  }
  double r;
  long lead = nd - 1 + e10; /* decimal exponent of the leading digit */
  if (nd == 0 || lead < -330) {
    r = 0;
  } else if (lead > 310) {
    r = INFINITY;
  } else if (nd <= 15 && !sticky && e10 >= -22 && e10 <= 22) {
    int64_t v = 0; /* exact integer and power of ten: one correctly rounded operation */
    for (int i = 0; i < nd; i++) v = v * 10 + (dig[i] - '0');
    r = e10 >= 0 ? (double)v * p10[e10] : (double)v / p10[-e10];
  } else {
    r = refine(dig, nd, (int)e10, sticky, fabs(strtod(s, NULL)));
  }
  return neg ? -r : r;
#endif
}

/* ---- shortest digits ---- */

/* Formats x (> 0, finite) rounded to prec+1 significant digits: fills digits (all prec+1
 * of them, NUL-terminated) and *e10 (x ~ d.ddd * 10^e10); returns whether the printed
 * value reads back as x. */
static bool digits_at(double x, int prec, char *digits, int *e10) {
  char buf[48];
  snprintf(buf, sizeof buf, "%.*e", prec, x);
  bool exact = dec_to_double(buf) == x;
  int k = 0;
  const char *p = buf;
  for (; *p && *p != 'e' && *p != 'E'; p++)
    if (*p >= '0' && *p <= '9') digits[k++] = *p;
  digits[k] = 0;
  *e10 = *p ? atoi(p + 1) : 0;
  return exact;
}

/* The next decimal up from digits (n digits) * 10^e10, checked for reading back as x. */
static bool next_up(double x, char *digits, int n, int *e10) {
  int i = n - 1;
  while (i >= 0 && digits[i] == '9') digits[i--] = '0';
  if (i < 0) {
    digits[0] = '1';
    (*e10)++;
  } else {
    digits[i]++;
  }
  char buf[48], *o = buf;
  *o++ = digits[0];
  *o++ = '.';
  memcpy(o, digits + 1, (size_t)(n - 1));
  o += n - 1;
  snprintf(o, 12, "e%d", *e10);
  return dec_to_double(buf) == x;
}

static int strip(char *digits) {
  int k = (int)strlen(digits);
  while (k > 1 && digits[k - 1] == '0') k--;
  digits[k] = 0;
  return k;
}

/* Rounds x to prec+1 digits; if that does not read back as x, but is below x and up is
 * set, tries the decimal just above instead. */
static bool try_prec(double x, int prec, char *digits, int *e10, bool up) {
  if (digits_at(x, prec, digits, e10)) return true;
  if (!up || prec >= 16) return false;
  char buf[48];
  snprintf(buf, sizeof buf, "%c.%se%d", digits[0], digits + 1, *e10);
  if (!(dec_to_double(buf) < x)) return false;
  char save[24];
  int se = *e10;
  memcpy(save, digits, sizeof save);
  if (next_up(x, digits, prec + 1, e10)) return true;
  memcpy(digits, save, sizeof save);
  *e10 = se;
  return false;
}

/* Shortest digits that read back as x (> 0, finite), closest to x among those; returns
 * the digit count, fills digits and *e10 (x ~ d.ddd * 10^e10). */
int rts_float_shortest(double x, char *digits, int *e10);
int rts_float_shortest(double x, char *digits, int *e10) {
  uint64_t bits;
  memcpy(&bits, &x, 8);
  if (x >= DBL_MIN && (bits & 0xFFFFFFFFFFFFFull) != 0) {
    /* symmetric rounding interval: the closest p-digit decimal is the only candidate */
    if (digits_at(x, 14, digits, e10)) return strip(digits);
    if (digits_at(x, 15, digits, e10)) return strip(digits);
    digits_at(x, 16, digits, e10);
    return strip(digits);
  }
  /* a power of two (whose interval is narrower below) or a subnormal: try every precision,
   * and the decimal just above the closest one when that one falls below the interval */
  for (int prec = 0; prec < 16; prec++)
    if (try_prec(x, prec, digits, e10, true)) return strip(digits);
  digits_at(x, 16, digits, e10);
  return strip(digits);
}

/* Reference version (every precision from 1 up for every x), for tests. */
int rts_float_shortest_slow(double x, char *digits, int *e10);
int rts_float_shortest_slow(double x, char *digits, int *e10) {
  for (int prec = 0; prec < 16; prec++)
    if (try_prec(x, prec, digits, e10, true)) return strip(digits);
  digits_at(x, 16, digits, e10);
  return strip(digits);
}

static rts_str *ascii(const char *s) { return rts_str_from_ascii(s, (int64_t)strlen(s)); }

static char *put_exp(char *o, int e, int min_digits) {
  *o++ = e < 0 ? '-' : '+';
  if (e < 0) e = -e;
  char t[8];
  int n = 0;
  do {
    t[n++] = (char)('0' + e % 10);
    e /= 10;
  } while (e);
  while (n < min_digits) t[n++] = '0';
  while (n) *o++ = t[--n];
  return o;
}

rts_str *rts_str_from_float(double v) {
  if (v != v) return ascii("NaN");
  if (v == 0) return ascii("0");
  if (isinf(v)) return ascii(v < 0 ? "-Infinity" : "Infinity");
  char d[24], buf[64], *o = buf;
  int e10;
  if (v < 0) {
    *o++ = '-';
    v = -v;
  }
  int k = rts_float_shortest(v, d, &e10);
  int n = e10 + 1;
  if (k <= n && n <= 21) {
    memcpy(o, d, (size_t)k);
    o += k;
    for (int i = k; i < n; i++) *o++ = '0';
  } else if (0 < n && n <= 21) {
    memcpy(o, d, (size_t)n);
    o += n;
    *o++ = '.';
    memcpy(o, d + n, (size_t)(k - n));
    o += k - n;
  } else if (-6 < n && n <= 0) {
    *o++ = '0';
    *o++ = '.';
    for (int i = 0; i < -n; i++) *o++ = '0';
    memcpy(o, d, (size_t)k);
    o += k;
  } else {
    *o++ = d[0];
    if (k > 1) {
      *o++ = '.';
      memcpy(o, d + 1, (size_t)(k - 1));
      o += k - 1;
    }
    *o++ = 'e';
    o = put_exp(o, n - 1, 1);
  }
  return rts_str_from_ascii(buf, o - buf);
}

rts_str *rts_float_repr(double v) {
  if (v != v) return ascii("nan");
  if (isinf(v)) return ascii(v < 0 ? "-inf" : "inf");
  if (v == 0) return ascii(signbit(v) ? "-0.0" : "0.0");
  char d[24], buf[64], *o = buf;
  int e10;
  if (v < 0) {
    *o++ = '-';
    v = -v;
  }
  int k = rts_float_shortest(v, d, &e10);
  if (e10 >= -4 && e10 < 16) {
    int n = e10 + 1; /* digits before the point */
    if (n <= 0) {
      *o++ = '0';
      *o++ = '.';
      for (int i = 0; i < -n; i++) *o++ = '0';
      memcpy(o, d, (size_t)k);
      o += k;
    } else if (n >= k) {
      memcpy(o, d, (size_t)k);
      o += k;
      for (int i = k; i < n; i++) *o++ = '0';
      *o++ = '.';
      *o++ = '0';
    } else {
      memcpy(o, d, (size_t)n);
      o += n;
      *o++ = '.';
      memcpy(o, d + n, (size_t)(k - n));
      o += k - n;
    }
  } else {
    *o++ = d[0];
    if (k > 1) {
      *o++ = '.';
      memcpy(o, d + 1, (size_t)(k - 1));
      o += k - 1;
    }
    *o++ = 'e';
    o = put_exp(o, e10, 2);
  }
  return rts_str_from_ascii(buf, o - buf);
}

/* ---- toFixed (exact) ---- */

rts_str *rts_float_to_fixed(double v, int64_t digits) {
  if (digits < 0 || digits > 100) rts_fatal("toFixed() digits argument must be between 0 and 100");
  if (v != v) return ascii("NaN");
  if (fabs(v) >= 1e21) return rts_str_from_float(v);
  int f = (int)digits;
  bool neg = v < 0;
  if (neg) v = -v;
  bn a = {{0}, 0};
  int e2 = 0;
  if (v != 0) {
    int ex;
    double fr = frexp(v, &ex);
    e2 = ex - 53;
    bn_set_u64(&a, (uint64_t)ldexp(fr, 53));
  }
  bn_mul_pow10(&a, f);
  if (e2 >= 0) {
    bn_shl(&a, e2);
  } else {
    int s = -e2;
    int up = bn_bit(&a, s - 1); /* remainder >= half: JS picks the larger n on ties */
    bn_shr(&a, s);
    if (up) bn_add_small(&a, 1);
  }
  char dec[160];
  int nd = 0;
  while (a.n) {
    uint32_t r = bn_divmod_small(&a, 1000000000u);
    for (int i = 0; i < 9; i++) {
      dec[nd++] = (char)('0' + r % 10);
      r /= 10;
    }
  }
  while (nd > 1 && dec[nd - 1] == '0') nd--;
  if (nd == 0) dec[nd++] = '0';
  while (nd < f + 1) dec[nd++] = '0';
  char buf[200], *o = buf;
  if (neg) *o++ = '-';
  for (int i = nd - 1; i >= 0; i--) {
    *o++ = dec[i];
    if (i == f && f > 0) *o++ = '.';
  }
  return rts_str_from_ascii(buf, o - buf);
}

/* ---- parsing ---- */

static bool js_space_unit(uint16_t c) {
  if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
  if (c < 0xA0) return false;
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static bool ieq(const char *a, const char *b) {
  for (; *a && *b; a++, b++) {
    char c = *a;
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != *b) return false;
  }
  return *a == *b;
}

static bool parse_ascii(const char *buf, double *out) {
  const char *p = buf;
  if (*p == '+' || *p == '-') p++;
  if (ieq(p, "inf") || ieq(p, "infinity")) {
    *out = buf[0] == '-' ? -INFINITY : INFINITY;
    return true;
  }
  if (ieq(p, "nan")) {
    *out = NAN;
    return true;
  }
  bool digits = false;
  while (*p >= '0' && *p <= '9') p++, digits = true;
  if (*p == '.') {
    p++;
    while (*p >= '0' && *p <= '9') p++, digits = true;
  }
  if (!digits) return false;
  if (*p == 'e' || *p == 'E') {
    p++;
    if (*p == '+' || *p == '-') p++;
    bool ed = false;
    while (*p >= '0' && *p <= '9') p++, ed = true;
    if (!ed) return false;
  }
  if (*p) return false;
  *out = dec_to_double(buf);
  return true;
}

/* Accepts [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?, or [+-]? inf | infinity | nan
 * (any case), after trimming JS whitespace. */
double rts_str_to_float(rts_str *s, bool *ok) {
  int64_t a = 0, b = s ? s->len : 0;
  while (a < b && js_space_unit(s->data[a])) a++;
  while (b > a && js_space_unit(s->data[b - 1])) b--;
  int64_t n = b - a;
  char small[256], *buf = small;
  double r = 0;
  *ok = false;
  if (n == 0) return 0;
  if (n >= (int64_t)sizeof small) {
    buf = malloc((size_t)n + 1);
    if (!buf) rts_fatal("out of memory");
  }
  int64_t i = 0;
  for (; i < n; i++) {
    uint16_t c = s->data[a + i];
    if (c == 0 || c >= 128) break;
    buf[i] = (char)c;
  }
  if (i == n) {
    buf[n] = 0;
    *ok = parse_ascii(buf, &r);
    if (!*ok) r = 0;
  }
  if (buf != small) free(buf);
  return r;
}
