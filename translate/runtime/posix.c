/* OS services for the VM's posix module: file descriptors, stat, directories, the process.
 * Each failing call returns -1 (or NULL) and leaves its errno for rts_os_last_error(), as the
 * Node versions in translate/rlib/os.ts do. Open flags come in Linux's numbering (what the VM's
 * posix module exposes) and are mapped to the host's here. */
#ifdef _WIN32
#define _CRT_RAND_S
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rts_internal.h"

#ifdef _WIN32
#include <direct.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <sys/stat.h>
#include <sys/utime.h>
#include <windows.h>
#else
#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
extern char **environ;
#endif

int rts_os_errno;
#define last_errno rts_os_errno

int64_t rts_os_last_error(void) { return last_errno; }

static int64_t fail(void) {
  last_errno = errno ? errno : EIO;
  return -1;
}

/* The path as a C string (UTF-8, or UTF-16 on Windows) for the OS; NULL with EINVAL set when it
 * holds a NUL (CPython refuses those with ValueError before asking the OS). */
#ifdef _WIN32
static wchar_t *os_path(rts_str *p) {
  for (int64_t i = 0; i < p->len; i++)
    if (p->data[i] == 0) {
      errno = EINVAL;
      return NULL;
    }
  wchar_t *w = malloc(((size_t)p->len + 1) * sizeof(wchar_t));
  if (!w) rts_fatal("out of memory");
  for (int64_t i = 0; i < p->len; i++) w[i] = p->data[i];
  w[p->len] = 0;
  return w;
}
#else
static char *os_path(rts_str *p) {
  for (int64_t i = 0; i < p->len; i++)
    if (p->data[i] == 0) {
      errno = EINVAL;
      return NULL;
    }
  return rts_str_to_fs_bytes(p);
}
#endif

/* Every call on one path has the same body: convert the path (a NUL inside fails with EINVAL),
   call, free, and report errno on failure. WIN is the Windows wide-character call, POSIX the
   other; both name the converted path `w`. */
#ifdef _WIN32
#define OS_PATH_CALL(path, WIN, POSIX)                                                             \
  do {                                                                                             \
    wchar_t *w = os_path(path);                                                                    \
    if (!w) return fail();                                                                         \
    int r = (WIN);                                                                                 \
    free(w);                                                                                       \
    return r != 0 ? fail() : 0;                                                                    \
  } while (0)
#else
#define OS_PATH_CALL(path, WIN, POSIX)                                                             \
  do {                                                                                             \
    char *w = os_path(path);                                                                       \
    if (!w) return fail();                                                                         \
    int r = (POSIX);                                                                               \
    free(w);                                                                                       \
    return r != 0 ? fail() : 0;                                                                    \
  } while (0)
#endif

rts_str *rts_os_getcwd(void) {
#ifdef _WIN32
  wchar_t *w = _wgetcwd(NULL, 0);
  if (!w) {
    fail();
    return NULL;
  }
  rts_str *s = rts_str_lit((const uint16_t *)w, (int64_t)wcslen(w));
  free(w);
  return s;
#else
  size_t cap = 256;
  for (;;) {
    char *buf = malloc(cap);
    if (!buf) rts_fatal("out of memory");
    if (getcwd(buf, cap)) {
      rts_str *s = rts_str_from_utf8(buf, (int64_t)strlen(buf));
      free(buf);
      return s;
    }
    free(buf);
    if (errno != ERANGE) {
      fail();
      return NULL;
    }
    cap *= 2;
  }
#endif
}

/* Appends the UTF-8 (or UTF-16) name and a NUL separator to a growing buffer. */
typedef struct {
  char *p;
  size_t n, cap;
} growbuf;
static void gb_add(growbuf *b, const void *data, size_t n) {
  if (b->n + n > b->cap) {
    size_t nc = b->cap ? b->cap : 256;
    while (nc < b->n + n) nc *= 2;
    char *np = realloc(b->p, nc);
    if (!np) rts_fatal("out of memory");
    b->p = np;
    b->cap = nc;
  }
  memcpy(b->p + b->n, data, n);
  b->n += n;
}

rts_str *rts_os_list_dir(rts_str *path) {
  growbuf b = {NULL, 0, 0};
#ifdef _WIN32
  wchar_t *w = os_path(path);
  if (!w) {
    fail();
    return NULL;
  }
  size_t n = wcslen(w);
  wchar_t *pat = malloc((n + 3) * sizeof(wchar_t));
  if (!pat) rts_fatal("out of memory");
  memcpy(pat, w, n * sizeof(wchar_t));
  if (n && pat[n - 1] != L'\\' && pat[n - 1] != L'/') pat[n++] = L'\\';
  pat[n++] = L'*';
  pat[n] = 0;
  free(w);
  WIN32_FIND_DATAW fd;
  HANDLE h = FindFirstFileW(pat, &fd);
  free(pat);
  if (h == INVALID_HANDLE_VALUE) {
    DWORD e = GetLastError();
    if (e == ERROR_FILE_NOT_FOUND) return rts_str_lit((const uint16_t *)L"", 0);
    last_errno = e == ERROR_PATH_NOT_FOUND ? ENOENT : e == ERROR_DIRECTORY ? ENOTDIR : EACCES;
    return NULL;
  }
  const uint16_t zero = 0;
  do {
    const wchar_t *nm = fd.cFileName;
    if (wcscmp(nm, L".") == 0 || wcscmp(nm, L"..") == 0) continue;
    gb_add(&b, nm, wcslen(nm) * sizeof(wchar_t));
    gb_add(&b, &zero, sizeof zero);
  } while (FindNextFileW(h, &fd));
  FindClose(h);
  rts_str *s = rts_str_lit(b.p ? (const uint16_t *)b.p : (const uint16_t *)L"", (int64_t)(b.n / sizeof(uint16_t)));
#else
  char *p = os_path(path);
  if (!p) {
    fail();
    return NULL;
  }
  DIR *d = opendir(p);
  free(p);
  if (!d) {
    fail();
    return NULL;
  }
  struct dirent *e;
  for (;;) {
    errno = 0;
    e = readdir(d);
    if (!e) break;
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    gb_add(&b, e->d_name, strlen(e->d_name) + 1);
  }
  int err = errno;
  closedir(d);
  if (err) {
    free(b.p);
    last_errno = err;
    return NULL;
  }
  rts_str *s = rts_str_from_fs_bytes(b.p ? b.p : "", (int64_t)b.n);
#endif
  free(b.p);
  return s;
}

/* stat as 13 ints: mode ino dev nlink uid gid size, then seconds and nanoseconds of
 * atime, mtime and ctime. */
#ifdef _WIN32
typedef struct _stat64 stat_t;
#else
typedef struct stat stat_t;
#endif
static rts_list *stat_list(const stat_t *st, uint32_t list_tid);
#ifndef _WIN32
rts_list *rts_stat_list(const struct stat *st, uint32_t list_tid) { return stat_list(st, list_tid); }
#endif
static rts_list *stat_list(const stat_t *st, uint32_t list_tid) {
  rts_list *l = rts_list_new(list_tid, 13);
  int64_t *it = l->items;
  it[0] = (int64_t)st->st_mode;
  it[1] = (int64_t)st->st_ino;
  it[2] = (int64_t)st->st_dev;
  it[3] = (int64_t)st->st_nlink;
  it[4] = (int64_t)st->st_uid;
  it[5] = (int64_t)st->st_gid;
  it[6] = (int64_t)st->st_size;
#if defined(_WIN32)
  it[7] = (int64_t)st->st_atime;
  it[9] = (int64_t)st->st_mtime;
  it[11] = (int64_t)st->st_ctime;
  it[8] = it[10] = it[12] = 0;
#else
  it[7] = (int64_t)st->st_atim.tv_sec;
  it[8] = (int64_t)st->st_atim.tv_nsec;
  it[9] = (int64_t)st->st_mtim.tv_sec;
  it[10] = (int64_t)st->st_mtim.tv_nsec;
  it[11] = (int64_t)st->st_ctim.tv_sec;
  it[12] = (int64_t)st->st_ctim.tv_nsec;
#endif
  return l;
}

rts_list *rts_os_path_stat(rts_str *path, int64_t follow, uint32_t list_tid) {
  stat_t st;
#ifdef _WIN32
  (void)follow;
  wchar_t *w = os_path(path);
  if (!w) {
    fail();
    return NULL;
  }
  int r = _wstat64(w, &st);
#else
  char *w = os_path(path);
  if (!w) {
    fail();
    return NULL;
  }
  int r = follow ? stat(w, &st) : lstat(w, &st);
#endif
  free(w);
  if (r != 0) {
    fail();
    return NULL;
  }
  return stat_list(&st, list_tid);
}

rts_list *rts_os_fd_stat(int64_t fd, uint32_t list_tid) {
  stat_t st;
#ifdef _WIN32
  int r = _fstat64((int)fd, &st);
#else
  int r = fstat((int)fd, &st);
#endif
  if (r != 0) {
    fail();
    return NULL;
  }
  return stat_list(&st, list_tid);
}

/* Linux's open flags (the values the posix module exposes) in the host's numbering. */
static int host_flags(int64_t f) {
  int r = (int)(f & 3); /* O_RDONLY 0, O_WRONLY 1, O_RDWR 2 everywhere */
  if (f & 0100) r |= O_CREAT;
  if (f & 0200) r |= O_EXCL;
  if (f & 01000) r |= O_TRUNC;
  if (f & 02000) r |= O_APPEND;
#ifdef _WIN32
  r |= O_BINARY;
#else
  if (f & 0400) r |= O_NOCTTY;
  if (f & 04000) r |= O_NONBLOCK;
  if (f & 02000000) r |= O_CLOEXEC;
  if (f & 0200000) r |= O_DIRECTORY;
  if (f & 0400000) r |= O_NOFOLLOW;
#endif
  return r;
}

#ifndef _WIN32
int rts_host_open_flags(int64_t flags) { return host_flags(flags); }
#endif

int64_t rts_os_fd_open(rts_str *path, int64_t flags, int64_t mode) {
#ifdef _WIN32
  wchar_t *w = os_path(path);
  if (!w) return fail();
  int fd = _wopen(w, host_flags(flags), (int)(mode & 0600 ? _S_IREAD | ((mode & 0200) ? _S_IWRITE : 0) : _S_IREAD));
#else
  char *w = os_path(path);
  if (!w) return fail();
  int fd;
  do fd = open(w, host_flags(flags), (mode_t)mode);
  while (fd < 0 && errno == EINTR);
#endif
  free(w);
  return fd < 0 ? fail() : fd;
}

rts_list *rts_os_fd_read(int64_t fd, int64_t n, uint32_t list_tid) {
  if (n < 0) n = 0;
  if (n > (1 << 26)) n = 1 << 26; /* one read never returns more; the caller loops */
  unsigned char *buf = malloc((size_t)n + 1);
  if (!buf) rts_fatal("out of memory");
  if (fd == 0) rts_flush(); /* a prompt shows before the read blocks */
#ifdef _WIN32
  int k = _read((int)fd, buf, (unsigned)n);
#else
  ssize_t k;
  do k = read((int)fd, buf, (size_t)n);
  while (k < 0 && errno == EINTR && !rts_sigint_pending);
#endif
  if (k < 0) {
    fail();
    free(buf);
    return NULL;
  }
  rts_list *l = rts_list_new(list_tid, (int64_t)k);
  int64_t *it = l->items;
  for (int64_t i = 0; i < (int64_t)k; i++) it[i] = buf[i];
  free(buf);
  return l;
}

int64_t rts_os_fd_write(int64_t fd, rts_list *bytes) {
  int64_t n = bytes ? bytes->len : 0;
  unsigned char *buf = malloc((size_t)n + 1);
  if (!buf) rts_fatal("out of memory");
  const int64_t *it = n ? bytes->items : NULL;
  for (int64_t i = 0; i < n; i++) buf[i] = (unsigned char)(it[i] & 0xFF);
  /* what print() buffered comes first */
  if (fd == 1 || fd == 2) rts_flush();
#ifdef _WIN32
  int k = _write((int)fd, buf, (unsigned)n);
#else
  ssize_t k;
  do k = write((int)fd, buf, (size_t)n);
  while (k < 0 && errno == EINTR && !rts_sigint_pending);
#endif
  free(buf);
  return k < 0 ? fail() : (int64_t)k;
}

int64_t rts_os_fd_close(int64_t fd) {
#ifdef _WIN32
  int r = _close((int)fd);
#else
  int r = close((int)fd);
#endif
  return r != 0 ? fail() : 0;
}

int64_t rts_os_fd_seek(int64_t fd, int64_t pos, int64_t how) {
#ifdef _WIN32
  int64_t r = _lseeki64((int)fd, pos, (int)how);
#else
  int64_t r = (int64_t)lseek((int)fd, (off_t)pos, (int)how);
#endif
  return r < 0 ? fail() : r;
}

bool rts_os_isatty(int64_t fd) {
#ifdef _WIN32
  return _isatty((int)fd) != 0;
#else
  return isatty((int)fd) != 0;
#endif
}

rts_list *rts_os_terminal_size(int64_t fd, uint32_t list_tid) {
  int64_t cols, rows;
#ifdef _WIN32
  HANDLE h = (HANDLE)_get_osfhandle((int)fd);
  CONSOLE_SCREEN_BUFFER_INFO ci;
  if (h == INVALID_HANDLE_VALUE || !GetConsoleScreenBufferInfo(h, &ci)) {
    last_errno = ENOTTY;
    return NULL;
  }
  cols = ci.srWindow.Right - ci.srWindow.Left + 1;
  rows = ci.srWindow.Bottom - ci.srWindow.Top + 1;
#else
  struct winsize ws;
  if (ioctl((int)fd, TIOCGWINSZ, &ws) != 0) {
    fail();
    return NULL;
  }
  cols = ws.ws_col;
  rows = ws.ws_row;
#endif
  rts_list *l = rts_list_new(list_tid, 2);
  ((int64_t *)l->items)[0] = cols;
  ((int64_t *)l->items)[1] = rows;
  return l;
}

int64_t rts_os_mkdir(rts_str *path, int64_t mode) {
  (void)mode; /* Windows has no mode bits to give a directory */
  OS_PATH_CALL(path, _wmkdir(w), mkdir(w, (mode_t)mode));
}

rts_str *rts_os_readlink(rts_str *path) {
#ifdef _WIN32
  (void)path;
  errno = ENOSYS;
  fail();
  return NULL;
#else
  char *w = os_path(path);
  if (!w) {
    fail();
    return NULL;
  }
  size_t cap = 256;
  for (;;) {
    char *buf = malloc(cap);
    if (!buf) rts_fatal("out of memory");
    ssize_t n = readlink(w, buf, cap);
    if (n < 0) {
      free(buf);
      free(w);
      fail();
      return NULL;
    }
    if ((size_t)n < cap) {
      rts_str *s = rts_str_from_utf8(buf, (int64_t)n);
      free(buf);
      free(w);
      return s;
    }
    /* the target may have been cut at cap bytes: ask again with room to spare */
    free(buf);
    cap *= 2;
  }
#endif
}

int64_t rts_os_rmdir(rts_str *path) {
  OS_PATH_CALL(path, _wrmdir(w), rmdir(w));
}

int64_t rts_os_unlink(rts_str *path) {
  OS_PATH_CALL(path, _wunlink(w), unlink(w));
}

/* Renames src to dst, replacing dst when it exists (POSIX rename; os.replace on Windows). */
int64_t rts_os_rename(rts_str *src, rts_str *dst) {
#ifdef _WIN32
  wchar_t *a = os_path(src);
  if (!a) return fail();
  wchar_t *b = os_path(dst);
  if (!b) {
    free(a);
    return fail();
  }
  BOOL ok = MoveFileExW(a, b, MOVEFILE_REPLACE_EXISTING);
  free(a);
  free(b);
  if (!ok) {
    DWORD e = GetLastError();
    last_errno = e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND ? ENOENT : EACCES;
    return -1;
  }
  return 0;
#else
  char *a = os_path(src);
  if (!a) return fail();
  char *b = os_path(dst);
  if (!b) {
    free(a);
    return fail();
  }
  int r = rename(a, b);
  free(a);
  free(b);
  return r != 0 ? fail() : 0;
#endif
}

int64_t rts_os_symlink(rts_str *src, rts_str *dst) {
#ifdef _WIN32
  /* CreateSymbolicLinkW needs a privilege most accounts lack: say so as CPython's errno would */
  (void)src;
  (void)dst;
  last_errno = ENOSYS;
  return -1;
#else
  char *a = os_path(src);
  if (!a) return fail();
  char *b = os_path(dst);
  if (!b) {
    free(a);
    return fail();
  }
  int r = symlink(a, b);
  free(a);
  free(b);
  return r != 0 ? fail() : 0;
#endif
}

int64_t rts_os_utime(rts_str *path, int64_t asec, int64_t ansec, int64_t msec, int64_t mnsec, int64_t follow) {
#ifdef _WIN32
  /* whole seconds, and no link of its own to set: Windows' _wutime follows */
  (void)follow;
  wchar_t *w = os_path(path);
  if (!w) return fail();
  struct __utimbuf64 t;
  t.actime = asec;
  t.modtime = msec;
  int r = ansec < 0 || mnsec < 0 ? _wutime64(w, NULL) : _wutime64(w, &t);
  free(w);
  return r != 0 ? fail() : 0;
#else
  char *p = os_path(path);
  if (!p) return fail();
  struct timespec ts[2];
  ts[0].tv_sec = (time_t)asec;
  ts[0].tv_nsec = ansec < 0 ? UTIME_NOW : (long)ansec;
  ts[1].tv_sec = (time_t)msec;
  ts[1].tv_nsec = mnsec < 0 ? UTIME_NOW : (long)mnsec;
  int r = utimensat(AT_FDCWD, p, ts, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  free(p);
  return r != 0 ? fail() : 0;
#endif
}

int64_t rts_os_chmod(rts_str *path, int64_t mode) {
  /* Windows keeps only the read-only attribute, which the owner's write bit decides */
  OS_PATH_CALL(path, _wchmod(w, (mode & 0200) ? (_S_IREAD | _S_IWRITE) : _S_IREAD), chmod(w, (mode_t)mode));
}

int64_t rts_os_chdir(rts_str *path) {
  OS_PATH_CALL(path, _wchdir(w), chdir(w));
}

int64_t rts_os_getpid(void) {
#ifdef _WIN32
  return (int64_t)_getpid();
#else
  return (int64_t)getpid();
#endif
}

/* The environment as NAME=VALUE entries, each followed by a NUL. */
rts_str *rts_os_environ(void) {
  growbuf b = {NULL, 0, 0};
#ifdef _WIN32
  wchar_t *env = GetEnvironmentStringsW();
  const uint16_t zero = 0;
  for (const wchar_t *e = env; e && *e; e += wcslen(e) + 1) {
    if (*e == L'=') continue; /* the hidden per-drive current directories */
    gb_add(&b, e, wcslen(e) * sizeof(wchar_t));
    gb_add(&b, &zero, sizeof zero);
  }
  if (env) FreeEnvironmentStringsW(env);
  rts_str *s = rts_str_lit(b.p ? (const uint16_t *)b.p : (const uint16_t *)L"", (int64_t)(b.n / sizeof(uint16_t)));
#else
  for (char **e = environ; e && *e; e++) gb_add(&b, *e, strlen(*e) + 1);
  rts_str *s = rts_str_from_utf8(b.p ? b.p : "", (int64_t)b.n);
#endif
  free(b.p);
  return s;
}

rts_str *rts_os_strerror(int64_t code) {
  const char *m = strerror((int)code);
  if (!m) m = "Unknown error";
  return rts_str_from_utf8(m, (int64_t)strlen(m));
}

rts_list *rts_os_urandom(int64_t n, uint32_t list_tid) {
  if (n < 0) n = 0;
  rts_list *l = rts_list_new(list_tid, n);
  int64_t *it = l->items;
#ifdef _WIN32
  for (int64_t i = 0; i < n; i++) {
    unsigned int v;
    if (rand_s(&v) != 0) rts_fatal("no OS random source");
    it[i] = v & 0xFF;
  }
#else
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) rts_fatal("cannot open /dev/urandom");
  unsigned char buf[256];
  int64_t done = 0;
  while (done < n) {
    size_t want = (size_t)(n - done) < sizeof buf ? (size_t)(n - done) : sizeof buf;
    ssize_t k = read(fd, buf, want);
    if (k <= 0) {
      if (k < 0 && errno == EINTR) continue;
      rts_fatal("cannot read /dev/urandom");
    }
    for (ssize_t i = 0; i < k; i++) it[done + i] = buf[i];
    done += k;
  }
  close(fd);
#endif
  return l;
}
