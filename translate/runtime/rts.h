/* The C runtime of translated RTS programs: the contract between genc's output and the
 * runtime sources beside this header. genc emits only calls declared here (plus plain C).
 *
 * Values: int -> int64_t, float -> double, bool -> bool, every GC reference -> a pointer
 * to a struct that starts with rts_obj. null -> NULL.
 * Exceptions: a raising call sets rts_exc and returns a dummy value; every caller tests
 * rts_exc after calls that can raise (no setjmp/longjmp, so the shadow stack stays exact).
 * GC: precise, non-moving mark-sweep. Roots: the shadow stack (every function registers an
 * array of its GC-reference locals), the static roots genc lists, and rts_exc.
 */
#ifndef RTS_H
#define RTS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <signal.h>

#define RTS_LIKELY(x) __builtin_expect(!!(x), 1)
#define RTS_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ---- object header and type table ------------------------------------------------ */
typedef struct rts_obj {
  uint32_t tid;     /* index into rts_types */
  uint32_t gcflags; /* RTS_GC_* bits, owned by the collector */
} rts_obj;

#define RTS_GC_MARK 1u
#define RTS_GC_STATIC 2u /* prebuilt constant: never freed, traced as a root */

enum rts_kind {
  RTS_KIND_STRUCT = 0, /* instance of an RTS class: fixed size, ptr_offsets give the references */
  RTS_KIND_STR = 1,    /* rts_str */
  RTS_KIND_LIST = 2,   /* rts_list; elem says what the items are */
  RTS_KIND_DICT = 3    /* rts_dict; key and value kinds say what entries hold */
};

enum rts_elem { /* representation of list items and dict keys/values */
  RTS_ELEM_I64 = 0,
  RTS_ELEM_F64 = 1,
  RTS_ELEM_BOOL = 2, /* stored as uint8_t */
  RTS_ELEM_PTR = 3,  /* GC reference (may be NULL) */
  RTS_ELEM_STR = 4   /* GC reference to rts_str; as a dict key: compared by value */
};

typedef struct rts_typeinfo {
  const char *name;            /* class name, for errors and uncaught exceptions */
  uint32_t kind;               /* enum rts_kind */
  uint32_t size;               /* STRUCT: sizeof the struct, header included */
  uint32_t nptrs;              /* STRUCT: number of reference fields */
  const uint32_t *ptr_offsets; /* STRUCT: byte offsets of reference fields */
  uint32_t elem;               /* LIST: item kind; DICT: value kind */
  uint32_t key;                /* DICT: key kind (I64, STR, or PTR = identity) */
  uint32_t sub_lo, sub_hi;     /* STRUCT: class ids in preorder; x instanceof C <=> C.sub_lo <= tid(x) < C.sub_hi */
} rts_typeinfo;

extern const rts_typeinfo rts_types[]; /* emitted by genc */
extern const uint32_t rts_ntypes;      /* emitted by genc */
/* genc reserves these type ids for the runtime's own objects */
#define RTS_TID_STR 0u

/* ---- shadow stack -------------------------------------------------------------- */
typedef struct rts_frame {
  struct rts_frame *prev;
  uint32_t n;
  void **slots; /* n GC references; NULL entries are skipped */
} rts_frame;
extern rts_frame *rts_top_frame;

/* prebuilt constants that may point to heap objects after mutation; emitted by genc */
extern rts_obj *const rts_static_roots[];
extern const uint32_t rts_nstatic_roots;

/* ---- exceptions ------------------------------------------------------------------ */
extern rts_obj *rts_exc; /* the pending exception, or NULL */
/* Every RTS exception class derives from Error, whose struct genc lays out as
 * { rts_obj h; rts_str *message; ... } so the runtime can print uncaught ones. */
void rts_fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* Stack depth guard: genc calls this on function entry; on overflow it raises (via
 * rts_raise_stack_overflow, emitted by genc, which sets rts_exc to an Error) and returns true.
 * The same check is the safe point for heap exhaustion: the collector, unable to stay under
 * the limit, sets rts_oom_pending and drops rts_max_depth to 0 (saving it in
 * rts_saved_max_depth), so the next function entry raises rlib's MemoryError instead, at no
 * cost to the common path. Functions genc inlines have no entry check: creating an object
 * through an inlined constructor tests rts_oom_pending instead. */
extern int64_t rts_depth, rts_max_depth, rts_saved_max_depth;
extern bool rts_oom_pending;
bool rts_raise_stack_overflow(void);

/* ---- allocation and GC ---------------------------------------------------------- */
/* Only rts_alloc and the runtime functions that return a new object (strings, lists,
 * dicts) collect; list and dict mutators (push, insert, set, ...) never do. Runtime
 * functions keep their own arguments alive across the collections they trigger.
 * Env RTS_GC_DEBUG=<KiB>: collect every <KiB> allocated and overwrite freed memory with
 * 0xDB (finds missing shadow-stack roots in generated code). */
void *rts_alloc(uint32_t tid, size_t size); /* zero-filled, header set; may collect */
/* the same, but a large object's bytes past the header are left as they are: for a caller
 * that fills every byte at once (a file read into a string) */
void *rts_alloc_unzeroed(uint32_t tid, size_t size);
/* rts_alloc for JIT code that allocates inline (gc.c jit_end): may collect */
void *rts_jit_alloc(uint32_t tid, size_t size);
/* What JIT code needs to allocate objects of size bytes inline (rlib gcAllocInfo). */
int64_t rts_gc_jit_info(int64_t what, int64_t size);
void rts_gc_collect(void);
/* For runtime functions about to allocate `bytes` at once (a whole file): true if that fits under
 * the heap limit (collecting first if need be); otherwise raises MemoryError (rts_exc set) and
 * returns false, so a too-large request is an exception the program can catch, not fatal. */
bool rts_gc_room_for(size_t bytes);
void rts_raise_memory_error(void);
typedef struct rts_gc_stats {
  uint64_t collections, bytes_allocated_total, bytes_live, objects_live;
} rts_gc_stats;
void rts_gc_get_stats(rts_gc_stats *out);
/* A full collection now (gc.collect()): the number of objects it found dead. */
int64_t rts_gc_collect_count(void);
int64_t rts_gc_collections(void);
/* Weak entries (translate/rlib/weak.ts): a target and an owner, both held weakly. After
 * marking, an entry whose owner died is freed; one whose target died is cleared and queued for
 * rts_weak_take_cleared, its owner then kept alive until taken. */
int64_t rts_weak_create(void *target, void *owner);
bool rts_weak_alive(int64_t h);
void *rts_weak_get(int64_t h);
void *rts_weak_owner(int64_t h);
int64_t rts_weak_take_cleared(void);
void rts_weak_free(int64_t h);
int64_t rts_weak_find(void *target, int64_t from);
extern int64_t rts_weak_nqueued;
/* Finalizable objects: rts_fin_register(o) once; a collection that finds o dead queues it (kept
 * alive with all it reaches) for rts_fin_take, one at a time while rts_fin_nqueued. */
void rts_fin_register(void *o);
void *rts_fin_take(void);
extern int64_t rts_fin_nqueued;
/* Env RTS_GC_STATS=1: at exit, print collections, time spent collecting and bytes allocated. */
void rts_gc_report(void);
/* Limit: env RTS_HEAP_LIMIT_MB (default: 3/4 of physical memory, at most half of RLIMIT_AS). Past it after a full collection, the heap
 * grows into a reserve (1/8 of the limit, at least 16 MiB) and the next function entry raises
 * MemoryError (see rts_oom_pending), so that the program can unwind and free memory; the
 * reserve is closed again once a collection finds the heap back under the limit. Past the
 * reserve too (no function entered, or the handler kept allocating): rts_fatal("out of memory").
 * A single object larger than the limit is fatal at once. */

/* ---- strings (immutable UTF-16 code units, like JS strings) ------------------------ */
typedef struct rts_str {
  rts_obj h;
  int64_t len;
  uint32_t hash; /* 0 = not computed yet */
  uint16_t data[];
} rts_str;
/* rts_str_hash: h = 2166136261; for each unit u: h = (h ^ u) * 16777619 (mod 2^32); then
 * h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16; 0 becomes 1.
 * It is cached in s->hash except for RTS_GC_STATIC strings (they may be in read-only
 * memory): genc may prefill the hash of its constant strings. */

rts_str *rts_str_from_utf8(const char *s, int64_t nbytes); /* invalid sequences -> U+FFFD */
rts_str *rts_str_lit(const uint16_t *units, int64_t len);  /* a fresh heap copy */
char *rts_str_to_utf8(rts_str *s, int64_t *nbytes_out);    /* malloc'd, NUL-terminated; lone surrogate -> U+FFFD */
rts_str *rts_str_concat(rts_str *a, rts_str *b);
bool rts_str_eq(rts_str *a, rts_str *b);                   /* NULL-safe: NULL == NULL */
int64_t rts_str_cmp(rts_str *a, rts_str *b);               /* <0, 0, >0 by code units, like JS < */
uint32_t rts_str_hash(rts_str *s);
int64_t rts_str_char_code_at(rts_str *s, int64_t i);       /* out of range -> fatal */
rts_str *rts_str_char_at(rts_str *s, int64_t i);           /* s[i]; out of range -> fatal */
rts_str *rts_str_from_char_code(int64_t code);             /* String.fromCharCode: code & 0xFFFF */
rts_str *rts_str_slice(rts_str *s, int64_t start, int64_t end);     /* JS slice semantics (negatives count from end) */
rts_str *rts_str_substring(rts_str *s, int64_t start, int64_t end); /* JS substring semantics */
extern rts_str *rts_ascii_unit[128]; /* shared one-unit ASCII strings; NULL before start-up */
int64_t rts_str_index_of(rts_str *s, rts_str *needle, int64_t from);
int64_t rts_str_last_index_of(rts_str *s, rts_str *needle);
bool rts_str_starts_with(rts_str *s, rts_str *p);
bool rts_str_ends_with(rts_str *s, rts_str *p);
rts_str *rts_str_repeat(rts_str *s, int64_t n);
rts_str *rts_str_trim(rts_str *s);              /* JS whitespace set */
rts_str *rts_str_to_upper(rts_str *s);          /* ASCII letters only */
rts_str *rts_str_to_lower(rts_str *s);          /* ASCII letters only */
struct rts_list *rts_str_split(rts_str *s, rts_str *sep, uint32_t list_tid); /* JS split; sep "" splits into code units */
rts_str *rts_str_from_int(int64_t v);           /* String(i) */
rts_str *rts_str_from_float(double v);          /* String(x) exactly as JS Number.prototype.toString() */
rts_str *rts_str_from_bool(bool v);             /* "true"/"false" */
/* rlib text.unitsOf: a list (tid list_tid, int64 items) of s's code units; NULL with MemoryError
 * raised when it cannot be held */
struct rts_list *rts_str_units(rts_str *s, uint32_t list_tid);
rts_str *rts_float_repr(double v);              /* Python repr(float): shortest round-trip, '1.0', '1e+16', 'inf', 'nan' */
rts_str *rts_float_to_fixed(double v, int64_t digits); /* JS toFixed for |v| < 1e21 */
double rts_str_to_float(rts_str *s, bool *ok);  /* full-string strtod on ASCII, whitespace trimmed */

/* ---- lists (growable arrays) ------------------------------------------------------ */
typedef struct rts_list {
  rts_obj h;
  int64_t len, cap;
  void *items; /* buffer of cap items of the kind rts_types[h.tid].elem (see below) */
} rts_list;
/* items is owned by the runtime (for a heap list it is a GC-managed buffer or the tail of
 * the list's own cell, so never free or replace it). A prebuilt RTS_GC_STATIC list may point items at a static array of cap
 * items: when it grows, the runtime copies it to a malloc'd buffer and never frees it. */

rts_list *rts_list_new(uint32_t tid, int64_t len); /* len zeroed items */
#define RTS_LIST_ITEMS(l, T) ((T *)(l)->items)
/* called by rts_idx only for an index out of range: never returns, so gcc may keep a list's
 * length and items in registers across a loop that only reads the list */
void rts_list_check_index(rts_list *l, int64_t i) __attribute__((noreturn, cold));
void rts_list_push_i64(rts_list *l, int64_t v);
void rts_list_push_f64(rts_list *l, double v);
void rts_list_push_bool(rts_list *l, bool v);
void rts_list_push_ptr(rts_list *l, void *v);
int64_t rts_list_pop_i64(rts_list *l); /* empty -> fatal */
double rts_list_pop_f64(rts_list *l);
bool rts_list_pop_bool(rts_list *l);
void *rts_list_pop_ptr(rts_list *l);
void rts_list_set_length(rts_list *l, int64_t n); /* truncate, or grow with zeroed items */
rts_list *rts_list_slice(rts_list *l, int64_t start, int64_t end); /* JS slice semantics, same tid */
rts_list *rts_list_splice(rts_list *l, int64_t start, int64_t count); /* removes, returns removed (same tid) */
void rts_list_insert_i64(rts_list *l, int64_t i, int64_t v);
void rts_list_insert_f64(rts_list *l, int64_t i, double v);
void rts_list_insert_bool(rts_list *l, int64_t i, bool v);
void rts_list_insert_ptr(rts_list *l, int64_t i, void *v);
void rts_list_reverse(rts_list *l);
int64_t rts_list_index_of(rts_list *l, const void *item_ptr); /* item passed by address; STR items compare by value, PTR by identity */
rts_str *rts_list_join(rts_list *l, rts_str *sep); /* list of strings */

/* ---- dicts (JS Map: insertion ordered; int, string or identity keys) --------------- */
typedef struct rts_dict rts_dict; /* layout private to the runtime */
rts_dict *rts_dict_new(uint32_t tid);
int64_t rts_dict_size(rts_dict *d);
bool rts_dict_has(rts_dict *d, const void *key_ptr);
/* Returns a pointer to the stored value, or NULL when absent. Keys and values are passed
 * by address, as int64_t, double, uint8_t, or a pointer, per the dict's kinds. The
 * pointer (and those from rts_dict_next) stays valid until the next set, delete or clear. */
void *rts_dict_lookup(rts_dict *d, const void *key_ptr);
void rts_dict_set(rts_dict *d, const void *key_ptr, const void *value_ptr);
bool rts_dict_delete(rts_dict *d, const void *key_ptr);
void rts_dict_clear(rts_dict *d);
/* Iteration in insertion order, robust to mutation like JS Map iteration:
 * pos starts at 0; returns false at the end; otherwise stores the key and value
 * addresses and advances pos past deleted slots. */
bool rts_dict_next(rts_dict *d, int64_t *pos, void **key_out, void **value_out);

/* ---- OS ----------------------------------------------------------------------------- */
/* Writing never kills the process: SIGPIPE is ignored (as CPython does), so a closed pipe or a
 * full disk comes back as an errno for the program to raise. */
int64_t rts_write(int64_t fd, rts_str *s);     /* UTF-8 encode; fd 1 or 2 (fd 1 buffered); 0 or an errno */
int64_t rts_flush_status(void);                 /* writes buffered fd 1 output now: 0 or an errno (the output is dropped) */
void rts_flush(void);                           /* the same, errors ignored (exit, fatal errors) */
/* Whole-file reads: NULL if unreadable; past the heap limit they raise MemoryError (rts_exc set,
 * NULL returned) rather than end the process. */
rts_str *rts_read_file(rts_str *path);          /* UTF-8 decode */
rts_list *rts_read_file_bytes(rts_str *path, uint32_t list_tid); /* list of int bytes */
rts_str *rts_read_file_latin1(rts_str *path); /* one code unit per byte; NULL: unreadable */
/* SIGINT (Ctrl-C on Windows) as a flag the program polls at its own safe points, as CPython's
 * eval loop does: rts_catch_interrupt installs the handler (until then Ctrl-C ends the process
 * as usual); rts_sigint_pending is set by it, rts_take_interrupt clears it and says whether it was
 * set. rts_exit_by_interrupt ends the process as the default SIGINT action would (status 130 in
 * a shell; STATUS_CONTROL_C_EXIT on Windows), after flushing: what CPython does after printing
 * an uncaught KeyboardInterrupt. */
extern volatile sig_atomic_t rts_sigint_pending;
void rts_catch_interrupt(void);
bool rts_take_interrupt(void);
void rts_exit_by_interrupt(void) __attribute__((noreturn));
bool rts_write_file(rts_str *path, rts_str *text);
bool rts_write_file_bytes(rts_str *path, rts_list *bytes);
rts_str *rts_read_line(void);                   /* from stdin without the newline; NULL at EOF */
double rts_clock(void);                         /* monotonic seconds */
double rts_time(void);                          /* wall-clock seconds since the epoch */
rts_str *rts_getenv(rts_str *name);             /* NULL if unset */
bool rts_file_exists(rts_str *path);
rts_str *rts_executable_path(void);             /* absolute path of the running binary; NULL if unknown */
void rts_exit(int64_t status) __attribute__((noreturn)); /* flushes, then exits */
/* posix.c: the VM's posix module. A failing call returns -1 or NULL and leaves its errno for
 * rts_os_last_error(); open flags are Linux's numbers; stat gives 13 ints (mode ino dev nlink
 * uid gid size, then seconds and nanoseconds of atime, mtime, ctime). */
int64_t rts_os_last_error(void);
rts_str *rts_os_getcwd(void);
rts_str *rts_os_readlink(rts_str *path);
rts_str *rts_os_list_dir(rts_str *path);          /* names, each followed by a NUL */
rts_list *rts_os_path_stat(rts_str *path, int64_t follow, uint32_t list_tid);
rts_list *rts_os_fd_stat(int64_t fd, uint32_t list_tid);
int64_t rts_os_fd_open(rts_str *path, int64_t flags, int64_t mode);
rts_list *rts_os_fd_read(int64_t fd, int64_t n, uint32_t list_tid);
int64_t rts_os_fd_write(int64_t fd, rts_list *bytes);
int64_t rts_os_fd_close(int64_t fd);
int64_t rts_os_fd_seek(int64_t fd, int64_t pos, int64_t how);
bool rts_os_isatty(int64_t fd);
rts_list *rts_os_terminal_size(int64_t fd, uint32_t list_tid); /* [columns, lines] */
int64_t rts_os_mkdir(rts_str *path, int64_t mode);
int64_t rts_os_rmdir(rts_str *path);
int64_t rts_os_unlink(rts_str *path);
int64_t rts_os_rename(rts_str *src, rts_str *dst);
int64_t rts_os_symlink(rts_str *src, rts_str *dst);
/* times as seconds and nanoseconds, a negative nanosecond count meaning now; follow 0: the link itself */
int64_t rts_os_utime(rts_str *path, int64_t asec, int64_t ansec, int64_t msec, int64_t mnsec, int64_t follow);
int64_t rts_os_chmod(rts_str *path, int64_t mode);
int64_t rts_os_chdir(rts_str *path);
int64_t rts_os_getpid(void);
rts_str *rts_os_environ(void);                   /* NAME=VALUE entries, each followed by a NUL */
rts_str *rts_os_strerror(int64_t code);
rts_list *rts_os_urandom(int64_t n, uint32_t list_tid);
/* process, pipe, socket and polling calls by operation number (oscall.c): ints or NULL */
rts_list *rts_os_call(int64_t op, rts_list *a, rts_str *s, uint32_t list_tid);

/* ---- executable memory for the JIT ------------------------------------------------ */
/* Allocates size bytes writable memory; returns an opaque handle >0, or 0 on failure. */
int64_t rts_exec_alloc(int64_t size);
void rts_exec_write(int64_t handle, int64_t offset, int64_t byte);
/* Makes the region executable (W^X: mprotect / VirtualProtect) and flushes the i-cache. */
bool rts_exec_finalize(int64_t handle);
/* Stores the low bytes of a list of ints from offset on. */
void rts_exec_write_bytes(int64_t handle, int64_t offset, rts_list *bytes);
/* The address of the byte at offset (0 <= offset <= size). */
int64_t rts_exec_address(int64_t handle, int64_t offset);
/* Calls the code at offset as int64_t f(int64_t, int64_t, int64_t, int64_t). The code may call
 * helpers that raise: the caller checks rts_exc afterwards, as after any raising call. */
int64_t rts_exec_call(int64_t handle, int64_t offset, int64_t a, int64_t b, int64_t c, int64_t d);
void rts_exec_free(int64_t handle);
/* The ISA (and calling convention) this binary was compiled for: "x86_64", "x86_64-win64",
 * "aarch64", "ppc64le", "s390x" or "unknown". */
rts_str *rts_exec_target_arch(void);

/* The functions machine code may call (translate/rlib/jithelpers.ts), emitted by genc in
 * registration order; rts_jit_helper_address checks the index. */
extern void *const rts_jit_helpers[];
extern const int64_t rts_njit_helpers;
int64_t rts_jit_helper_address(int64_t index);

/* ---- math helpers with JS / Python semantics --------------------------------------- */
double rts_js_round(double x);                 /* Math.round */
int64_t rts_float_to_int(double x);            /* truncation; NaN/inf/out of range -> fatal */
int64_t rts_int_floordiv(int64_t a, int64_t b); /* Python //; b == 0 -> fatal */
int64_t rts_int_mod(int64_t a, int64_t b);      /* Python %; b == 0 -> fatal */
double rts_float_mod(double a, double b);       /* Python % on floats */

/* ---- entry -------------------------------------------------------------------------- */
/* genc emits rts_entry (calls the program's main) and rts_init_statics. The runtime's
 * main() sets up the GC, converts argv[1..] to a list of strings (type id list_tid from
 * rts_argv_list_tid, emitted by genc), calls rts_entry, prints an uncaught exception as
 * "Uncaught <ClassName>: <message>" on stderr with exit status 1, else exits with the
 * returned status after flushing output.
 * rts_entry runs on a thread with a 1 GiB stack (reserved, touched only as used), with
 * rts_max_depth = 100000: about 10 KiB of C stack per RTS call, on every target. An empty
 * or NULL message prints as "Uncaught <ClassName>". main() does not call rts_init_statics. */
extern const uint32_t rts_argv_list_tid;
int64_t rts_entry(rts_list *argv);

#endif
