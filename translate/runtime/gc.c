/* Precise, non-moving mark-sweep collector.
 *
 * Small objects (<= SMALL_MAX bytes) live in 64 KiB-aligned pages, each page holding cells
 * of one size class. A class allocates from its free list (cells freed by the last sweep,
 * in address order) or else by bumping through a fresh page, then zeroes the cell. Larger
 * objects are malloc'd one by one behind a small header and kept on a linked list.
 *
 * The mark bit's meaning flips at every collection ("mark sense"), so survivors never need
 * unmarking. Marking uses an explicit stack (no recursion; long lists and dicts are traced
 * in chunks) and counts live cells per page, so the sweep releases an all-dead page and
 * keeps an all-live page without looking at its cells; only mixed pages are scanned.
 * Empty pages are pooled; the pool beyond what the next cycle will use is decommitted.
 *
 * The item buffers of heap lists and dicts are "raw" GC cells (a header with the string
 * type id, so they are leaves) marked through their owner: a dead owner's buffer dies with
 * it, with no finalization. Replaced buffers are freed at once. Raw allocation never
 * collects (list and dict operations are not collection points); it only brings the next
 * collection closer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rts_internal.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#define RTS_GC_FREE 4u  /* a free cell in a small-object page */
#define RTS_GC_LARGE 8u /* a malloc'd large object */

#define PAGE_BYTES ((size_t)64 * 1024)
#define PAGE_HDR 32u
#define CHUNK_PAGES 32 /* pages are obtained from the OS 2 MiB at a time */
#define SMALL_MAX 2048u
#define NCLASSES 29
#define MIN_THRESHOLD ((size_t)4 << 20)
#define TRACE_CHUNK 4096
#define PAGE_OF(o) ((page *)((uintptr_t)(o) & ~(uintptr_t)(PAGE_BYTES - 1)))

typedef struct page {
  struct page *next;
  uint32_t cellsize, ncells;
  uint32_t live; /* cells marked by the collection in progress */
  uint32_t cls;
  uint32_t cut; /* during a collection: cells below it were handed out, the rest never were */
  uint32_t pad;
} page;
_Static_assert(sizeof(page) == PAGE_HDR, "page header");

typedef struct freecell {
  rts_obj h;
  struct freecell *next;
} freecell;

typedef struct large {
  struct large *prev, *next;
  size_t size, pad;
} large; /* followed by the object, 16-byte aligned */
_Static_assert(sizeof(large) == 32, "large header");
#define RAW_HDR sizeof(rts_obj)

typedef struct mark_item {
  rts_obj *o;
  int64_t i;
} mark_item;

/* 24: three words (a float box, a small string) in their own size, not a third more */
static const uint32_t class_size[NCLASSES] = {16,  24,  32,  48,  64,  80,  96,   112,  128,  144,
                                              160, 176, 192, 208, 224, 240, 256,  320,  384,  448,
                                              512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048};
static uint8_t class_of[SMALL_MAX / 8 + 1]; /* by (size + 7) / 8 */

static inline int class_for(size_t size) { return class_of[(size + 7) >> 3]; }

static freecell *freelist[NCLASSES];
static char *bump[NCLASSES], *bump_end[NCLASSES];
/* JIT code allocates by moving bump[c] up to jit_end[c] and counts nothing: rts_jit_alloc
 * added the bytes from bump[c] to jit_end[c] to since beforehand, so the inline path is a
 * bump and a compare. jit_end[c] lies in bump[c]'s region or is NULL (no window): whatever
 * moves bump[c] to another region clears it. rts_alloc bumping inside a window counts those
 * cells a second time: collections come a little early, never late. Nor does JIT code count
 * since_objects: that only feeds gc.collect()'s answer, which (as CPython's, the unreachable
 * objects found in cycles) has no business counting the ints and floats it allocates. */
static char *jit_end[NCLASSES];
#define JIT_WINDOW ((size_t)8 * 1024)
static page *pages[NCLASSES];
static large *large_list;

/* empty pages: warm ones are committed, cold ones were given back to the OS */
static page **warm, **cold;
static size_t nwarm, ncold, capwarm, capcold;
/* The fewest warm pages there were since the last collection: the pages under that mark sat
 * unused through a whole cycle. Only pages idle for IDLE_CYCLES cycles in a row go back to the
 * OS: giving back what the next cycle takes again costs a fault per 4 KiB (a program whose
 * live data swings between collections spent a fifth of its time there). */
#define IDLE_CYCLES 4
static size_t warm_low, idle_hist[IDLE_CYCLES];
static unsigned idle_at;

static int gc_ready;
static uint32_t sense = RTS_GC_MARK; /* MARK bit value meaning "marked" in the next collection */
static uint32_t alloc_flags;          /* gcflags of a new object: MARK bit = !sense */
/* a header with type id 0 and alloc_flags: JIT code that allocates inline ors its type id in */
static union { rts_obj h; uint64_t w; } jit_hdr;
static size_t since;                  /* bytes allocated since the last collection (objects and buffers) */
static size_t threshold;              /* collect when since would exceed it */
static size_t heap_limit;
/* Room past the limit while a MemoryError is on its way (see rts.h); 0 when closed. */
static size_t reserve_open, reserve_size;
static uint64_t total_before; /* bytes allocated before the last collection */
static uint64_t n_collections, live_bytes, live_objects;
static uint64_t prev_live; /* live bytes after the collection before the last */
static uint64_t mark_bytes, mark_objects;
static int in_gc;
static size_t min_threshold = MIN_THRESHOLD;
static int report; /* env RTS_GC_STATS: a summary on stderr at exit; 2: also a line per collection */
static double gc_seconds, mark_seconds;
static uint64_t peak_live;
static int poison; /* RTS_GC_DEBUG: collect every few KiB and overwrite what is freed */

static mark_item *mstack;
static size_t msp, mcap;
static uint64_t since_objects; /* objects (and buffers) allocated since the last collection */

/* weak entries: state FREE (on the free list), LIVE, or QUEUED (target cleared, owner kept
 * until rts_weak_take_cleared hands it out) */
enum { WEAK_FREE, WEAK_LIVE, WEAK_QUEUED };
typedef struct weak_entry {
  rts_obj *target, *owner;
  int64_t state;
  int64_t next; /* free list, or the queue */
} weak_entry;
static weak_entry *weak;
static int64_t nweak, capweak, weak_free = -1, weak_qhead = -1, weak_qtail = -1;
int64_t rts_weak_nqueued;

/* finalizable objects (PEP 442, as PyPy's): fin holds those registered and not yet found dead;
 * a collection moves the dead ones to finq and keeps them (and all they reach) alive until
 * rts_fin_take hands them to the program, which runs their finalizer once. */
static rts_obj **fin, **finq;
static int64_t nfin, capfin, finq_head, nfinq, capfinq;
int64_t rts_fin_nqueued;

rts_frame *rts_top_frame;
rts_obj *rts_exc;

/* Like CPython, a program may use the machine's memory, not an arbitrary fixed amount; 3/4 of
 * it leaves room for the collector's own overhead, so that MemoryError comes before the
 * kernel's OOM killer or a failing malloc. */
static uint64_t default_limit_mb(void) {
  uint64_t bytes = 0;
#ifdef _WIN32
  MEMORYSTATUSEX ms;
  ms.dwLength = sizeof ms;
  if (GlobalMemoryStatusEx(&ms)) bytes = (uint64_t)ms.ullTotalPhys / 4 * 3;
#else
  long pages = sysconf(_SC_PHYS_PAGES), psize = sysconf(_SC_PAGESIZE);
  if (pages > 0 && psize > 0) bytes = (uint64_t)pages * (uint64_t)psize;
  struct rlimit rl;
  bytes = bytes / 4 * 3;
  /* the address space also holds the program's 1 GiB stack reservation (smaller ones when
   * that fails), the binary and malloc's own overhead: half of it for the heap */
  if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && (uint64_t)rl.rlim_cur / 2 < bytes) bytes = (uint64_t)rl.rlim_cur / 2;
#endif
  uint64_t mb = bytes >> 20;
  return mb >= 64 ? mb : 4096;
}

void rts_gc_init(void) {
  if (gc_ready) return;
  gc_ready = 1;
  int c = 0;
  for (uint32_t u = 0; u <= SMALL_MAX / 8; u++) {
    while (class_size[c] < u * 8) c++;
    class_of[u] = (uint8_t)c;
  }
  uint64_t mb = default_limit_mb();
  const char *e = getenv("RTS_HEAP_LIMIT_MB");
  if (e && *e) {
    char *end;
    unsigned long long v = strtoull(e, &end, 10);
    if (*end == 0 && v > 0) mb = v;
  }
  if (mb > ((uint64_t)1 << 30)) mb = (uint64_t)1 << 30;
#if defined(__GLIBC__)
  /* The program runs on a second thread (for its big stack), whose malloc arena would
   * give memory back on nearly every free of a large object (an madvise per free); the
   * collector already returns its own pages. One arena, trimmed only past 64 MiB. Setting
   * the trim threshold freezes glibc's mmap threshold at 128 KiB, which would map and unmap
   * (and the kernel zero) every large string or list buffer: keep those in the heap too. */
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
  heap_limit = (size_t)(mb << 20);
  reserve_size = heap_limit / 8 > ((size_t)16 << 20) ? heap_limit / 8 : ((size_t)16 << 20);
  const char *st = getenv("RTS_GC_STATS");
  report = st && *st ? (strcmp(st, "2") == 0 ? 2 : 1) : 0;
  const char *dbg = getenv("RTS_GC_DEBUG");
  if (dbg && *dbg) {
    unsigned long kb = strtoul(dbg, NULL, 10);
    min_threshold = (size_t)(kb ? kb : 64) << 10;
    poison = 1;
  }
  threshold = min_threshold < heap_limit ? min_threshold : heap_limit;
  sense = RTS_GC_MARK;
  alloc_flags = 0;
  jit_hdr.h.gcflags = alloc_flags;
  mcap = 4096;
  mstack = malloc(mcap * sizeof *mstack);
  if (!mstack) rts_fatal("out of memory");
}

/* ---- pages from the OS ---- */

static void push_page(page ***arr, size_t *n, size_t *cap, page *p) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 256;
    page **a = realloc(*arr, nc * sizeof *a);
    if (!a) rts_fatal("out of memory");
    *arr = a;
    *cap = nc;
  }
  (*arr)[(*n)++] = p;
}

#ifndef _WIN32
/* Asks for [m, m + bytes) as a huge page and faulted in now; false when the kernel cannot
 * populate it (MADV_POPULATE_WRITE is Linux 5.14's; other systems and older kernels):
 * the caller touches each page then. */
static bool populate(char *m, size_t bytes) {
#if defined(__linux__)
#ifdef MADV_HUGEPAGE
  madvise(m, bytes, MADV_HUGEPAGE);
#endif
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
  return madvise(m, bytes, MADV_POPULATE_WRITE) == 0;
#else
  (void)m;
  (void)bytes;
  return false;
#endif
}
#endif

static void new_chunk(void) {
  size_t bytes = PAGE_BYTES * CHUNK_PAGES;
#ifdef _WIN32
  char *m = VirtualAlloc(NULL, bytes, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE); /* 64 KiB aligned */
  if (!m) rts_fatal("out of memory");
#else
  /* Aligned to its own size (2 MiB), so that Linux can back it with one huge page (THP in its
   * usual madvise mode): one fault and one TLB entry instead of 512, which a VM's nested page
   * walks make dear (allocation touches fresh memory all the time). Populated at once either
   * way: one fault per 4 KiB page costs more than the allocation itself in an
   * allocation-heavy program. */
  char *raw = mmap(NULL, 2 * bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) rts_fatal("out of memory");
  char *m = (char *)(((uintptr_t)raw + bytes - 1) & ~(uintptr_t)(bytes - 1));
  if (m > raw) munmap(raw, (size_t)(m - raw));
  if (m + bytes < raw + 2 * bytes) munmap(m + bytes, (size_t)(raw + 2 * bytes - (m + bytes)));
  if (!populate(m, bytes))
    for (size_t i = 0; i < bytes; i += 4096) ((volatile char *)m)[i] = 0;
#endif
  for (int i = CHUNK_PAGES - 1; i >= 0; i--) push_page(&warm, &nwarm, &capwarm, (page *)(m + (size_t)i * PAGE_BYTES));
}

static page *get_page(void) {
  if (nwarm) {
    page *p = warm[--nwarm];
    if (nwarm < warm_low) warm_low = nwarm;
    return p;
  }
  warm_low = 0;
  if (ncold) {
    page *p = cold[--ncold];
#ifdef _WIN32
    if (!VirtualAlloc(p, PAGE_BYTES, MEM_COMMIT, PAGE_READWRITE)) rts_fatal("out of memory");
#else
    (void)populate((char *)p, PAGE_BYTES); /* one call instead of a fault per 4 KiB; refused: faults as used */
#endif
    return p;
  }
  new_chunk();
  return warm[--nwarm];
}

/* Keeps at least keep warm pages and those used in the last IDLE_CYCLES cycles; gives the
 * memory of the others back to the OS. */
static void trim_pool(size_t keep) {
  idle_hist[idle_at++ % IDLE_CYCLES] = warm_low;
  size_t idle = SIZE_MAX;
  for (int i = 0; i < IDLE_CYCLES; i++)
    if (idle_hist[i] < idle) idle = idle_hist[i];
  if (nwarm > keep && nwarm - keep > idle) keep = nwarm - idle;
  while (nwarm > keep) {
    page *p = warm[--nwarm];
#ifdef _WIN32
    VirtualFree(p, PAGE_BYTES, MEM_DECOMMIT);
#else
    madvise(p, PAGE_BYTES, MADV_DONTNEED);
#endif
    push_page(&cold, &ncold, &capcold, p);
  }
  warm_low = nwarm; /* the next cycle's mark starts from what stays */
}

/* ---- marking ---- */

static void mstack_grow(void) {
  size_t ncap = mcap * 2;
  mark_item *n = realloc(mstack, ncap * sizeof *n);
  if (!n) rts_fatal("out of memory (GC mark stack)");
  mstack = n;
  mcap = ncap;
}

static inline void push(rts_obj *o, int64_t i) {
  if (RTS_UNLIKELY(msp == mcap)) mstack_grow();
  mstack[msp].o = o;
  mstack[msp].i = i;
  msp++;
}

static inline void mark_now(rts_obj *o) {
  uint32_t fl = o->gcflags;
  if ((fl & RTS_GC_MARK) == sense || (fl & RTS_GC_STATIC)) return;
  o->gcflags = fl ^ RTS_GC_MARK;
  if (RTS_UNLIKELY(fl & RTS_GC_LARGE)) {
    mark_bytes += ((large *)o - 1)->size;
  } else {
    page *p = PAGE_OF(o);
    p->live++;
    mark_bytes += p->cellsize;
  }
  mark_objects++;
  if (o->tid != RTS_TID_STR) push(o, 0);
}

/* Marking waits on memory: the objects it reaches lie all over a heap the program has just
 * filled with new ones, out of the caches. Each object goes through a short queue, asked for
 * (prefetched) when it enters and marked when it leaves, PREFETCH_AHEAD marks later, by when
 * its header has arrived. drain() marks what is left in the queue. */
#define PREFETCH_AHEAD 8 /* a power of two */
static rts_obj *pfq[PREFETCH_AHEAD];
static unsigned pfq_at;

static inline void mark(rts_obj *o) {
  if (!o) return;
#if defined(__GNUC__)
  __builtin_prefetch(o, 1);
#endif
  rts_obj *due = pfq[pfq_at];
  pfq[pfq_at] = o;
  pfq_at = (pfq_at + 1) & (PREFETCH_AHEAD - 1);
  if (due) mark_now(due);
}

/* Marks what the queue holds; false when it was empty. */
static bool flush_marks(void) {
  bool any = false;
  for (unsigned k = 0; k < PREFETCH_AHEAD; k++) {
    rts_obj *o = pfq[k];
    if (!o) continue;
    pfq[k] = NULL;
    mark_now(o);
    any = true;
  }
  return any;
}

static void trace(rts_obj *o, int64_t start) {
  if (RTS_UNLIKELY(o->tid >= rts_ntypes)) rts_fatal("GC: corrupt object (type id %u)", (unsigned)o->tid);
  const rts_typeinfo *t = &rts_types[o->tid];
  switch (t->kind) {
  case RTS_KIND_STRUCT: {
    const uint32_t *off = t->ptr_offsets;
    for (uint32_t j = 0, n = t->nptrs; j < n; j++) mark(*(rts_obj **)((char *)o + off[j]));
    break;
  }
  case RTS_KIND_LIST: {
    rts_list *l = (rts_list *)o;
    if (start == 0 && l->items && !(o->gcflags & (RTS_GC_STATIC | RTS_GC_INLINE))) mark((rts_obj *)((char *)l->items - RAW_HDR));
    if (t->elem != RTS_ELEM_PTR && t->elem != RTS_ELEM_STR) break;
    int64_t end = l->len;
    if (end - start > TRACE_CHUNK) {
      end = start + TRACE_CHUNK;
      push(o, end);
    }
    rts_obj **items = l->items;
    for (int64_t i = start; i < end; i++) mark(items[i]);
    break;
  }
  case RTS_KIND_DICT: {
    rts_dict *d = (rts_dict *)o;
    if (start == 0 && d->entries) mark((rts_obj *)((char *)d->entries - RAW_HDR));
    bool kp = t->key == RTS_ELEM_PTR || t->key == RTS_ELEM_STR;
    bool vp = t->elem == RTS_ELEM_PTR || t->elem == RTS_ELEM_STR;
    if (!kp && !vp) break;
    int64_t end = d->used;
    if (end - start > TRACE_CHUNK) {
      end = start + TRACE_CHUNK;
      push(o, end);
    }
    for (int64_t i = start; i < end; i++) {
      rts_dict_entry *e = &d->entries[i];
      if (e->seq & RTS_DICT_DEAD) continue;
      if (kp) mark(e->key.p);
      if (vp) mark(e->val.p);
    }
    break;
  }
  default:
    break;
  }
}

static void drain(void) {
  do {
    while (msp > 0) {
      msp--;
      trace(mstack[msp].o, mstack[msp].i);
    }
  } while (flush_marks());
}

static void mark_all(void) {
  msp = 0;
  mark_bytes = mark_objects = 0;
  for (uint32_t i = 0; i < rts_nstatic_roots; i++) {
    rts_obj *r = rts_static_roots[i];
    if (!r) continue;
    if (r->gcflags & RTS_GC_STATIC)
      push(r, 0); /* traced, never marked: statics are not in the heap */
    else
      mark(r);
  }
  for (rts_frame *f = rts_top_frame; f; f = f->prev)
    for (uint32_t i = 0; i < f->n; i++) mark((rts_obj *)f->slots[i]);
  mark(rts_exc);
  for (int64_t h = weak_qhead; h >= 0; h = weak[h].next) mark(weak[h].owner);
  for (int64_t i = finq_head; i < nfinq; i++) mark(finq[i]);
  drain();
}

/* ---- weak entries ---- */

static inline bool survives(rts_obj *o) { return (o->gcflags & RTS_GC_STATIC) || (o->gcflags & RTS_GC_MARK) == sense; }

static void finq_push(rts_obj *o) {
  if (finq_head > 0 && nfinq == capfinq) {
    /* reuse the taken prefix before growing */
    memmove(finq, finq + finq_head, (size_t)(nfinq - finq_head) * sizeof *finq);
    nfinq -= finq_head;
    finq_head = 0;
  }
  if (nfinq == capfinq) {
    int64_t nc = capfinq ? capfinq * 2 : 64;
    rts_obj **n = realloc(finq, (size_t)nc * sizeof *n);
    if (!n) rts_fatal("out of memory (finalizers)");
    finq = n;
    capfinq = nc;
  }
  finq[nfinq++] = o;
  rts_fin_nqueued++;
}

/* After marking, before the weak entries: queue the registered objects marking found dead and
 * mark from them, so that they and what they reach live until their finalizers ran. Their weak
 * references are cleared by the collection after that. */
static void process_fin(void) {
  int64_t keep = 0;
  for (int64_t i = 0; i < nfin; i++) {
    rts_obj *o = fin[i];
    if (survives(o))
      fin[keep++] = o;
    else
      finq_push(o);
  }
  if (keep == nfin) return;
  nfin = keep;
  for (int64_t i = finq_head; i < nfinq; i++) mark(finq[i]);
  drain();
}

void rts_fin_register(void *o) {
  if (nfin == capfin) {
    int64_t nc = capfin ? capfin * 2 : 256;
    rts_obj **n = realloc(fin, (size_t)nc * sizeof *n);
    if (!n) rts_fatal("out of memory (finalizers)");
    fin = n;
    capfin = nc;
  }
  fin[nfin++] = o;
}

void *rts_fin_take(void) {
  if (finq_head >= nfinq) rts_fatal("fin: no object queued");
  rts_obj *o = finq[finq_head++];
  rts_fin_nqueued--;
  if (finq_head == nfinq) finq_head = nfinq = 0;
  return o;
}

/* After marking, before sweeping: free the entries of dead owners, clear and queue those of
 * dead targets. */
static void process_weak(void) {
  for (int64_t h = 0; h < nweak; h++) {
    weak_entry *e = &weak[h];
    if (e->state != WEAK_LIVE) continue;
    if (!survives(e->owner)) {
      rts_weak_free(h);
    } else if (e->target && !survives(e->target)) {
      e->target = NULL;
      e->state = WEAK_QUEUED;
      e->next = -1;
      if (weak_qtail >= 0)
        weak[weak_qtail].next = h;
      else
        weak_qhead = h;
      weak_qtail = h;
      rts_weak_nqueued++;
    }
  }
}

int64_t rts_weak_create(void *target, void *owner) {
  int64_t h = weak_free;
  if (h >= 0) {
    weak_free = weak[h].next;
  } else {
    if (nweak == capweak) {
      int64_t nc = capweak ? capweak * 2 : 256;
      weak_entry *n = realloc(weak, (size_t)nc * sizeof *n);
      if (!n) rts_fatal("out of memory (weak references)");
      weak = n;
      capweak = nc;
    }
    h = nweak++;
  }
  weak[h].target = target;
  weak[h].owner = owner;
  weak[h].state = WEAK_LIVE;
  weak[h].next = -1;
  return h;
}

bool rts_weak_alive(int64_t h) { return h >= 0 && h < nweak && weak[h].state == WEAK_LIVE && weak[h].target; }

void *rts_weak_get(int64_t h) {
  if (!rts_weak_alive(h)) rts_fatal("weak: entry %lld has no target", (long long)h);
  return weak[h].target;
}

void *rts_weak_owner(int64_t h) {
  if (h < 0 || h >= nweak || weak[h].state == WEAK_FREE) rts_fatal("weak: entry %lld has no owner", (long long)h);
  return weak[h].owner;
}

int64_t rts_weak_take_cleared(void) {
  int64_t h = weak_qhead;
  if (h < 0) return -1;
  weak_qhead = weak[h].next;
  if (weak_qhead < 0) weak_qtail = -1;
  weak[h].state = WEAK_LIVE; /* target NULL: not alive; the owner frees it */
  weak[h].next = -1;
  rts_weak_nqueued--;
  return h;
}

void rts_weak_free(int64_t h) {
  if (h < 0 || h >= nweak || weak[h].state == WEAK_FREE) return;
  if (weak[h].state == WEAK_QUEUED) {
    /* unlink from the queue */
    int64_t prev = -1;
    for (int64_t q = weak_qhead; q >= 0 && q != h; q = weak[q].next) prev = q;
    if (prev >= 0)
      weak[prev].next = weak[h].next;
    else
      weak_qhead = weak[h].next;
    if (weak_qtail == h) weak_qtail = prev;
    rts_weak_nqueued--;
  }
  weak[h].target = weak[h].owner = NULL;
  weak[h].state = WEAK_FREE;
  weak[h].next = weak_free;
  weak_free = h;
}

int64_t rts_weak_find(void *target, int64_t from) {
  for (int64_t h = from < 0 ? 0 : from; h < nweak; h++)
    if (weak[h].state == WEAK_LIVE && weak[h].target == target) return h;
  return -1;
}

/* ---- sweeping ---- */

/* The page each class is bump-allocating from, while a collection runs: its cells from cut on
 * were never handed out, so the sweep stops there (writing a free header into each of them
 * touched up to a page of cold memory per class), and allocation goes on from there after. */
static page *bump_page[NCLASSES];

static void retire_bump(void) {
  for (int c = 0; c < NCLASSES; c++) {
    bump_page[c] = NULL;
    if (!bump[c]) continue;
    page *p = PAGE_OF(bump_end[c] - 1);
    p->cut = (uint32_t)((size_t)(bump[c] - ((char *)p + PAGE_HDR)) / class_size[c]);
    bump_page[c] = p;
    bump[c] = bump_end[c] = jit_end[c] = NULL;
  }
}

/* After the sweep: the bump pages that are still in use go on from their cut. */
static void resume_bump(void) {
  for (int c = 0; c < NCLASSES; c++) {
    page *p = bump_page[c];
    if (!p) continue;
    bump_page[c] = NULL;
    if (p->cut == p->ncells) continue;
    char *first = (char *)p + PAGE_HDR;
    bump[c] = first + (size_t)p->cut * class_size[c];
    bump_end[c] = first + (size_t)p->ncells * class_size[c];
    p->cut = p->ncells;
  }
}

static void large_unlink_free(large *b) {
  if (b->prev)
    b->prev->next = b->next;
  else
    large_list = b->next;
  if (b->next) b->next->prev = b->prev;
  free(b);
}

static void sweep(void) {
  for (int c = 0; c < NCLASSES; c++) {
    freecell *head = NULL, **tailp = &head;
    page **pp = &pages[c];
    const uint32_t cs = class_size[c];
    while (*pp) {
      page *p = *pp;
      char *cell = (char *)p + PAGE_HDR, *end = cell + (size_t)p->cut * cs;
      if (p->live == 0) { /* all dead */
        if (poison) memset(cell, 0xDB, (size_t)p->ncells * cs);
        if (bump_page[c] == p) bump_page[c] = NULL;
        *pp = p->next;
        push_page(&warm, &nwarm, &capwarm, p);
        continue;
      }
      pp = &p->next;
      if (p->live == p->cut) { /* all live */
        p->live = 0;
        continue;
      }
      p->live = 0;
      for (; cell < end; cell += cs) {
        rts_obj *o = (rts_obj *)cell;
        uint32_t fl = o->gcflags;
        if (!(fl & RTS_GC_FREE)) {
          if ((fl & RTS_GC_MARK) == sense) continue; /* live */
          if (poison) memset(cell, 0xDB, cs);
          o->gcflags = RTS_GC_FREE;
        }
        *tailp = (freecell *)cell;
        tailp = &((freecell *)cell)->next;
      }
    }
    *tailp = NULL;
    freelist[c] = head;
  }
  for (large *b = large_list, *next; b; b = next) {
    next = b->next;
    if ((((rts_obj *)(b + 1))->gcflags & RTS_GC_MARK) != sense) {
      if (poison) memset(b + 1, 0xDB, b->size);
      large_unlink_free(b);
    }
  }
}

/* ---- statistics (RTS_GC_STATS) ---- */

/* Rows by type id; the last row holds the type ids past it (and, for allocations, list and
 * dict buffers). */
#define COUNTED_TYPES 4096
static inline uint32_t row_of(uint32_t tid) { return tid < COUNTED_TYPES ? tid : COUNTED_TYPES; }

/* allocations by type id for the report */
static uint64_t alloc_count[COUNTED_TYPES + 1], alloc_bytes[COUNTED_TYPES + 1];

static RTS_NOINLINE_ATTR void count_alloc(uint32_t tid, size_t size) {
  uint32_t row = row_of(tid);
  alloc_count[row]++;
  alloc_bytes[row] += size;
}

/* RTS_GC_STATS=2: what a collection found live, by type id; the collection with the most live
 * bytes is kept for the report; and the large objects among them */
static uint64_t census_n[COUNTED_TYPES + 1], census_b[COUNTED_TYPES + 1];
static uint64_t peak_n[COUNTED_TYPES + 1], peak_b[COUNTED_TYPES + 1];
static uint64_t census_large_n, census_large_b;

/* After the sweep, before the bump pages resume: every cell below a page's cut is free or live. */
static void census(void) {
  memset(census_n, 0, sizeof census_n);
  memset(census_b, 0, sizeof census_b);
  for (int c = 0; c < NCLASSES; c++) {
    const uint32_t cs = class_size[c];
    for (page *p = pages[c]; p; p = p->next) {
      char *cell = (char *)p + PAGE_HDR, *end = cell + (size_t)p->cut * cs;
      for (; cell < end; cell += cs) {
        rts_obj *o = (rts_obj *)cell;
        if (o->gcflags & RTS_GC_FREE) continue;
        census_n[row_of(o->tid)]++;
        census_b[row_of(o->tid)] += cs;
      }
    }
  }
  census_large_n = census_large_b = 0;
  for (large *b = large_list; b; b = b->next) {
    uint32_t row = row_of(((rts_obj *)(b + 1))->tid);
    census_n[row]++;
    census_b[row] += b->size;
    census_large_n++;
    census_large_b += b->size;
  }
  if (mark_bytes > peak_live) {
    memcpy(peak_n, census_n, sizeof peak_n);
    memcpy(peak_b, census_b, sizeof peak_b);
  }
}

static void collect(size_t request) {
  if (!gc_ready) rts_gc_init();
  if (in_gc) rts_fatal("GC: re-entered");
  in_gc = 1;
  double t0 = report ? rts_clock() : 0;
  retire_bump();
  mark_all();
  process_fin();
  process_weak();
  if (report) mark_seconds += rts_clock() - t0;
  sweep();
  if (report == 2) census();
  resume_bump();
  live_bytes = mark_bytes;
  live_objects = mark_objects;
  sense ^= RTS_GC_MARK; /* survivors now read as unmarked */
  alloc_flags = sense ^ RTS_GC_MARK;
  jit_hdr.h.gcflags = alloc_flags;
  n_collections++;
  uint64_t prev_total = total_before;
  total_before += since;
  since = 0;
  since_objects = 0;
  if (live_bytes + request > heap_limit) {
    if (live_bytes + request > heap_limit + reserve_size) rts_fatal("out of memory");
    /* over the limit: lend the reserve and have the next function entry raise MemoryError */
    reserve_open = reserve_size;
    if (!rts_oom_pending) {
      rts_oom_pending = true;
      rts_saved_max_depth = rts_max_depth;
      rts_max_depth = 0;
    }
  } else if (reserve_open) {
    /* back under the limit: the program let go; a MemoryError not yet raised is moot */
    reserve_open = 0;
    if (rts_oom_pending) {
      rts_oom_pending = false;
      rts_max_depth = rts_saved_max_depth;
    }
  }
  /* heap up to 4x live (marking is most of a collection), live taken as the mean of the last
   * two collections: one that falls while a big temporary is alive (a string being joined, a
   * list's old buffer) would otherwise let the heap, and the memory the OS must hand over and
   * clear, grow by three times that temporary */
  size_t t = (live_bytes + prev_live) / 2 * 3;
  prev_live = live_bytes;
  if (t < min_threshold) t = min_threshold;
  if (poison) t = min_threshold;
  size_t room = heap_limit + reserve_open - live_bytes;
  if (t > room) t = room;
  threshold = t;
  trim_pool(t / PAGE_BYTES + 16);
  if (live_bytes > peak_live) peak_live = live_bytes;
  if (report) gc_seconds += rts_clock() - t0;
  if (report == 2)
    fprintf(stderr, "gc: collection %llu after %.1f MB: live %.1f MB in %llu objects (%.1f MB in %llu large), next at %.1f MB\n",
            (unsigned long long)n_collections, (double)(total_before - prev_total) / 1e6, (double)live_bytes / 1e6,
            (unsigned long long)live_objects, (double)census_large_b / 1e6, (unsigned long long)census_large_n, (double)threshold / 1e6);
  in_gc = 0;
}

/* The rows with the most bytes, most first (consumes bytes); row `other` is named for itself. */
static void print_top(uint64_t *bytes, const uint64_t *count, uint32_t nrows, uint32_t other, const char *other_name, const char *what, const char *unit) {
  for (int shown = 0; shown < 12; shown++) {
    uint32_t best = 0;
    for (uint32_t r = 1; r < nrows; r++)
      if (bytes[r] > bytes[best]) best = r;
    if (!bytes[best]) break;
    const char *name = best == other ? other_name : best < rts_ntypes && rts_types[best].name ? rts_types[best].name : "?";
    fprintf(stderr, "gc: %10.1f MB %s %10llu %s of %s\n", (double)bytes[best] / 1e6, what, (unsigned long long)count[best], unit, name);
    bytes[best] = 0;
  }
}

void rts_gc_report(void) {
  if (!report) return;
  print_top(alloc_bytes, alloc_count, COUNTED_TYPES + 1, COUNTED_TYPES, "(list and dict buffers)", "in", "allocations");
  if (report == 2 && peak_live > 0) {
    fprintf(stderr, "gc: at the peak (%.1f MB live):\n", (double)peak_live / 1e6);
    print_top(peak_b, peak_n, COUNTED_TYPES + 1, RTS_TID_STR, "string (and list and dict buffers)", "live in", "objects");
  }
  fprintf(stderr, "gc: %llu collections in %.3f s (marking %.3f s), %.1f MB allocated, peak live %.1f MB, live now %.1f MB in %llu objects\n",
          (unsigned long long)n_collections, gc_seconds, mark_seconds, (double)(total_before + since) / 1e6, (double)peak_live / 1e6,
          (double)live_bytes / 1e6, (unsigned long long)live_objects);
}

void rts_gc_collect(void) { collect(0); }

int64_t rts_gc_collect_count(void) {
  uint64_t before = live_objects + since_objects;
  collect(0);
  return before > live_objects ? (int64_t)(before - live_objects) : 0;
}

int64_t rts_gc_collections(void) { return (int64_t)n_collections; }

void rts_raise_memory_error(void) {
  /* rts_raise_stack_overflow raises MemoryError while rts_oom_pending, and clears it */
  if (!rts_oom_pending) {
    rts_oom_pending = true;
    rts_saved_max_depth = rts_max_depth;
    rts_max_depth = 0;
  }
  rts_raise_stack_overflow();
}

bool rts_gc_room_for(size_t bytes) {
  if (!gc_ready) rts_gc_init();
  if (bytes <= heap_limit && live_bytes + since + bytes <= heap_limit) return true;
  if (bytes <= heap_limit) {
    collect(0);
    if (live_bytes + bytes <= heap_limit) return true;
  }
  rts_raise_memory_error();
  return false;
}

void rts_gc_get_stats(rts_gc_stats *out) {
  out->collections = n_collections;
  out->bytes_allocated_total = total_before + since;
  out->bytes_live = live_bytes;
  out->objects_live = live_objects;
}

/* ---- allocation ---- */

static RTS_NOINLINE_ATTR char *refill(int c) {
  page *p = get_page();
  const uint32_t cs = class_size[c];
  p->cellsize = cs;
  p->ncells = (uint32_t)((PAGE_BYTES - PAGE_HDR) / cs);
  p->live = 0;
  p->cut = p->ncells; /* all handed out by the next collection, unless retire_bump says less */
  p->cls = (uint32_t)c;
  p->next = pages[c];
  pages[c] = p;
  char *cell = (char *)p + PAGE_HDR;
  bump[c] = cell + cs;
  bump_end[c] = cell + (size_t)p->ncells * cs;
  jit_end[c] = NULL;
  return cell;
}

static RTS_NOINLINE_ATTR void *alloc_large(uint32_t tid, size_t size, bool may_collect, bool zero) {
  if (!gc_ready) rts_gc_init();
  if (size > heap_limit || size > SIZE_MAX - 64) rts_fatal("out of memory");
  size = (size + 15) & ~(size_t)15;
  if (may_collect && since + size > threshold) collect(size);
  since += size;
  since_objects++;
  large *b = malloc(sizeof(large) + size);
  if (!b) rts_fatal("out of memory");
  b->size = size;
  b->prev = NULL;
  b->next = large_list;
  if (large_list) large_list->prev = b;
  large_list = b;
  rts_obj *o = (rts_obj *)(b + 1);
  if (zero) memset(o, 0, size);
  o->tid = tid;
  o->gcflags = alloc_flags | RTS_GC_LARGE;
  return o;
}

/* Zeroes the first size bytes of a cell, rounded up to 16 (cells are 16-byte multiples).
 * Small cells get plain stores: an inlined "rep stos" costs more than the allocation. */
#if defined(__GNUC__) && !defined(__clang__)
#define RTS_NO_MEMSET_IDIOM __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define RTS_NO_MEMSET_IDIOM
#endif
RTS_NO_MEMSET_IDIOM static inline void zero_cell(void *p, size_t size) {
  if (size <= 256) {
    /* by words: a 24-byte cell is followed by the next cell's header */
    uint64_t *q = p;
    size_t n = (size + 7) / 8;
    do {
      *q++ = 0;
    } while (--n);
  } else {
    memset(p, 0, size);
  }
}

/* the same optimisation attributes as zero_cell, or gcc will not inline it here */
RTS_NO_MEMSET_IDIOM void *rts_alloc(uint32_t tid, size_t size) {
  if (RTS_UNLIKELY(report)) count_alloc(tid, size);
  if (RTS_UNLIKELY(size > SMALL_MAX)) return alloc_large(tid, size, true, true);
  int c = class_for(size);
  size_t cs = class_size[c];
  if (RTS_UNLIKELY(since + cs > threshold)) {
    collect(cs);
    c = class_for(size); /* the first collection initialises the tables */
    cs = class_size[c];
  }
  since += cs;
  since_objects++;
  rts_obj *o;
  freecell *f = freelist[c];
  if (f) {
    freelist[c] = f->next;
    o = &f->h;
  } else {
    char *b = bump[c];
    if (RTS_LIKELY((uintptr_t)bump_end[c] - (uintptr_t)b >= cs))
      bump[c] = b + cs;
    else
      b = refill(c);
    o = (rts_obj *)b;
  }
  zero_cell(o, size);
  o->tid = tid;
  o->gcflags = alloc_flags;
  return o;
}

/* What JIT code calls when its window (jit_end) has no cell left: rts_alloc, then a new window
 * of up to JIT_WINDOW bytes of the bump region, counted now, unless that would pass the
 * threshold (then the code comes here for each object until rts_alloc collects). With no bump
 * region (rts_alloc takes free cells first, and there were some), a fresh page: else the code
 * would come here for each free cell (a tenth of its time in a loop boxing ints); the free
 * cells are rts_alloc's, and the sweep makes a new list of them anyway. */
void *rts_jit_alloc(uint32_t tid, size_t size) {
  void *o = rts_alloc(tid, size);
  if (report || poison || size > SMALL_MAX) return o;
  int c = class_for(size);
  size_t cs = class_size[c];
  if (since + JIT_WINDOW > threshold) return o;
  if (bump_end[c] == bump[c]) bump[c] = refill(c); /* the page's first cell too */
  size_t room = (size_t)(bump_end[c] - bump[c]);
  if (room > JIT_WINDOW) room = JIT_WINDOW / cs * cs;
  if (room) {
    since += room;
    jit_end[c] = bump[c] + room;
  }
  return o;
}

/* For JIT code allocating small objects inline (see rlib gcAllocInfo): the addresses of the
 * size class's bump pointer and window end (jit_end) and of the header flags, the cell size; 0
 * when every allocation must go through rts_alloc (statistics, the debug mode, a large object). */
int64_t rts_gc_jit_info(int64_t what, int64_t size) {
  if (!gc_ready) rts_gc_init();
  if (what == 8) {
    union { rts_obj h; uint64_t w; } t;
    t.h.tid = (uint32_t)size;
    t.h.gcflags = 0;
    return (int64_t)t.w;
  }
  if (report || poison || size <= 0 || (size_t)size > SMALL_MAX) return 0;
  int c = class_for(size);
  switch (what) {
  case 4: return (int64_t)(intptr_t)&bump[c];
  case 5: return (int64_t)(intptr_t)&jit_end[c];
  case 6: return (int64_t)class_size[c];
  case 7: return (int64_t)(intptr_t)&jit_hdr.w;
  }
  return 0;
}

void *rts_alloc_unzeroed(uint32_t tid, size_t size) {
  if (size <= SMALL_MAX) return rts_alloc(tid, size);
  if (RTS_UNLIKELY(report)) count_alloc(tid, size);
  return alloc_large(tid, size, true, false);
}

/* ---- buffers of lists and dicts ---- */

void *rts_raw_alloc(size_t bytes) {
  if (!gc_ready) rts_gc_init();
  if (RTS_UNLIKELY(report)) count_alloc(UINT32_MAX, bytes);
  if (bytes > heap_limit) rts_fatal("out of memory");
  size_t size = bytes + RAW_HDR;
  rts_obj *o;
  if (size > SMALL_MAX) {
    o = alloc_large(RTS_TID_STR, size, false, false);
  } else {
    int c = class_for(size);
    size_t cs = class_size[c];
    since += cs;
    since_objects++;
    freecell *f = freelist[c];
    if (f) {
      freelist[c] = f->next;
      o = &f->h;
    } else {
      char *b = bump[c];
      if ((uintptr_t)bump_end[c] - (uintptr_t)b >= cs)
        bump[c] = b + cs;
      else
        b = refill(c);
      o = (rts_obj *)b;
    }
    o->tid = RTS_TID_STR;
    o->gcflags = alloc_flags;
  }
  return (char *)o + RAW_HDR;
}

void rts_raw_free(void *p) {
  if (!p) return;
  rts_obj *o = (rts_obj *)((char *)p - RAW_HDR);
  if (since_objects) since_objects--;
  if (o->gcflags & RTS_GC_LARGE) {
    large_unlink_free((large *)o - 1);
    return;
  }
  int c = (int)PAGE_OF(o)->cls;
  if (poison) memset(o, 0xDB, class_size[c]);
  freecell *f = (freecell *)o;
  f->h.gcflags = RTS_GC_FREE;
  f->next = freelist[c];
  freelist[c] = f;
}

/* Buffers of prebuilt (static) lists: plain malloc, never freed by the collector. */
static void check_buf(size_t bytes) {
  if (!gc_ready) rts_gc_init();
  if (bytes > heap_limit) rts_fatal("out of memory");
}

void *rts_buf_alloc(size_t bytes) {
  check_buf(bytes);
  void *p = malloc(bytes ? bytes : 1);
  if (!p) rts_fatal("out of memory");
  since += bytes;
  return p;
}
