// Static inline helpers shared by every generated C file: JS semantics of numbers that C
// does not give directly, bounds and null checks. Included once, in program.h.
export const PRELUDE = String.raw`
#include <math.h>
#include <string.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>

#define RTS_SAFE_MAX INT64_C(9007199254740991)
/* undefined held in an int or float variable (Map.get of a missing key) */
#define RTS_UNDEF_I INT64_MIN
#define RTS_UNDEF_BITS UINT64_C(0x7ff8dead0000beef)
static inline double rts_undef_f(void) { union { uint64_t u; double d; } x; x.u = RTS_UNDEF_BITS; return x.d; }
#define RTS_UNDEF_F rts_undef_f()
static inline bool rts_f_undef(double d) { union { uint64_t u; double d; } x; x.d = d; return x.u == RTS_UNDEF_BITS; }

static inline void *rts_nn(void *p, const char *where) {
  if (RTS_UNLIKELY(p == NULL)) rts_fatal("null dereference at %s", where);
  return p;
}
static inline int64_t rts_idx(rts_list *l, int64_t i) {
  if (RTS_UNLIKELY((uint64_t)i >= (uint64_t)l->len)) rts_list_check_index(l, i);
  return i;
}
static inline int64_t rts_cca(rts_str *s, int64_t i) {
  if (RTS_UNLIKELY((uint64_t)i >= (uint64_t)s->len)) return rts_str_char_code_at(s, i); /* reports it */
  return s->data[i];
}
/* String comparison fast paths: the common operands are one-character strings (a scanner's
 * peek() against ' ' or '"'), which a call to rts_str_eq and memcmp cost many times over. */
static inline bool rts_seq(rts_str *a, rts_str *b) {
  if (a == b) return true;
  if (a == NULL || b == NULL || a->len != b->len) return false;
  if (a->len == 1) return a->data[0] == b->data[0];
  return rts_str_eq(a, b);
}
/* s === c for a constant one-unit string c */
static inline bool rts_seq1(rts_str *s, uint16_t c) { return s != NULL && s->len == 1 && s->data[0] == c; }
static inline int64_t rts_scmp(rts_str *a, rts_str *b) {
  if (a != NULL && b != NULL && a->len > 0 && b->len > 0 && a->data[0] != b->data[0]) return (int64_t)a->data[0] - (int64_t)b->data[0];
  return rts_str_cmp(a, b);
}
/* s.substring(i, i + 1) of an ASCII unit is the shared string: no call, no allocation */
static inline rts_str *rts_substr(rts_str *s, int64_t a, int64_t b) {
  if (b == a + 1 && (uint64_t)a < (uint64_t)s->len && s->data[a] < 128 && rts_ascii_unit[s->data[a]] != NULL) return rts_ascii_unit[s->data[a]];
  return rts_str_substring(s, a, b);
}
/* push/pop fast paths inline; the runtime grows the buffer or reports an empty pop */
#define RTS_PUSH_POP(NAME, T) \
  static inline void rts_push_##NAME(rts_list *l, T v) { \
    if (RTS_LIKELY(l->len < l->cap)) ((T *)l->items)[l->len++] = v; else rts_list_push_##NAME(l, v); \
  } \
  static inline T rts_pop_##NAME(rts_list *l) { \
    if (RTS_UNLIKELY(l->len <= 0)) return rts_list_pop_##NAME(l); \
    T v = ((T *)l->items)[--l->len]; \
    ((T *)l->items)[l->len] = (T)0; \
    return v; \
  }
RTS_PUSH_POP(i64, int64_t)
RTS_PUSH_POP(f64, double)
RTS_PUSH_POP(ptr, void *)
static inline void rts_push_bool(rts_list *l, bool v) {
  if (RTS_LIKELY(l->len < l->cap)) ((uint8_t *)l->items)[l->len++] = v; else rts_list_push_bool(l, v);
}
static inline bool rts_pop_bool(rts_list *l) {
  if (RTS_UNLIKELY(l->len <= 0)) return rts_list_pop_bool(l);
  return ((uint8_t *)l->items)[--l->len];
}
/* JS bitwise operators work on 32-bit integers */
static inline int64_t rts_i32(int64_t a) { return (int64_t)(int32_t)(uint32_t)(uint64_t)a; }
/* JS ToInt32 of a double: NaN and infinities give 0, others truncate and wrap modulo 2^32 */
static inline int64_t rts_f2i32(double x) {
  if (!isfinite(x)) return 0;
  double m = fmod(trunc(x), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return (int64_t)(int32_t)(uint32_t)m;
}
static inline int64_t rts_shl(int64_t a, int64_t b) { return (int64_t)(int32_t)((uint32_t)(uint64_t)a << (b & 31)); }
static inline int64_t rts_sar(int64_t a, int64_t b) { return (int64_t)((int32_t)(uint32_t)(uint64_t)a >> (b & 31)); }
static inline int64_t rts_shr(int64_t a, int64_t b) { return (int64_t)((uint32_t)(uint64_t)a >> (b & 31)); }
static inline int64_t rts_js_imod(int64_t a, int64_t b) {
  if (RTS_UNLIKELY(b == 0)) rts_fatal("integer remainder by zero (NaN in JavaScript)");
  if (RTS_UNLIKELY(b == -1)) return 0;
  return a % b;
}
static inline int64_t rts_ipow(int64_t a, int64_t b) {
  if (b < 0) rts_fatal("negative integer exponent (a float in JavaScript)");
  int64_t r = 1;
  while (b) { if (b & 1) r *= a; a *= a; b >>= 1; }
  return r;
}
static inline double rts_js_pow(double a, double b) {
  if (isnan(b)) return NAN;
  if (fabs(a) == 1.0 && isinf(b)) return NAN;
  return pow(a, b);
}
static inline double rts_js_fmin(double a, double b) {
  if (isnan(a) || isnan(b)) return NAN;
  if (a == b) return signbit(a) ? a : b;
  return a < b ? a : b;
}
static inline double rts_js_fmax(double a, double b) {
  if (isnan(a) || isnan(b)) return NAN;
  if (a == b) return signbit(a) ? b : a;
  return a > b ? a : b;
}
static inline double rts_js_sign(double x) { return isnan(x) ? x : x > 0 ? 1.0 : x < 0 ? -1.0 : x; }
static inline bool rts_f_truth(double x) { return x != 0.0 && x == x; }
static inline bool rts_s_truth(rts_str *s) { return s != NULL && s->len > 0; }
static inline int64_t rts_clz32(int64_t a) { uint32_t x = (uint32_t)(uint64_t)a; return x ? __builtin_clz(x) : 32; }
static inline int64_t rts_imul(int64_t a, int64_t b) { return (int64_t)(int32_t)((uint32_t)(uint64_t)a * (uint32_t)(uint64_t)b); }
static inline bool rts_is_integer(double x) { return isfinite(x) && x == trunc(x); }
/* startsWith(p, pos) / endsWith(p, endPos) / lastIndexOf(p, from) with JS clamping */
static inline bool rts_str_starts_at(rts_str *s, rts_str *p, int64_t pos) {
  if (pos < 0) pos = 0;
  if (pos > s->len) pos = s->len;
  if (pos + p->len > s->len) return false;
  return memcmp(s->data + pos, p->data, (size_t)p->len * 2) == 0;
}
static inline bool rts_str_ends_at(rts_str *s, rts_str *p, int64_t end) {
  if (end < 0) end = 0;
  if (end > s->len) end = s->len;
  if (p->len > end) return false;
  return memcmp(s->data + end - p->len, p->data, (size_t)p->len * 2) == 0;
}
static inline int64_t rts_str_last_index_from(rts_str *s, rts_str *p, int64_t from) {
  if (from < 0) from = 0;
  if (from > s->len - p->len) from = s->len - p->len;
  for (int64_t i = from; i >= 0; i--)
    if (memcmp(s->data + i, p->data, (size_t)p->len * 2) == 0) return i;
  return -1;
}
/* Number.prototype.toString(radix) for ints */
static inline rts_str *rts_int_to_str_radix(int64_t v, int64_t radix) {
  if (radix < 2 || radix > 36) rts_fatal("toString() radix must be between 2 and 36");
  char buf[80];
  int i = 79;
  buf[i] = 0;
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  do { buf[--i] = "0123456789abcdefghijklmnopqrstuvwxyz"[u % (uint64_t)radix]; u /= (uint64_t)radix; } while (u);
  if (v < 0) buf[--i] = '-';
  return rts_str_from_utf8(buf + i, 79 - i);
}
/* Array.prototype.sort() on strings: stable merge sort by UTF-16 code units; no GC allocation */
static inline void rts_list_sort_str(rts_list *l) {
  int64_t n = l->len;
  if (n < 2) return;
  rts_str **a = (rts_str **)l->items;
  rts_str **tmp = (rts_str **)malloc((size_t)n * sizeof(rts_str *));
  if (!tmp) rts_fatal("out of memory in sort");
  for (int64_t w = 1; w < n; w *= 2) {
    for (int64_t lo = 0; lo < n - w; lo += 2 * w) {
      int64_t mid = lo + w, hi = lo + 2 * w < n ? lo + 2 * w : n, i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = rts_str_cmp(a[j], a[i]) < 0 ? a[j++] : a[i++];
      while (i < mid) tmp[k++] = a[i++];
      while (j < hi) tmp[k++] = a[j++];
      for (k = lo; k < hi; k++) a[k] = tmp[k];
    }
  }
  free(tmp);
}
/* Number.prototype.toExponential(d): JS rounds a tie up in magnitude; d < 0: shortest round-trip */
static inline rts_str *rts_float_to_exponential(double x, int64_t d) {
  char out[64];
  if (isnan(x)) return rts_str_from_utf8("NaN", 3);
  if (isinf(x)) return x > 0 ? rts_str_from_utf8("Infinity", 8) : rts_str_from_utf8("-Infinity", 9);
  if (d > 100) rts_fatal("toExponential() argument must be between 0 and 100");
  bool neg = signbit(x) && x != 0.0;
  double ax = fabs(x);
  char full[160];
  int e10;
  char digits[130];
  int nd;
  if (d < 0) {
    int p = 0;
    for (; p < 17; p++) {
      snprintf(full, sizeof full, "%.*e", p, ax);
      if (strtod(full, NULL) == ax) break;
    }
    d = p;
    snprintf(full, sizeof full, "%.*e", p, ax);
    nd = 0;
    for (char *c = full; *c && *c != 'e'; c++) if (*c != '.') digits[nd++] = *c;
    e10 = atoi(strchr(full, 'e') + 1);
  } else {
    snprintf(full, sizeof full, "%.*e", (int)d + 30, ax);
    int all = 0;
    char buf[140];
    for (char *c = full; *c && *c != 'e'; c++) if (*c != '.') buf[all++] = *c;
    e10 = atoi(strchr(full, 'e') + 1);
    nd = (int)d + 1;
    memcpy(digits, buf, (size_t)nd);
    bool up = buf[nd] > '5';
    if (buf[nd] == '5') up = true; /* exactly half or more: JS picks the larger n */
    if (up) {
      int i = nd - 1;
      while (i >= 0 && digits[i] == '9') digits[i--] = '0';
      if (i >= 0) digits[i]++;
      else { digits[0] = '1'; for (int k = 1; k < nd; k++) digits[k] = '0'; e10++; }
    }
  }
  int n = 0;
  if (neg) out[n++] = '-';
  out[n++] = digits[0];
  if (d > 0) { out[n++] = '.'; memcpy(out + n, digits + 1, (size_t)d); n += (int)d; }
  n += snprintf(out + n, sizeof out - (size_t)n, "e%c%d", e10 < 0 ? '-' : '+', e10 < 0 ? -e10 : e10);
  return rts_str_from_utf8(out, n);
}
/* Array.prototype.join: items converted as String() does, null as ""; the caller keeps l and sep rooted */
static inline rts_str *rts_list_join_any(rts_list *l, rts_str *sep, int kind) {
  size_t cap = 64, n = 0;
  uint16_t *buf = (uint16_t *)malloc(cap * 2);
  if (!buf) rts_fatal("out of memory in join");
  for (int64_t i = 0; i < l->len; i++) {
    rts_str *s;
    switch (kind) {
      case RTS_ELEM_I64: s = rts_str_from_int(RTS_LIST_ITEMS(l, int64_t)[i]); break;
      case RTS_ELEM_F64: s = rts_str_from_float(RTS_LIST_ITEMS(l, double)[i]); break;
      case RTS_ELEM_BOOL: s = rts_str_from_bool(RTS_LIST_ITEMS(l, uint8_t)[i]); break;
      default: s = RTS_LIST_ITEMS(l, rts_str *)[i]; break;
    }
    size_t need = n + (size_t)(s ? s->len : 0) + (size_t)sep->len;
    if (need > cap) {
      while (need > cap) cap *= 2;
      buf = (uint16_t *)realloc(buf, cap * 2);
      if (!buf) rts_fatal("out of memory in join");
    }
    if (i > 0) { memcpy(buf + n, sep->data, (size_t)sep->len * 2); n += (size_t)sep->len; }
    if (s) { memcpy(buf + n, s->data, (size_t)s->len * 2); n += (size_t)s->len; }
  }
  rts_str *r = rts_str_lit(buf, (int64_t)n);
  free(buf);
  return r;
}
/* String.prototype.padStart/padEnd; temporaries rooted across allocations */
static inline rts_str *rts_str_pad(rts_str *s, int64_t n, rts_str *fill, bool start) {
  if (s->len >= n || fill->len == 0) return s;
  void *t_[3] = {s, fill, NULL};
  rts_frame f_ = {rts_top_frame, 3, t_};
  rts_top_frame = &f_;
  int64_t k = n - s->len;
  t_[2] = rts_str_repeat(fill, k / fill->len + 1);
  t_[2] = rts_str_slice((rts_str *)t_[2], 0, k);
  rts_str *r = start ? rts_str_concat((rts_str *)t_[2], (rts_str *)t_[0]) : rts_str_concat((rts_str *)t_[0], (rts_str *)t_[2]);
  rts_top_frame = f_.prev;
  return r;
}
static inline bool rts_tid_in(void *p, uint32_t lo, uint32_t hi) {
  if (p == NULL) return false;
  uint32_t t = ((rts_obj *)p)->tid;
  return t >= lo && t < hi;
}
`;
