/* Strings: immutable arrays of UTF-16 code units with JS semantics; UTF-8 at the edges. */
#include <stdlib.h>
#include <string.h>

#include "rts_internal.h"

#define STR_HDR (offsetof(rts_str, data))

/* Prebuilt "" and one-unit ASCII strings, shared (strings are immutable). */
typedef struct str1 {
  rts_obj h;
  int64_t len;
  uint32_t hash;
  uint16_t data[2];
} str1;
_Static_assert(offsetof(str1, data) == offsetof(rts_str, data), "str1 layout");
static str1 empty_str = {{RTS_TID_STR, RTS_GC_STATIC}, 0, 0, {0, 0}};
static str1 ascii_str[128];
/* the same strings for generated code's inline fast paths (NULL until initialised) */
rts_str *rts_ascii_unit[128];

void rts_str_init_statics(void) {
  for (int i = 0; i < 128; i++) {
    ascii_str[i].h.tid = RTS_TID_STR;
    ascii_str[i].h.gcflags = RTS_GC_STATIC;
    ascii_str[i].len = 1;
    ascii_str[i].data[0] = (uint16_t)i;
    ascii_str[i].hash = rts_str_hash((rts_str *)&ascii_str[i]);
    rts_ascii_unit[i] = (rts_str *)&ascii_str[i];
  }
  empty_str.hash = rts_str_hash((rts_str *)&empty_str);
}

rts_str *rts_str_empty(void) { return (rts_str *)&empty_str; }

static inline rts_str *unit_str(uint16_t u) {
  if (u < 128 && ascii_str[u].len == 1) return (rts_str *)&ascii_str[u];
  rts_str *r = rts_str_alloc(1);
  r->data[0] = u;
  return r;
}

rts_str *rts_str_alloc(int64_t len) {
  if (len < 0 || len > (INT64_MAX - 64) / 2) rts_fatal("invalid string length");
  if (len == 0) return rts_str_empty();
  rts_str *s = rts_alloc(RTS_TID_STR, STR_HDR + (size_t)len * 2);
  s->len = len;
  return s;
}

rts_str *rts_str_lit(const uint16_t *units, int64_t len) {
  rts_str *s = rts_str_alloc(len);
  if (len) memcpy(s->data, units, (size_t)len * 2);
  return s;
}

rts_str *rts_str_from_ascii(const char *p, int64_t n) {
  if (n == 1 && (unsigned char)p[0] < 128) return unit_str((unsigned char)p[0]);
  rts_str *s = rts_str_alloc(n);
  for (int64_t i = 0; i < n; i++) s->data[i] = (unsigned char)p[i];
  return s;
}

/* ---- UTF-8 ---- */

/* WHATWG decoder (replacement per maximal subpart); writes to out when non-NULL and
 * returns the number of code units. */
/* UTF-8 to UTF-16 units; an invalid sequence becomes U+FFFD, or with esc each of its bytes
 * b becomes U+DC00+b (PEP 383's surrogateescape, what file names decode with). */
static int64_t utf8_decode_esc(const unsigned char *s, int64_t n, uint16_t *out, bool esc) {
  int64_t i = 0, k = 0;
  while (i < n) {
    unsigned b = s[i];
    if (b < 0x80) {
      if (out) out[k] = (uint16_t)b;
      k++;
      i++;
      continue;
    }
    unsigned need, lo = 0x80, hi = 0xBF;
    uint32_t cp;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      cp = b & 0x0F;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      cp = b & 0x07;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      if (out) out[k] = esc ? (uint16_t)(0xDC00 | b) : 0xFFFD;
      k++;
      i++;
      continue;
    }
    int64_t start = i;
    i++;
    bool bad = false;
    for (unsigned j = 0; j < need; j++) {
      if (i >= n) {
        bad = true;
        break;
      }
      unsigned c = s[i];
      if (c < lo || c > hi) {
        bad = true;
        break;
      }
      lo = 0x80;
      hi = 0xBF;
      cp = (cp << 6) | (c & 0x3F);
      i++;
    }
    if (bad) {
      if (!esc) {
        if (out) out[k] = 0xFFFD;
        k++;
        continue;
      }
      for (int64_t j = start; j < i; j++) {
        if (out) out[k] = (uint16_t)(0xDC00 | s[j]);
        k++;
      }
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      if (out) {
        out[k] = (uint16_t)(0xD800 | (cp >> 10));
        out[k + 1] = (uint16_t)(0xDC00 | (cp & 0x3FF));
      }
      k += 2;
    } else {
      if (out) out[k] = (uint16_t)cp;
      k++;
    }
  }
  return k;
}

static int64_t utf8_decode(const unsigned char *s, int64_t n, uint16_t *out) { return utf8_decode_esc(s, n, out, false); }

rts_str *rts_str_from_fs_bytes(const char *s, int64_t nbytes) {
  const unsigned char *u = (const unsigned char *)s;
  int64_t len = utf8_decode_esc(u, nbytes, NULL, true);
  rts_str *r = rts_str_alloc(len);
  utf8_decode_esc(u, nbytes, r->data, true);
  return r;
}

char *rts_str_to_fs_bytes(rts_str *s) {
  int64_t n = s ? s->len : 0;
  char *buf = malloc((size_t)n * 3 + 1);
  if (!buf) rts_fatal("out of memory");
  size_t k = 0;
  int64_t from = 0;
  for (int64_t i = 0; i < n; i++) {
    uint16_t c = s->data[i];
    /* a lone U+DC80..U+DCFF (not the low half of a pair) stands for the byte it escapes */
    if (c >= 0xDC80 && c <= 0xDCFF && !(i > 0 && s->data[i - 1] >= 0xD800 && s->data[i - 1] <= 0xDBFF)) {
      k += rts_utf8_encode_units(s->data + from, i - from, buf + k);
      buf[k++] = (char)(c & 0xFF);
      from = i + 1;
    }
  }
  if (n > from) k += rts_utf8_encode_units(s->data + from, n - from, buf + k);
  buf[k] = 0;
  return buf;
}

rts_str *rts_str_from_utf8(const char *s, int64_t nbytes) {
  const unsigned char *u = (const unsigned char *)s;
  int64_t i = 0;
  while (i < nbytes && u[i] < 0x80) i++;
  if (i == nbytes) return rts_str_from_ascii(s, nbytes);
  int64_t len = utf8_decode(u, nbytes, NULL);
  rts_str *r = rts_str_alloc(len);
  utf8_decode(u, nbytes, r->data);
  return r;
}

size_t rts_utf8_encode_units(const uint16_t *u, int64_t n, char *out) {
  unsigned char *o = (unsigned char *)out;
  for (int64_t i = 0; i < n; i++) {
    uint32_t c = u[i];
    if (c < 0x80) {
      *o++ = (unsigned char)c;
    } else if (c < 0x800) {
      *o++ = (unsigned char)(0xC0 | (c >> 6));
      *o++ = (unsigned char)(0x80 | (c & 0x3F));
    } else {
      if (c >= 0xD800 && c <= 0xDFFF) {
        if (c <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
          c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00u);
          i++;
          *o++ = (unsigned char)(0xF0 | (c >> 18));
          *o++ = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
          *o++ = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
          *o++ = (unsigned char)(0x80 | (c & 0x3F));
          continue;
        }
        c = 0xFFFD;
      }
      *o++ = (unsigned char)(0xE0 | (c >> 12));
      *o++ = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
      *o++ = (unsigned char)(0x80 | (c & 0x3F));
    }
  }
  return (size_t)((char *)o - out);
}

char *rts_str_to_utf8(rts_str *s, int64_t *nbytes_out) {
  int64_t n = s ? s->len : 0;
  char *buf = malloc((size_t)n * 3 + 1);
  if (!buf) rts_fatal("out of memory");
  size_t k = n ? rts_utf8_encode_units(s->data, n, buf) : 0;
  buf[k] = 0;
  if (nbytes_out) *nbytes_out = (int64_t)k;
  return buf;
}

/* ---- basics ---- */

static const uint16_t null_units[4] = {'n', 'u', 'l', 'l'};
static rts_str *or_null(rts_str *s) { return s ? s : rts_str_lit(null_units, 4); }

rts_str *rts_str_concat(rts_str *a, rts_str *b) {
  RTS_ROOTS(a, b);
  if (!a) RTS_ROOT_SET(0, a = or_null(a));
  if (!b) RTS_ROOT_SET(1, b = or_null(b));
  rts_str *r;
  if (a->len == 0) {
    r = b;
  } else if (b->len == 0) {
    r = a;
  } else {
    if (a->len > INT64_MAX / 4 - b->len) rts_fatal("invalid string length");
    r = rts_str_alloc(a->len + b->len);
    memcpy(r->data, a->data, (size_t)a->len * 2);
    memcpy(r->data + a->len, b->data, (size_t)b->len * 2);
  }
  RTS_UNROOT();
  return r;
}

uint32_t rts_str_hash(rts_str *s) {
  if (!s) return 0;
  uint32_t h = s->hash;
  if (RTS_LIKELY(h)) return h;
  h = 2166136261u;
  const uint16_t *d = s->data;
  for (int64_t i = 0, n = s->len; i < n; i++) h = (h ^ d[i]) * 16777619u;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  if (h == 0) h = 1;
  if (!(s->h.gcflags & RTS_GC_STATIC)) s->hash = h; /* statics may live in read-only memory */
  return h;
}

bool rts_str_eq(rts_str *a, rts_str *b) {
  if (a == b) return true;
  if (!a || !b) return false;
  if (a->len != b->len) return false;
  if (a->hash && b->hash && a->hash != b->hash) return false;
  return memcmp(a->data, b->data, (size_t)a->len * 2) == 0;
}

int64_t rts_str_cmp(rts_str *a, rts_str *b) {
  if (a == b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  int64_t n = a->len < b->len ? a->len : b->len;
  for (int64_t i = 0; i < n; i++)
    if (a->data[i] != b->data[i]) return (int64_t)a->data[i] - (int64_t)b->data[i];
  return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

int64_t rts_str_char_code_at(rts_str *s, int64_t i) {
  if (RTS_UNLIKELY(i < 0 || i >= s->len))
    rts_fatal("string index out of range: %lld (length %lld)", (long long)i, (long long)s->len);
  return s->data[i];
}

rts_str *rts_str_char_at(rts_str *s, int64_t i) {
  if (RTS_UNLIKELY(i < 0 || i >= s->len))
    rts_fatal("string index out of range: %lld (length %lld)", (long long)i, (long long)s->len);
  return unit_str(s->data[i]);
}

rts_str *rts_str_from_char_code(int64_t code) { return unit_str((uint16_t)(code & 0xFFFF)); }

/* s[start, start+n) as a string; 0 <= start, start+n <= len */
static rts_str *sub(rts_str *s, int64_t start, int64_t n) {
  if (n <= 0) return rts_str_empty();
  if (n == s->len) return s;
  if (n == 1) return unit_str(s->data[start]);
  RTS_ROOTS(s);
  rts_str *r = rts_str_alloc(n);
  memcpy(r->data, s->data + start, (size_t)n * 2);
  RTS_UNROOT();
  return r;
}

static int64_t rel_index(int64_t i, int64_t len) {
  if (i < 0) return i + len < 0 ? 0 : i + len;
  return i > len ? len : i;
}

rts_str *rts_str_slice(rts_str *s, int64_t start, int64_t end) {
  int64_t a = rel_index(start, s->len), b = rel_index(end, s->len);
  return sub(s, a, b - a);
}

rts_str *rts_str_substring(rts_str *s, int64_t start, int64_t end) {
  int64_t len = s->len;
  int64_t a = start < 0 ? 0 : start > len ? len : start;
  int64_t b = end < 0 ? 0 : end > len ? len : end;
  if (a > b) {
    int64_t t = a;
    a = b;
    b = t;
  }
  return sub(s, a, b - a);
}

static int64_t find_from(const rts_str *s, const rts_str *nd, int64_t from) {
  int64_t n = s->len, m = nd->len;
  if (m == 0) return from;
  if (m > n) return -1;
  uint16_t first = nd->data[0];
  for (int64_t i = from; i + m <= n; i++) {
    if (s->data[i] == first && memcmp(s->data + i + 1, nd->data + 1, (size_t)(m - 1) * 2) == 0) return i;
  }
  return -1;
}

int64_t rts_str_index_of(rts_str *s, rts_str *needle, int64_t from) {
  int64_t len = s->len;
  int64_t f = from < 0 ? 0 : from > len ? len : from;
  return find_from(s, needle, f);
}

int64_t rts_str_last_index_of(rts_str *s, rts_str *needle) {
  int64_t n = s->len, m = needle->len;
  if (m > n) return -1;
  for (int64_t i = n - m; i >= 0; i--)
    if (memcmp(s->data + i, needle->data, (size_t)m * 2) == 0) return i;
  return -1;
}

bool rts_str_starts_with(rts_str *s, rts_str *p) {
  return p->len <= s->len && memcmp(s->data, p->data, (size_t)p->len * 2) == 0;
}

bool rts_str_ends_with(rts_str *s, rts_str *p) {
  return p->len <= s->len && memcmp(s->data + s->len - p->len, p->data, (size_t)p->len * 2) == 0;
}

rts_str *rts_str_repeat(rts_str *s, int64_t n) {
  if (n < 0) rts_fatal("Invalid count value: %lld", (long long)n);
  if (n == 0 || s->len == 0) return rts_str_empty();
  if (n == 1) return s;
  if (s->len > (INT64_MAX / 4) / n) rts_fatal("invalid string length");
  RTS_ROOTS(s);
  int64_t len = s->len;
  rts_str *r = rts_str_alloc(len * n);
  memcpy(r->data, s->data, (size_t)len * 2);
  int64_t done = len, total = len * n;
  while (done < total) {
    int64_t c = done < total - done ? done : total - done;
    memcpy(r->data + done, r->data, (size_t)c * 2);
    done += c;
  }
  RTS_UNROOT();
  return r;
}

static bool js_space(uint16_t c) {
  if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
  if (c < 0xA0) return false;
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

rts_str *rts_str_trim(rts_str *s) {
  int64_t a = 0, b = s->len;
  while (a < b && js_space(s->data[a])) a++;
  while (b > a && js_space(s->data[b - 1])) b--;
  return sub(s, a, b - a);
}

static rts_str *map_case(rts_str *s, uint16_t lo, uint16_t hi, int delta) {
  int64_t i = 0, n = s->len;
  while (i < n && !(s->data[i] >= lo && s->data[i] <= hi)) i++;
  if (i == n) return s;
  RTS_ROOTS(s);
  rts_str *r = rts_str_alloc(n);
  for (int64_t j = 0; j < n; j++) {
    uint16_t c = s->data[j];
    r->data[j] = (c >= lo && c <= hi) ? (uint16_t)(c + delta) : c;
  }
  RTS_UNROOT();
  return r;
}

rts_str *rts_str_to_upper(rts_str *s) { return map_case(s, 'a', 'z', 'A' - 'a'); }
rts_str *rts_str_to_lower(rts_str *s) { return map_case(s, 'A', 'Z', 'a' - 'A'); }

rts_list *rts_str_split(rts_str *s, rts_str *sep, uint32_t list_tid) {
  rts_list *l = NULL;
  RTS_ROOTS(s, sep, l);
  RTS_ROOT_SET(2, l = rts_list_new(list_tid, 0));
  if (!sep) {
    rts_list_push_ptr(l, s);
  } else if (sep->len == 0) {
    for (int64_t i = 0; i < s->len; i++) rts_list_push_ptr(l, unit_str(s->data[i]));
  } else {
    int64_t p = 0;
    for (;;) {
      int64_t q = find_from(s, sep, p);
      if (q < 0) break;
      rts_str *part = sub(s, p, q - p);
      rts_list_push_ptr(l, part);
      p = q + sep->len;
    }
    rts_str *part = sub(s, p, s->len - p);
    rts_list_push_ptr(l, part);
  }
  RTS_UNROOT();
  return l;
}

rts_list *rts_str_units(rts_str *s, uint32_t list_tid) {
  int64_t n = s->len;
  /* both may collect: s stays rooted */
  RTS_ROOTS(s);
  /* eight bytes a unit: a long string's list is a large request, refused as MemoryError */
  rts_list *l = rts_gc_room_for((size_t)n * sizeof(int64_t) + 64) ? rts_list_new_unset(list_tid, n) : NULL;
  RTS_UNROOT();
  if (!l) return NULL;
  int64_t *it = RTS_LIST_ITEMS(l, int64_t);
  const uint16_t *d = s->data;
  for (int64_t i = 0; i < n; i++) it[i] = d[i];
  return l;
}

rts_str *rts_str_from_int(int64_t v) {
  char buf[24];
  int n = 0;
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  do {
    buf[sizeof buf - 1 - n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0) buf[sizeof buf - 1 - n++] = '-';
  return rts_str_from_ascii(buf + sizeof buf - n, n);
}

rts_str *rts_str_from_bool(bool v) { return v ? rts_str_from_ascii("true", 4) : rts_str_from_ascii("false", 5); }
