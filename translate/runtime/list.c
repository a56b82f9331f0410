/* Lists: growable arrays whose item buffer (in the list's own cell while small, else a GC
 * buffer) holds items of the list type's elem kind. */
#include <stdlib.h>
#include <string.h>

#include "rts_internal.h"

static inline size_t esize(const rts_list *l) { return rts_elem_size(rts_types[l->h.tid].elem); }

static RTS_NOINLINE_ATTR void grow(rts_list *l, int64_t need) {
  size_t es = esize(l);
  int64_t ncap = l->cap + l->cap / 2 + 4;
  if (ncap < need) ncap = need;
  if (ncap > (int64_t)(INT64_MAX / 16)) rts_fatal("out of memory");
  void *p;
  if (l->h.gcflags & RTS_GC_STATIC) {
    /* a prebuilt list's buffer may be a static array: copy, never free the old one */
    p = rts_buf_alloc((size_t)ncap * es);
  } else {
    p = rts_raw_alloc((size_t)ncap * es);
  }
  if (l->len) memcpy(p, l->items, (size_t)l->len * es);
  if (l->h.gcflags & RTS_GC_INLINE)
    l->h.gcflags &= ~RTS_GC_INLINE; /* the old items are part of the list's own cell */
  else if (!(l->h.gcflags & RTS_GC_STATIC))
    rts_raw_free(l->items);
  l->items = p;
  l->cap = ncap;
}

static inline void reserve(rts_list *l, int64_t n) {
  if (RTS_UNLIKELY(n > l->cap)) grow(l, n);
}

/* Room for items in the cell of a new empty list: most lists get a few items soon, and an
 * interpreter makes many small ones (operand stacks, argument lists). */
#define EMPTY_INLINE_BYTES 32u
/* a new list's items go in its own cell when the whole stays a small object */
#define INLINE_MAX_BYTES (2048u - sizeof(rts_list))

static rts_list *list_new(uint32_t tid, int64_t len, bool zero) {
  if (len < 0) rts_fatal("invalid list length: %lld", (long long)len);
  size_t es = rts_elem_size(rts_types[tid].elem);
  if ((uint64_t)len <= INLINE_MAX_BYTES / es) {
    size_t bytes = len ? (size_t)len * es : EMPTY_INLINE_BYTES;
    rts_list *l = rts_alloc(tid, sizeof(rts_list) + bytes); /* zero-filled */
    l->h.gcflags |= RTS_GC_INLINE;
    l->items = (char *)l + sizeof(rts_list);
    l->cap = (int64_t)(bytes / es);
    l->len = len;
    return l;
  }
  rts_list *l = rts_alloc(tid, sizeof(rts_list));
  if (len > (int64_t)(INT64_MAX / 16)) rts_fatal("out of memory");
  l->items = rts_raw_alloc((size_t)len * es); /* never collects */
  if (zero) memset(l->items, 0, (size_t)len * es);
  l->cap = len;
  l->len = len;
  return l;
}

rts_list *rts_list_new(uint32_t tid, int64_t len) { return list_new(tid, len, true); }

rts_list *rts_list_new_unset(uint32_t tid, int64_t len) { return list_new(tid, len, false); }

void rts_list_check_index(rts_list *l, int64_t i) {
  rts_fatal("list index out of range: %lld (length %lld)", (long long)i, (long long)l->len);
}

void rts_list_push_i64(rts_list *l, int64_t v) {
  reserve(l, l->len + 1);
  ((int64_t *)l->items)[l->len++] = v;
}
void rts_list_push_f64(rts_list *l, double v) {
  reserve(l, l->len + 1);
  ((double *)l->items)[l->len++] = v;
}
void rts_list_push_bool(rts_list *l, bool v) {
  reserve(l, l->len + 1);
  ((uint8_t *)l->items)[l->len++] = v;
}
void rts_list_push_ptr(rts_list *l, void *v) {
  reserve(l, l->len + 1);
  ((void **)l->items)[l->len++] = v;
}

static inline void check_nonempty(rts_list *l) {
  if (RTS_UNLIKELY(l->len <= 0)) rts_fatal("pop from empty list");
}
int64_t rts_list_pop_i64(rts_list *l) {
  check_nonempty(l);
  return ((int64_t *)l->items)[--l->len];
}
double rts_list_pop_f64(rts_list *l) {
  check_nonempty(l);
  return ((double *)l->items)[--l->len];
}
bool rts_list_pop_bool(rts_list *l) {
  check_nonempty(l);
  return ((uint8_t *)l->items)[--l->len] != 0;
}
void *rts_list_pop_ptr(rts_list *l) {
  check_nonempty(l);
  void **it = l->items;
  void *v = it[--l->len];
  it[l->len] = NULL;
  return v;
}

void rts_list_set_length(rts_list *l, int64_t n) {
  if (n < 0) rts_fatal("invalid list length: %lld", (long long)n);
  if (n > l->len) {
    reserve(l, n);
    size_t es = esize(l);
    memset((char *)l->items + (size_t)l->len * es, 0, (size_t)(n - l->len) * es);
  }
  l->len = n;
}

static int64_t rel_index(int64_t i, int64_t len) {
  if (i < 0) return i + len < 0 ? 0 : i + len;
  return i > len ? len : i;
}

static rts_list *copy_range(rts_list *l, int64_t a, int64_t n) {
  RTS_ROOTS(l);
  rts_list *r = rts_list_new(l->h.tid, n);
  if (n > 0) memcpy(r->items, (char *)l->items + (size_t)a * esize(l), (size_t)n * esize(l));
  RTS_UNROOT();
  return r;
}

rts_list *rts_list_slice(rts_list *l, int64_t start, int64_t end) {
  int64_t a = rel_index(start, l->len), b = rel_index(end, l->len);
  return copy_range(l, a, b > a ? b - a : 0);
}

rts_list *rts_list_splice(rts_list *l, int64_t start, int64_t count) {
  int64_t a = rel_index(start, l->len);
  int64_t n = count < 0 ? 0 : count > l->len - a ? l->len - a : count;
  rts_list *r = copy_range(l, a, n);
  if (n > 0) {
    size_t es = esize(l);
    char *it = l->items;
    memmove(it + (size_t)a * es, it + (size_t)(a + n) * es, (size_t)(l->len - a - n) * es);
    l->len -= n;
    memset(it + (size_t)l->len * es, 0, (size_t)n * es);
  }
  return r;
}

static inline char *open_gap(rts_list *l, int64_t i) {
  int64_t at = rel_index(i, l->len);
  reserve(l, l->len + 1);
  size_t es = esize(l);
  char *p = (char *)l->items + (size_t)at * es;
  memmove(p + es, p, (size_t)(l->len - at) * es);
  l->len++;
  return p;
}

void rts_list_insert_i64(rts_list *l, int64_t i, int64_t v) { memcpy(open_gap(l, i), &v, 8); }
void rts_list_insert_f64(rts_list *l, int64_t i, double v) { memcpy(open_gap(l, i), &v, 8); }
void rts_list_insert_bool(rts_list *l, int64_t i, bool v) { *(uint8_t *)open_gap(l, i) = v; }
void rts_list_insert_ptr(rts_list *l, int64_t i, void *v) { memcpy(open_gap(l, i), &v, sizeof v); }

void rts_list_reverse(rts_list *l) {
  int64_t n = l->len;
  switch (esize(l)) {
  case 1: {
    uint8_t *a = l->items;
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
      uint8_t t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    break;
  }
  default: {
    uint64_t *a = l->items;
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
      uint64_t t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
  }
}

int64_t rts_list_index_of(rts_list *l, const void *item_ptr) {
  int64_t n = l->len;
  switch (rts_types[l->h.tid].elem) {
  case RTS_ELEM_I64: {
    int64_t v = *(const int64_t *)item_ptr, *a = l->items;
    for (int64_t i = 0; i < n; i++)
      if (a[i] == v) return i;
    break;
  }
  case RTS_ELEM_F64: {
    double v = *(const double *)item_ptr, *a = l->items;
    for (int64_t i = 0; i < n; i++)
      if (a[i] == v) return i;
    break;
  }
  case RTS_ELEM_BOOL: {
    uint8_t v = *(const uint8_t *)item_ptr != 0, *a = l->items;
    for (int64_t i = 0; i < n; i++)
      if ((a[i] != 0) == v) return i;
    break;
  }
  case RTS_ELEM_STR: {
    rts_str *v = *(rts_str *const *)item_ptr, **a = l->items;
    for (int64_t i = 0; i < n; i++)
      if (rts_str_eq(a[i], v)) return i;
    break;
  }
  default: {
    void *v = *(void *const *)item_ptr, **a = l->items;
    for (int64_t i = 0; i < n; i++)
      if (a[i] == v) return i;
  }
  }
  return -1;
}

rts_str *rts_list_join(rts_list *l, rts_str *sep) {
  int64_t n = l->len, total = 0;
  rts_str **a = l->items;
  int64_t seplen = sep ? sep->len : 0;
  for (int64_t i = 0; i < n; i++) {
    if (a[i]) total += a[i]->len;
    if (i) total += seplen;
    if (total > INT64_MAX / 8) rts_fatal("invalid string length");
  }
  if (n == 1 && a[0]) return a[0];
  RTS_ROOTS(l, sep);
  rts_str *r = rts_str_alloc(total);
  a = l->items;
  int64_t k = 0;
  for (int64_t i = 0; i < n; i++) {
    if (i && seplen) {
      memcpy(r->data + k, sep->data, (size_t)seplen * 2);
      k += seplen;
    }
    if (a[i] && a[i]->len) {
      memcpy(r->data + k, a[i]->data, (size_t)a[i]->len * 2);
      k += a[i]->len;
    }
  }
  RTS_UNROOT();
  return r;
}
