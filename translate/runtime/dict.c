/* Insertion-ordered hash maps, laid out like CPython's compact dict: an entries array in
 * insertion order (deletion leaves a tombstone) plus an open-addressing index of entry
 * numbers. Every entry carries a per-dict insertion sequence number, which is what an
 * iteration position holds, so iteration stays correct across compaction, clear and
 * re-insertion (JS Map semantics). Hashes never depend on addresses except for identity
 * (PTR) keys, and those only pick index slots, never the order. */
#include <stdlib.h>
#include <string.h>

#include "rts_internal.h"

#define EMPTY (-1)
#define DELETED (-2)
#define MIN_CAP 8

static inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

static inline uint32_t key_kind(const rts_dict *d) { return rts_types[d->h.tid].key; }
static inline uint32_t val_kind(const rts_dict *d) { return rts_types[d->h.tid].elem; }

static inline rts_slot load_key(uint32_t kk, const void *p) {
  rts_slot s;
  if (kk == RTS_ELEM_I64)
    s.i = *(const int64_t *)p;
  else
    s.p = *(void *const *)p;
  return s;
}

static inline uint64_t hash_key(uint32_t kk, rts_slot k) {
  if (kk == RTS_ELEM_STR) {
    const rts_str *s = k.p;
    return !s ? 0 : s->hash ? s->hash : rts_str_hash(k.p);
  }
  if (kk == RTS_ELEM_I64) return mix64((uint64_t)k.i);
  return mix64((uint64_t)(uintptr_t)k.p);
}

static inline bool key_eq(uint32_t kk, rts_slot a, rts_slot b) {
  if (kk == RTS_ELEM_I64) return a.i == b.i;
  if (a.p == b.p) return true;
  return kk == RTS_ELEM_STR && rts_str_eq(a.p, b.p);
}

rts_dict *rts_dict_new(uint32_t tid) {
  uint32_t kk = rts_types[tid].key;
  if (rts_types[tid].kind != RTS_KIND_DICT || (kk != RTS_ELEM_I64 && kk != RTS_ELEM_STR && kk != RTS_ELEM_PTR))
    rts_fatal("rts_dict_new: type %u is not a dict with I64, STR or PTR keys", (unsigned)tid);
  return rts_alloc(tid, sizeof(rts_dict));
}

int64_t rts_dict_size(rts_dict *d) { return d->len; }

/* Returns the entry number of key, or -1; *slot gets its index position (or the EMPTY
 * slot that ended the probe). */
static inline int64_t find(const rts_dict *d, uint32_t kk, rts_slot key, uint64_t h, uint64_t *slot) {
  if (!d->index) return -1;
  uint64_t m = d->mask, i = h & m;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == EMPTY) {
      *slot = i;
      return -1;
    }
    if (ix >= 0 && d->entries[ix].hash == h && key_eq(kk, d->entries[ix].key, key)) {
      *slot = i;
      return ix;
    }
    i = (i + 1) & m;
  }
}

/* Rebuilds entries (dropping tombstones) and the index, with room for at least 2*len. */
static void resize(rts_dict *d) {
  int64_t ncap = MIN_CAP;
  while (ncap < d->len * 2) ncap *= 2;
  uint64_t isize = 1;
  while (isize < (uint64_t)ncap + (uint64_t)ncap / 2) isize *= 2;
  if (isize > ((uint64_t)1 << 31)) rts_fatal("dict too large");
  char *buf = rts_raw_alloc((size_t)ncap * sizeof(rts_dict_entry) + (size_t)isize * sizeof(int32_t));
  rts_dict_entry *ne = (rts_dict_entry *)buf;
  int32_t *ni = (int32_t *)(buf + (size_t)ncap * sizeof(rts_dict_entry));
  memset(ni, 0xFF, (size_t)isize * sizeof(int32_t)); /* EMPTY */
  int64_t k = 0;
  uint64_t m = isize - 1;
  for (int64_t j = 0; j < d->used; j++) {
    rts_dict_entry *e = &d->entries[j];
    if (e->seq & RTS_DICT_DEAD) continue;
    ne[k] = *e;
    uint64_t i = e->hash & m;
    while (ni[i] != EMPTY) i = (i + 1) & m;
    ni[i] = (int32_t)k;
    k++;
  }
  rts_raw_free(d->entries);
  d->entries = ne;
  d->index = ni;
  d->mask = m;
  d->cap = ncap;
  d->used = k;
}

bool rts_dict_has(rts_dict *d, const void *key_ptr) { return rts_dict_lookup(d, key_ptr) != NULL; }

void *rts_dict_lookup(rts_dict *d, const void *key_ptr) {
  if (d->len == 0) return NULL;
  uint32_t kk = key_kind(d);
  rts_slot k = load_key(kk, key_ptr);
  uint64_t slot;
  int64_t ix = find(d, kk, k, hash_key(kk, k), &slot);
  return ix < 0 ? NULL : &d->entries[ix].val;
}

void rts_dict_set(rts_dict *d, const void *key_ptr, const void *value_ptr) {
  uint32_t kk = key_kind(d);
  size_t vs = rts_elem_size(val_kind(d));
  rts_slot k = load_key(kk, key_ptr);
  uint64_t h = hash_key(kk, k), slot;
  int64_t ix = find(d, kk, k, h, &slot);
  if (ix >= 0) {
    memcpy(&d->entries[ix].val, value_ptr, vs);
    return;
  }
  if (d->used == d->cap) resize(d);
  /* probe for a free index slot (a DELETED one can be reused: the key is absent) */
  uint64_t m = d->mask, i = h & m;
  while (d->index[i] >= 0) i = (i + 1) & m;
  int64_t n = d->used++;
  rts_dict_entry *e = &d->entries[n];
  e->key = k;
  e->hash = h;
  e->val.i = 0;
  memcpy(&e->val, value_ptr, vs);
  e->seq = d->seq++;
  d->index[i] = (int32_t)n;
  d->len++;
}

bool rts_dict_delete(rts_dict *d, const void *key_ptr) {
  if (d->len == 0) return false;
  uint32_t kk = key_kind(d);
  rts_slot k = load_key(kk, key_ptr);
  uint64_t slot;
  int64_t ix = find(d, kk, k, hash_key(kk, k), &slot);
  if (ix < 0) return false;
  d->index[slot] = DELETED;
  rts_dict_entry *e = &d->entries[ix];
  e->seq |= RTS_DICT_DEAD;
  e->key.i = 0;
  e->key.p = NULL;
  e->val.i = 0;
  e->val.p = NULL;
  d->len--;
  return true;
}

void rts_dict_clear(rts_dict *d) {
  rts_raw_free(d->entries);
  d->entries = NULL;
  d->index = NULL;
  d->len = d->used = d->cap = 0;
  d->mask = 0;
}

bool rts_dict_next(rts_dict *d, int64_t *pos, void **key_out, void **value_out) {
  int64_t used = d->used;
  if (used == 0) return false;
  int64_t p = *pos;
  rts_dict_entry *en = d->entries;
  int64_t base = RTS_DICT_SEQ(&en[0]), i;
  if (p <= base) {
    i = 0;
  } else {
    /* sequence numbers increase along entries, by exactly one unless a compaction dropped
     * tombstones; guess, then binary-search the first entry with seq >= p */
    i = p - base;
    if (i >= used || RTS_DICT_SEQ(&en[i]) != p) {
      int64_t lo = 0, hi = used;
      while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (RTS_DICT_SEQ(&en[mid]) < p)
          lo = mid + 1;
        else
          hi = mid;
      }
      i = lo;
    }
  }
  while (i < used && (en[i].seq & RTS_DICT_DEAD)) i++;
  if (i >= used) {
    *pos = d->seq;
    return false;
  }
  *pos = RTS_DICT_SEQ(&en[i]) + 1;
  if (key_out) *key_out = &en[i].key;
  if (value_out) *value_out = &en[i].val;
  return true;
}
