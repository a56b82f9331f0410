/* Private declarations shared by the runtime's C files (not part of the genc contract). */
#ifndef RTS_INTERNAL_H
#define RTS_INTERNAL_H
#include "rts.h"

#define RTS_NOINLINE_ATTR __attribute__((noinline))

/* the errno of the last failed posix or oscall primitive (rts_os_last_error) */
extern int rts_os_errno;
/* str.c's file name conversions (PEP 383): bytes to str decoding UTF-8 with surrogateescape, and
 * back, a lone U+DC80..U+DCFF giving the byte it stands for; the result is NUL-terminated */
rts_str *rts_str_from_fs_bytes(const char *s, int64_t nbytes);
char *rts_str_to_fs_bytes(rts_str *s);
#ifndef _WIN32
#include <sys/stat.h>
/* posix.c's: the host's open(2) flags for Linux-numbered ones (what Python code passes), and a
 * stat as the 13 ints the VM reads (oscall.c's *at calls answer the same way) */
int rts_host_open_flags(int64_t flags);
rts_list *rts_stat_list(const struct stat *st, uint32_t list_tid);
#endif

/* ---- GC internals ---- */
void rts_gc_init(void);
/* gcflags bit of a list whose items live in its own cell, right after the header (no
 * separate buffer to allocate, mark or free), until it outgrows them. */
#define RTS_GC_INLINE 16u
/* Item buffers of heap lists and dicts: GC cells marked through their owner. Never
 * collects; a growing buffer only brings the next collection closer. Not zeroed. */
void *rts_raw_alloc(size_t bytes);
void rts_raw_free(void *p); /* p from rts_raw_alloc (or NULL): reusable at once */
/* Buffers of prebuilt (RTS_GC_STATIC) lists, which may be static arrays: malloc'd, and the
 * old one is never freed. */
void *rts_buf_alloc(size_t bytes);

/* rts_list_new, but a list too large to sit inline keeps whatever its buffer held: for a
 * runtime function that writes every item before it can collect (items of a non-reference
 * kind only, which the collector does not read). */
struct rts_list *rts_list_new_unset(uint32_t tid, int64_t len);
/* Size in bytes of one list item / dict value of the given rts_elem kind. */
static inline size_t rts_elem_size(uint32_t elem) { return elem == RTS_ELEM_BOOL ? 1u : 8u; }

/* Registers the GC references a runtime function holds across an allocation (a shadow
 * frame, like genc's); RTS_UNROOT before returning. */
#define RTS_ROOTS(...)                                                               \
  void *rts__slots[] = {__VA_ARGS__};                                                \
  rts_frame rts__frame = {rts_top_frame, (uint32_t)(sizeof rts__slots / sizeof rts__slots[0]), rts__slots}; \
  rts_top_frame = &rts__frame
#define RTS_ROOT_SET(i, v) (rts__slots[i] = (void *)(v))
#define RTS_UNROOT() (rts_top_frame = rts__frame.prev)

/* ---- dict layout ---- */
typedef union rts_slot {
  int64_t i;
  double f;
  uint8_t b;
  void *p;
} rts_slot;

typedef struct rts_dict_entry {
  rts_slot key;
  rts_slot val;
  int64_t seq;   /* insertion sequence number; RTS_DICT_DEAD bit set for a tombstone */
  uint64_t hash; /* of key: probes compare it before touching the key, resizes reuse it */
} rts_dict_entry;
#define RTS_DICT_DEAD ((int64_t)1 << 62)
#define RTS_DICT_SEQ(e) ((e)->seq & (RTS_DICT_DEAD - 1))

struct rts_dict {
  rts_obj h;
  int64_t len;  /* live entries */
  int64_t used; /* entries[0..used) are in use, tombstones included */
  int64_t cap;  /* capacity of entries */
  int64_t seq;  /* next insertion sequence number (never reset, even by clear) */
  rts_dict_entry *entries;
  int32_t *index; /* open addressing table of entry indices: -1 empty, -2 deleted; it
                   * shares entries' raw buffer, after cap entries */
  uint64_t mask;  /* index size - 1 (index size is a power of two) */
};

/* ---- strings ---- */
rts_str *rts_str_alloc(int64_t len);           /* uninitialised data, fresh heap string */
rts_str *rts_str_from_ascii(const char *s, int64_t n);
rts_str *rts_str_empty(void);                   /* shared static "" */
void rts_str_init_statics(void);
size_t rts_utf8_encode_units(const uint16_t *u, int64_t n, char *out); /* out needs 3*n bytes */

/* ---- OS ---- */
void rts_os_init(void);

#endif
