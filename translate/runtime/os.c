/* OS services: buffered stdout, unbuffered stderr, files, stdin lines, clocks, env, exit. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rts_internal.h"

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <sys/stat.h>
#include <windows.h>
#else
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __APPLE__
#include <mach-o/dyld.h>
#endif
#endif

#define OUT_BUF (1u << 18)
static char out_buf[OUT_BUF];
static size_t out_len;
static int out_is_tty;
static int fatal_depth;

/* 0, or the errno of the failed write (what remains of p is dropped) */
static int write_all(FILE *f, const char *p, size_t n) {
  while (n > 0) {
    errno = 0;
    size_t k = fwrite(p, 1, n, f);
    if (k == 0) {
      int e = errno ? errno : EIO;
      clearerr(f);
      return e;
    }
    p += k;
    n -= k;
  }
  return 0;
}

int64_t rts_flush_status(void) {
  int e = 0;
  if (out_len) {
    size_t n = out_len;
    out_len = 0;
    e = write_all(stdout, out_buf, n);
  }
  fflush(stdout);
  return e;
}

void rts_flush(void) { (void)rts_flush_status(); }

/* ---- SIGINT ---- */

volatile sig_atomic_t rts_sigint_pending;

#ifdef _WIN32
static BOOL WINAPI on_ctrl(DWORD kind) {
  if (kind != CTRL_C_EVENT && kind != CTRL_BREAK_EVENT) return FALSE;
  rts_sigint_pending = 1;
  return TRUE;
}
void rts_catch_interrupt(void) { SetConsoleCtrlHandler(on_ctrl, TRUE); }
#else
static void on_sigint(int sig) {
  (void)sig;
  rts_sigint_pending = 1;
}
void rts_catch_interrupt(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns EINTR, so input() sees it */
  sigaction(SIGINT, &sa, NULL);
}
#endif

bool rts_take_interrupt(void) {
  if (!rts_sigint_pending) return false;
  rts_sigint_pending = 0;
  return true;
}

void rts_exit_by_interrupt(void) {
  rts_flush();
  rts_gc_report();
  fflush(stderr);
#ifdef _WIN32
  ExitProcess(0xC000013Au); /* STATUS_CONTROL_C_EXIT, as CPython */
#else
  signal(SIGINT, SIG_DFL);
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &s, NULL);
  raise(SIGINT);
  _exit(130);
#endif
}

void rts_os_init(void) {
#ifdef _WIN32
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
  _setmode(_fileno(stderr), _O_BINARY);
  out_is_tty = _isatty(_fileno(stdout));
  if (out_is_tty) SetConsoleOutputCP(65001);
#else
  out_is_tty = isatty(1);
  signal(SIGPIPE, SIG_IGN); /* a closed pipe is EPIPE, an error the program reports */
#endif
  setvbuf(stdout, NULL, _IONBF, 0); /* rts_write buffers itself */
  setvbuf(stderr, NULL, _IONBF, 0);
  atexit(rts_flush);
}

void rts_fatal(const char *fmt, ...) {
  if (fatal_depth++ == 0) rts_flush();
  fputs("RTS fatal error: ", stderr);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  fflush(stderr);
  _exit(70);
}

void rts_exit(int64_t status) {
  rts_flush();
  rts_gc_report();
  exit((int)status);
}

int64_t rts_write(int64_t fd, rts_str *s) {
  if (fd != 1 && fd != 2) rts_fatal("rts_write: bad fd %lld", (long long)fd);
  if (!s || s->len == 0) return 0;
  size_t need = (size_t)s->len * 3;
  if (fd == 1) {
    if (need > OUT_BUF - out_len) {
      int64_t e = rts_flush_status();
      if (e) return e;
    }
    if (need <= OUT_BUF) {
      out_len += rts_utf8_encode_units(s->data, s->len, out_buf + out_len);
      return out_is_tty ? rts_flush_status() : 0;
    }
  }
  char small[1024], *buf = need <= sizeof small ? small : malloc(need);
  if (!buf) rts_fatal("out of memory");
  size_t n = rts_utf8_encode_units(s->data, s->len, buf);
  int e = write_all(fd == 1 ? stdout : stderr, buf, n);
  if (buf != small) free(buf);
  return e;
}

/* ---- files ---- */

#ifdef _WIN32
static wchar_t *wpath(rts_str *p) {
  wchar_t *w = malloc(((size_t)p->len + 1) * sizeof(wchar_t));
  if (!w) rts_fatal("out of memory");
  for (int64_t i = 0; i < p->len; i++) w[i] = p->data[i];
  w[p->len] = 0;
  return w;
}
static FILE *open_file(rts_str *path, const wchar_t *mode) {
  wchar_t *w = wpath(path);
  FILE *f = _wfopen(w, mode);
  free(w);
  return f;
}
#define MODE_R L"rb"
#define MODE_W L"wb"
#else
static FILE *open_file(rts_str *path, const char *mode) {
  char *p = rts_str_to_utf8(path, NULL);
  FILE *f = fopen(p, mode);
  free(p);
  return f;
}
#define MODE_R "rb"
#define MODE_W "wb"
#endif

static FILE *open_read(rts_str *path) {
  if (!path) return NULL;
  for (int64_t i = 0; i < path->len; i++)
    if (path->data[i] == 0) return NULL;
  return open_file(path, MODE_R);
}

/* The size of an open regular file (a hint: it may change while read), or -1. */
static int64_t file_size(FILE *f) {
#ifdef _WIN32
  struct _stat64 st;
  if (_fstat64(_fileno(f), &st) != 0 || !(st.st_mode & _S_IFREG)) return -1;
#else
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) return -1;
#endif
  return (int64_t)st.st_size;
}

/* Reads a whole file into a malloc'd buffer sized from the file (so a large file costs its size,
 * not a doubling's worth more); NULL if it cannot be read, with *oom set if memory ran out. */
static char *slurp(rts_str *path, size_t *n_out, bool *oom) {
  *oom = false;
  FILE *f = open_read(path);
  if (!f) return NULL;
  int64_t hint = file_size(f);
  size_t cap = hint >= 0 ? (size_t)hint + 1 : (size_t)1 << 16, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (!buf) {
      *oom = true;
      fclose(f);
      return NULL;
    }
    if (n == cap) {
      size_t nc = cap < ((size_t)1 << 30) ? cap * 2 : cap + (cap >> 1);
      char *nb = realloc(buf, nc);
      if (!nb) free(buf);
      buf = nb;
      cap = nc;
      continue;
    }
    size_t k = fread(buf + n, 1, cap - n, f);
    n += k;
    if (k == 0) break;
  }
  bool err = ferror(f) != 0;
  fclose(f);
  if (err) {
    free(buf);
    return NULL;
  }
  *n_out = n;
  return buf;
}

/* The file's bytes for a string of at most one UTF-16 unit per byte, or NULL (unreadable, or
 * MemoryError raised: too large for the heap). */
static char *slurp_for_str(rts_str *path, size_t *n_out) {
  size_t n;
  bool oom;
  char *buf = slurp(path, &n, &oom);
  if (!buf) {
    if (oom) rts_raise_memory_error();
    return NULL;
  }
  if (n > (size_t)INT64_MAX / 2 - 64 || !rts_gc_room_for(sizeof(rts_str) + 2 * n)) {
    free(buf);
    if (!rts_exc) rts_raise_memory_error();
    return NULL;
  }
  *n_out = n;
  return buf;
}

rts_str *rts_read_file(rts_str *path) {
  size_t n;
  char *buf = slurp_for_str(path, &n);
  if (!buf) return NULL;
  rts_str *s = rts_str_from_utf8(buf, (int64_t)n);
  free(buf);
  return s;
}

rts_str *rts_read_file_latin1(rts_str *path) {
  size_t n;
  char *buf = slurp_for_str(path, &n);
  if (!buf) return NULL;
  if (n == 0) {
    free(buf);
    return rts_str_empty();
  }
  /* every unit is written next: not zeroed first (a module's source or cache file) */
  rts_str *s = rts_alloc_unzeroed(RTS_TID_STR, offsetof(rts_str, data) + 2 * n);
  s->len = (int64_t)n;
  s->hash = 0;
  for (size_t i = 0; i < n; i++) s->data[i] = (unsigned char)buf[i];
  free(buf);
  return s;
}

rts_list *rts_read_file_bytes(rts_str *path, uint32_t list_tid) {
  FILE *f = open_read(path);
  if (!f) return NULL;
  /* straight into the list's items, 8 bytes each: no second copy of the file */
  int64_t hint = file_size(f);
  if (hint < 0) hint = 0;
  if ((uint64_t)hint > (uint64_t)INT64_MAX / 16 || !rts_gc_room_for((size_t)hint * sizeof(int64_t) + 64)) {
    fclose(f);
    if (!rts_exc) rts_raise_memory_error();
    return NULL;
  }
  rts_list *l = rts_list_new(list_tid, hint);
  l->len = 0;
  unsigned char chunk[1 << 16];
  for (;;) {
    size_t k = fread(chunk, 1, sizeof chunk, f);
    if (k == 0) break;
    if (l->len + (int64_t)k > hint) {
      /* the file grew since it was measured */
      for (size_t i = 0; i < k; i++) rts_list_push_i64(l, chunk[i]);
      continue;
    }
    int64_t *it = l->items;
    for (size_t i = 0; i < k; i++) it[l->len + (int64_t)i] = chunk[i];
    l->len += (int64_t)k;
  }
  bool err = ferror(f) != 0;
  fclose(f);
  return err ? NULL : l;
}

static bool spit(rts_str *path, const char *data, size_t n) {
  if (!path) return false;
  for (int64_t i = 0; i < path->len; i++)
    if (path->data[i] == 0) return false;
  FILE *f = open_file(path, MODE_W);
  if (!f) return false;
  bool ok = fwrite(data, 1, n, f) == n;
  if (fclose(f) != 0) ok = false;
  return ok;
}

bool rts_write_file(rts_str *path, rts_str *text) {
  int64_t n;
  char *buf = rts_str_to_utf8(text, &n);
  bool ok = spit(path, buf, (size_t)n);
  free(buf);
  return ok;
}

bool rts_write_file_bytes(rts_str *path, rts_list *bytes) {
  int64_t n = bytes ? bytes->len : 0;
  char *buf = malloc((size_t)n + 1);
  if (!buf) rts_fatal("out of memory");
  const int64_t *it = n ? bytes->items : NULL;
  for (int64_t i = 0; i < n; i++) buf[i] = (char)(it[i] & 0xFF);
  bool ok = spit(path, buf, (size_t)n);
  free(buf);
  return ok;
}

bool rts_file_exists(rts_str *path) {
  if (!path) return false;
  for (int64_t i = 0; i < path->len; i++)
    if (path->data[i] == 0) return false;
#ifdef _WIN32
  wchar_t *w = wpath(path);
  DWORD a = GetFileAttributesW(w);
  free(w);
  return a != INVALID_FILE_ATTRIBUTES;
#else
  char *p = rts_str_to_utf8(path, NULL);
  struct stat st;
  int r = stat(p, &st);
  free(p);
  return r == 0;
#endif
}

rts_str *rts_executable_path(void) {
#ifdef _WIN32
  wchar_t buf[32768];
  DWORD n = GetModuleFileNameW(NULL, buf, 32768);
  if (n == 0 || n >= 32768) return NULL;
  return rts_str_lit((const uint16_t *)buf, (int64_t)n);
#elif defined(__APPLE__)
  char buf[4096];
  uint32_t size = sizeof buf;
  if (_NSGetExecutablePath(buf, &size) != 0) return NULL;
  char real[PATH_MAX];
  const char *p = realpath(buf, real) ? real : buf;
  return rts_str_from_utf8(p, (int64_t)strlen(p));
#else
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return NULL;
  return rts_str_from_utf8(buf, (int64_t)n);
#endif
}

/* ---- stdin ---- */

static char in_buf[1 << 16];
static size_t in_pos, in_len;
static int in_eof;

static int in_fill(void) {
  if (in_eof) return 0;
  rts_flush(); /* show prompts before blocking */
  for (;;) {
#ifdef _WIN32
    int k = _read(0, in_buf, sizeof in_buf);
#else
    if (rts_sigint_pending) return 0; /* arrived before the read: don't wait for a line first */
    ssize_t k = read(0, in_buf, sizeof in_buf);
    if (k < 0 && errno == EINTR) {
      if (rts_sigint_pending) return 0; /* not the end: the caller raises KeyboardInterrupt */
      continue;
    }
#endif
    if (k <= 0) {
      in_eof = 1;
      return 0;
    }
    in_pos = 0;
    in_len = (size_t)k;
    return 1;
  }
}

rts_str *rts_read_line(void) {
  char *line = NULL;
  size_t n = 0, cap = 0;
  bool any = false;
  for (;;) {
    if (in_pos == in_len && !in_fill()) break;
    any = true;
    char *start = in_buf + in_pos;
    char *nl = memchr(start, '\n', in_len - in_pos);
    size_t take = nl ? (size_t)(nl - start) : in_len - in_pos;
    if (n + take + 1 > cap) {
      cap = (n + take + 1) * 2;
      char *nb = realloc(line, cap);
      if (!nb) rts_fatal("out of memory");
      line = nb;
    }
    memcpy(line + n, start, take);
    n += take;
    in_pos += take;
    if (nl) {
      in_pos++;
      break;
    }
  }
  if (!any) {
    free(line);
    return NULL;
  }
  if (n > 0 && line[n - 1] == '\r') n--;
  rts_str *s = rts_str_from_utf8(line ? line : "", (int64_t)n);
  free(line);
  return s;
}

/* ---- clocks and environment ---- */

double rts_clock(void) {
#ifdef _WIN32
  static LARGE_INTEGER freq;
  LARGE_INTEGER c;
  if (!freq.QuadPart) QueryPerformanceFrequency(&freq);
  QueryPerformanceCounter(&c);
  return (double)(c.QuadPart / freq.QuadPart) + (double)(c.QuadPart % freq.QuadPart) / (double)freq.QuadPart;
#else
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
#endif
}

double rts_time(void) {
#ifdef _WIN32
  FILETIME ft;
  GetSystemTimeAsFileTime(&ft);
  uint64_t t = ((uint64_t)ft.dwHighDateTime << 32) | ft.dwLowDateTime; /* 100 ns since 1601 */
  t -= 116444736000000000ULL;
  return (double)(t / 10000000ULL) + (double)(t % 10000000ULL) * 1e-7;
#else
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
#endif
}

rts_str *rts_getenv(rts_str *name) {
  if (!name || name->len == 0) return NULL;
  for (int64_t i = 0; i < name->len; i++)
    if (name->data[i] == 0 || name->data[i] == '=') return NULL;
#ifdef _WIN32
  wchar_t *w = wpath(name);
  const wchar_t *v = _wgetenv(w);
  free(w);
  if (!v) return NULL;
  size_t n = wcslen(v);
  return rts_str_lit((const uint16_t *)v, (int64_t)n);
#else
  char *p = rts_str_to_utf8(name, NULL);
  const char *v = getenv(p);
  free(p);
  if (!v) return NULL;
  return rts_str_from_utf8(v, (int64_t)strlen(v));
#endif
}
