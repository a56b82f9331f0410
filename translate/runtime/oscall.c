/* The process, pipe, socket and polling calls under the VM's _posixsubprocess, _socket and select
 * modules and posix's fd functions (vm/modules/oscall.ts). One entry point, rts_os_call, takes
 * an operation number (OSCALL_* below; the same numbers as the OP table in oscall.ts), its
 * integer arguments and a string whose units are bytes (paths, data, argv); it returns a list
 * of ints (results, or the bytes received) or NULL with the errno for rts_os_last_error().
 * Socket constants come in Linux's numbering (what the Python side exposes); on Linux they are
 * the host's own. Windows has none of these: every call fails with ENOSYS, which the modules
 * report as OSError. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* pipe2, dup3, accept4 */
#endif
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rts_internal.h"

enum {
  OSCALL_PIPE = 1,
  OSCALL_DUP = 2,
  OSCALL_DUP2 = 3,
  OSCALL_WAITPID = 4,
  OSCALL_KILL = 5,
  OSCALL_GET_INHERITABLE = 6,
  OSCALL_SET_INHERITABLE = 7,
  OSCALL_GET_BLOCKING = 8,
  OSCALL_SET_BLOCKING = 9,
  OSCALL_FORK_EXEC = 10,
  OSCALL_SOCKET = 20,
  OSCALL_SOCKETPAIR = 21,
  OSCALL_BIND = 22,
  OSCALL_LISTEN = 23,
  OSCALL_ACCEPT = 24,
  OSCALL_CONNECT = 25,
  OSCALL_SEND = 26,
  OSCALL_RECV = 27,
  OSCALL_SHUTDOWN = 28,
  OSCALL_GETSOCKNAME = 29,
  OSCALL_GETPEERNAME = 30,
  OSCALL_SETSOCKOPT = 31,
  OSCALL_GETSOCKOPT = 32,
  OSCALL_GETHOSTNAME = 33,
  OSCALL_SENDTO = 34,
  OSCALL_RECVFROM = 35,
  OSCALL_SELECT = 40,
  OSCALL_POLL = 41,
  OSCALL_EPOLL_CREATE = 42,
  OSCALL_EPOLL_CTL = 43,
  OSCALL_EPOLL_WAIT = 44,
  OSCALL_HAVE_EPOLL = 45,
  OSCALL_GETPPID = 46,
  OSCALL_FTRUNCATE = 47,
  OSCALL_PUTENV = 48,
  OSCALL_UNSETENV = 49,
  /* posix2 (vm/modules/posixproc.ts, posixfiles.ts) */
  OSCALL_FORK = 50,
  OSCALL_EXEC = 51,
  OSCALL_UMASK = 52,
  OSCALL_CLOSERANGE = 53,
  OSCALL_TRUNCATE = 54,
  OSCALL_TIMES = 55,
  OSCALL_CPU_COUNT = 56,
  OSCALL_LINK = 57,
  OSCALL_FCHMOD = 58,
  OSCALL_CHOWN = 59,
  OSCALL_SETID = 60,
  OSCALL_GETRANDOM = 61,
  OSCALL_STATVFS = 62,
  OSCALL_PATHCONF = 63,
  OSCALL_WRITEV = 64,
  OSCALL_GETIDS = 65,
  OSCALL_GETGROUPS = 66,
  /* the dir_fd variants (vm/modules/dirfd.ts): ints[0] is the directory's fd, AT_FDCWD as -100 */
  OSCALL_OPENAT = 67,
  OSCALL_FSTATAT = 68,
  OSCALL_UNLINKAT = 69,
  OSCALL_MKDIRAT = 70,
  OSCALL_LISTDIR_FD = 71
};


#ifdef _WIN32

rts_list *rts_os_call(int64_t op, rts_list *a, rts_str *s, uint32_t list_tid) {
  (void)op;
  (void)a;
  (void)s;
  (void)list_tid;
  rts_os_errno = ENOSYS;
  return NULL;
}

#else

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/statvfs.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <grp.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/epoll.h>
#include <sys/random.h>
#endif

/* Integer results, or bytes (0..255 each), as the list genc hands back. */
static rts_list *ints(uint32_t tid, const int64_t *v, int64_t n) {
  rts_list *l = rts_list_new(tid, n);
  int64_t *it = l->items;
  for (int64_t i = 0; i < n; i++) it[i] = v[i];
  return l;
}
static rts_list *bytes(uint32_t tid, const unsigned char *v, int64_t n) {
  rts_list *l = rts_list_new(tid, n);
  int64_t *it = l->items;
  for (int64_t i = 0; i < n; i++) it[i] = v[i];
  return l;
}
static rts_list *one(uint32_t tid, int64_t v) { return ints(tid, &v, 1); }

static rts_list *fail(void) {
  rts_os_errno = errno ? errno : EIO;
  return NULL;
}
static rts_list *fail_with(int e) {
  rts_os_errno = e;
  return NULL;
}
/* A call that blocks: retried after EINTR unless Ctrl-C is pending (the VM then raises
 * KeyboardInterrupt where the call returns). */
#define RETRY(r, call)                                        \
  do (r) = (call);                                            \
  while ((r) < 0 && errno == EINTR && !rts_sigint_pending)

/* The arguments, copied out of the GC heap before anything allocates. */
typedef struct {
  int64_t *v;
  int64_t n;
  unsigned char *s;
  int64_t slen;
} args;

static int64_t A(const args *x, int64_t i) { return i < x->n ? x->v[i] : 0; }

/* ---- socket addresses: [family, ...] as the Python side encodes them ----
 * AF_UNIX: the path is the string argument (a leading NUL: Linux's abstract namespace);
 * AF_INET: port, address as a 32-bit host-order int; AF_INET6: port, flowinfo, scope_id,
 * then the 16 address bytes. */
static int make_addr(const args *x, int64_t at, struct sockaddr_storage *ss, socklen_t *len) {
  memset(ss, 0, sizeof *ss);
  int64_t fam = A(x, at);
  if (fam == AF_UNIX) {
    struct sockaddr_un *u = (struct sockaddr_un *)ss;
    if ((size_t)x->slen >= sizeof u->sun_path) return ENAMETOOLONG;
    u->sun_family = AF_UNIX;
    memcpy(u->sun_path, x->s, (size_t)x->slen);
    *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)x->slen + (x->slen > 0 && x->s[0] == 0 ? 0 : 1));
    return 0;
  }
  if (fam == AF_INET) {
    struct sockaddr_in *in = (struct sockaddr_in *)ss;
    in->sin_family = AF_INET;
    in->sin_port = htons((uint16_t)A(x, at + 1));
    in->sin_addr.s_addr = htonl((uint32_t)A(x, at + 2));
    *len = sizeof *in;
    return 0;
  }
  if (fam == AF_INET6) {
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons((uint16_t)A(x, at + 1));
    in6->sin6_flowinfo = htonl((uint32_t)A(x, at + 2));
    in6->sin6_scope_id = (uint32_t)A(x, at + 3);
    for (int i = 0; i < 16; i++) in6->sin6_addr.s6_addr[i] = (unsigned char)A(x, at + 4 + i);
    *len = sizeof *in6;
    return 0;
  }
  return EAFNOSUPPORT;
}
/* Writes [family, ...] (the encoding above, a UNIX path as its bytes) after pre[0..npre). */
static rts_list *addr_result(uint32_t tid, const int64_t *pre, int npre, const struct sockaddr_storage *ss, socklen_t len) {
  int64_t out[128];
  int n = 0;
  for (int i = 0; i < npre; i++) out[n++] = pre[i];
  int fam = len == 0 ? AF_UNIX : ss->ss_family;
  out[n++] = fam;
  if (fam == AF_INET) {
    const struct sockaddr_in *in = (const struct sockaddr_in *)ss;
    out[n++] = ntohs(in->sin_port);
    out[n++] = ntohl(in->sin_addr.s_addr);
  } else if (fam == AF_INET6) {
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)ss;
    out[n++] = ntohs(in6->sin6_port);
    out[n++] = ntohl(in6->sin6_flowinfo);
    out[n++] = in6->sin6_scope_id;
    for (int i = 0; i < 16; i++) out[n++] = in6->sin6_addr.s6_addr[i];
  } else if (fam == AF_UNIX) {
    const struct sockaddr_un *u = (const struct sockaddr_un *)ss;
    int64_t plen = len > offsetof(struct sockaddr_un, sun_path) ? (int64_t)(len - offsetof(struct sockaddr_un, sun_path)) : 0;
    /* a pathname's length includes its NUL; an abstract name's (leading NUL) does not */
    if (plen > 0 && u->sun_path[0] != 0) plen = (int64_t)strnlen(u->sun_path, (size_t)plen);
    if (plen > 108) plen = 108;
    for (int64_t i = 0; i < plen; i++) out[n++] = (unsigned char)u->sun_path[i];
  }
  return ints(tid, out, n);
}

static int set_cloexec(int fd, int on) {
  int f = fcntl(fd, F_GETFD);
  if (f < 0) return -1;
  int nf = on ? (f | FD_CLOEXEC) : (f & ~FD_CLOEXEC);
  return nf == f ? 0 : fcntl(fd, F_SETFD, nf);
}

/* ---- fork_exec, as CPython's _posixsubprocess: the child reports a failure on errpipe_write as
 * "OSError:<hex errno>:" followed by "noexec" when it failed before exec (chdir). ---- */
static void child_write(int fd, const char *s, size_t n) {
  while (n > 0) {
    ssize_t k = write(fd, s, n);
    if (k < 0) {
      if (errno == EINTR) continue;
      return;
    }
    s += k;
    n -= (size_t)k;
  }
}
static void child_report(int errpipe, int err, int before_exec) {
  char buf[32];
  int p = (int)sizeof buf;
  unsigned e = (unsigned)err;
  while (e != 0 && p > 0) {
    buf[--p] = "0123456789abcdef"[e % 16];
    e /= 16;
  }
  child_write(errpipe, "OSError:", 8);
  child_write(errpipe, buf + p, sizeof buf - (size_t)p);
  child_write(errpipe, ":", 1);
  if (before_exec) child_write(errpipe, "noexec", 6);
}
/* Moves fd to a number >= 3 if it is one of 0..2 in use for another purpose: as CPython's
 * child does, so dup2 onto the standard fds does not clobber a source. */
static int child_dup2(int from, int to) {
  if (from == to) return set_cloexec(from, 0);
  return dup2(from, to) < 0 ? -1 : 0;
}
static int keep_fd(const int64_t *keep, int64_t nkeep, int fd) {
  for (int64_t i = 0; i < nkeep; i++)
    if (keep[i] == fd) return 1;
  return 0;
}

/* ints: close_fds, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read,
 * errpipe_write, restore_signals, call_setsid, pgid_to_set, child_umask, nexec, nargv, nenv (-1:
 * inherit), has_cwd, nkeep, then the fds to keep. The string: the executables, argv, env and cwd,
 * each item followed by a NUL. */
static rts_list *fork_exec(const args *x, uint32_t tid) {
  int close_fds = (int)A(x, 0);
  int p2cread = (int)A(x, 1), p2cwrite = (int)A(x, 2), c2pread = (int)A(x, 3), c2pwrite = (int)A(x, 4);
  int errread = (int)A(x, 5), errwrite = (int)A(x, 6), errpipe_read = (int)A(x, 7), errpipe_write = (int)A(x, 8);
  int restore_signals = (int)A(x, 9), call_setsid = (int)A(x, 10);
  int64_t pgid_to_set = A(x, 11), child_umask = A(x, 12);
  int64_t nexec = A(x, 13), nargv = A(x, 14), nenv = A(x, 15), has_cwd = A(x, 16), nkeep = A(x, 17);
  const int64_t *keep = x->v + 18;
  if (18 + nkeep > x->n) return fail_with(EINVAL);
  int64_t total = nexec + nargv + (nenv < 0 ? 0 : nenv) + (has_cwd ? 1 : 0);
  char **items = calloc((size_t)total + 1, sizeof(char *));
  char **argv = calloc((size_t)nargv + 1, sizeof(char *));
  char **envp = calloc((size_t)(nenv < 0 ? 0 : nenv) + 1, sizeof(char *));
  if (!items || !argv || !envp) rts_fatal("out of memory");
  int64_t k = 0, start = 0;
  for (int64_t i = 0; i < x->slen && k < total; i++)
    if (x->s[i] == 0) {
      items[k++] = (char *)x->s + start;
      start = i + 1;
    }
  if (k != total) {
    free(items);
    free(argv);
    free(envp);
    return fail_with(EINVAL);
  }
  char **execs = items;
  for (int64_t i = 0; i < nargv; i++) argv[i] = items[nexec + i];
  if (nenv >= 0)
    for (int64_t i = 0; i < nenv; i++) envp[i] = items[nexec + nargv + i];
  const char *cwd = has_cwd ? items[total - 1] : NULL;
  rts_flush(); /* what print() buffered must not be written twice */
  pid_t pid = fork();
  if (pid < 0) {
    rts_list *r = fail();
    free(items);
    free(argv);
    free(envp);
    return r;
  }
  if (pid == 0) {
    /* the child: only async-signal-safe calls from here to exec */
    int err = 0;
    if (p2cwrite != -1) close(p2cwrite);
    if (c2pread != -1) close(c2pread);
    if (errread != -1) close(errread);
    close(errpipe_read);
    /* a source fd in 0..2 that another slot needs is moved out of the way first */
    if (c2pwrite == 0) {
      c2pwrite = dup(c2pwrite);
      if (c2pwrite < 0 || set_cloexec(c2pwrite, 1) < 0) goto error;
    }
    while (errwrite == 0 || errwrite == 1) {
      errwrite = dup(errwrite);
      if (errwrite < 0 || set_cloexec(errwrite, 1) < 0) goto error;
    }
    if (p2cread != -1 && child_dup2(p2cread, 0) < 0) goto error;
    if (c2pwrite != -1 && child_dup2(c2pwrite, 1) < 0) goto error;
    if (errwrite != -1 && child_dup2(errwrite, 2) < 0) goto error;
    /* the originals, unless they are the standard fds now */
    if (p2cread > 2) close(p2cread);
    if (c2pwrite > 2 && c2pwrite != p2cread) close(c2pwrite);
    if (errwrite != c2pwrite && errwrite != p2cread && errwrite > 2) close(errwrite);
    if (cwd != NULL && chdir(cwd) < 0) {
      err = errno;
      child_report(errpipe_write, err, 1);
      _exit(255);
    }
    if (child_umask >= 0) umask((mode_t)child_umask);
    if (restore_signals) {
      signal(SIGPIPE, SIG_DFL);
      signal(SIGXFSZ, SIG_DFL);
    }
    signal(SIGINT, SIG_DFL);
    if (call_setsid && setsid() < 0) goto error;
    if (pgid_to_set >= 0 && setpgid(0, (pid_t)pgid_to_set) < 0) goto error;
    if (close_fds) {
      long maxfd = sysconf(_SC_OPEN_MAX);
      if (maxfd < 0 || maxfd > 65536) maxfd = 65536;
      for (int fd = 3; fd < maxfd; fd++)
        if (!keep_fd(keep, nkeep, fd)) close(fd);
    }
    /* the fds to keep are inheritable, errpipe_write excepted (closed by a successful exec) */
    for (int64_t i = 0; i < nkeep; i++)
      if (keep[i] != errpipe_write) set_cloexec((int)keep[i], 0);
    err = ENOENT;
    for (int64_t i = 0; i < nexec; i++) {
      if (nenv >= 0)
        execve(execs[i], argv, envp);
      else
        execv(execs[i], argv);
      /* as CPython: the first error other than ENOENT/ENOTDIR is the one reported */
      if (errno != ENOENT && errno != ENOTDIR && err == ENOENT) err = errno;
    }
    child_report(errpipe_write, err, 0);
    _exit(255);
  error:
    child_report(errpipe_write, errno, 1);
    _exit(255);
  }
  free(items);
  free(argv);
  free(envp);
  return one(tid, pid);
}

static rts_list *do_select(const args *x, uint32_t tid) {
  int64_t nr = A(x, 0), nw = A(x, 1), nx = A(x, 2), tmo = A(x, 3);
  if (4 + nr + nw + nx > x->n) return fail_with(EINVAL);
  fd_set sets[3];
  int maxfd = -1;
  const int64_t *fds = x->v + 4;
  int64_t counts[3] = {nr, nw, nx};
  int64_t at = 0;
  for (int k = 0; k < 3; k++) {
    FD_ZERO(&sets[k]);
    for (int64_t i = 0; i < counts[k]; i++, at++) {
      int64_t fd = fds[at];
      if (fd < 0 || fd >= FD_SETSIZE) return fail_with(fd < 0 ? EBADF : EINVAL);
      FD_SET((int)fd, &sets[k]);
      if (fd > maxfd) maxfd = (int)fd;
    }
  }
  struct timeval tv, *tvp = NULL;
  if (tmo >= 0) {
    tv.tv_sec = (time_t)(tmo / 1000000);
    tv.tv_usec = (suseconds_t)(tmo % 1000000);
    tvp = &tv;
  }
  int r = select(maxfd + 1, &sets[0], &sets[1], &sets[2], tvp);
  if (r < 0) return fail();
  /* the three counts, then the ready fds of each list in the order given */
  int64_t *out = malloc(sizeof(int64_t) * (size_t)(3 + nr + nw + nx));
  if (!out) rts_fatal("out of memory");
  int64_t n = 3;
  at = 0;
  for (int k = 0; k < 3; k++) {
    int64_t c = 0;
    for (int64_t i = 0; i < counts[k]; i++, at++)
      if (FD_ISSET((int)fds[at], &sets[k])) {
        out[n++] = fds[at];
        c++;
      }
    out[k] = c;
  }
  rts_list *l = ints(tid, out, n);
  free(out);
  return l;
}

static rts_list *do_poll(const args *x, uint32_t tid) {
  int64_t tmo = A(x, 0);
  int64_t nfds = (x->n - 1) / 2;
  struct pollfd *p = calloc((size_t)nfds + 1, sizeof *p);
  if (!p) rts_fatal("out of memory");
  for (int64_t i = 0; i < nfds; i++) {
    p[i].fd = (int)x->v[1 + 2 * i];
    p[i].events = (short)x->v[2 + 2 * i];
  }
  int r = poll(p, (nfds_t)nfds, tmo < 0 ? -1 : (int)tmo);
  if (r < 0) {
    rts_list *l = fail();
    free(p);
    return l;
  }
  int64_t *out = malloc(sizeof(int64_t) * (size_t)(2 * nfds + 1));
  if (!out) rts_fatal("out of memory");
  int64_t n = 0;
  for (int64_t i = 0; i < nfds; i++)
    if (p[i].revents) {
      out[n++] = p[i].fd;
      out[n++] = (unsigned short)p[i].revents;
    }
  free(p);
  rts_list *l = ints(tid, out, n);
  free(out);
  return l;
}

/* ---- posix2: the process, id and file calls of vm/modules/posixproc.ts and posixfiles.ts ---- */

/* The string argument split at its NULs: n strings, pointers into x->s (which ends in a NUL). */
static char **split_strings(const args *x, int64_t n) {
  char **v = calloc((size_t)n + 1, sizeof(char *));
  if (!v) rts_fatal("out of memory");
  char *p = (char *)x->s;
  for (int64_t i = 0; i < n; i++) {
    v[i] = p;
    p += strlen(p) + 1;
  }
  return v;
}
/* exec: the string is path NUL argv... NUL env... (ints: argc, envc, whether env is given). */
static rts_list *do_exec(const args *x) {
  int64_t argc = A(x, 0), envc = A(x, 1);
  char **all = split_strings(x, 1 + argc + envc);
  char **argv = calloc((size_t)argc + 1, sizeof(char *));
  char **envp = calloc((size_t)envc + 1, sizeof(char *));
  if (!argv || !envp) rts_fatal("out of memory");
  for (int64_t i = 0; i < argc; i++) argv[i] = all[1 + i];
  for (int64_t i = 0; i < envc; i++) envp[i] = all[1 + argc + i];
  if (A(x, 2)) execve(all[0], argv, envp);
  else execv(all[0], argv);
  int e = errno;
  free(argv);
  free(envp);
  free(all);
  return fail_with(e);
}
static rts_list *do_times(uint32_t tid) {
  struct tms t;
  clock_t c = times(&t);
  if (c == (clock_t)-1) return fail();
  int64_t v[6] = {(int64_t)t.tms_utime, (int64_t)t.tms_stime, (int64_t)t.tms_cutime, (int64_t)t.tms_cstime, (int64_t)c, (int64_t)sysconf(_SC_CLK_TCK)};
  return ints(tid, v, 6);
}
/* setuid and the rest, by ints[0]: 0 setuid, 1 setgid, 2 seteuid, 3 setegid, 4 setreuid,
 * 5 setregid (-1 leaves an id of setre*id unchanged) */
static rts_list *do_setid(const args *x, uint32_t tid) {
  int r;
  switch (A(x, 0)) {
  case 0: r = setuid((uid_t)A(x, 1)); break;
  case 1: r = setgid((gid_t)A(x, 1)); break;
  case 2: r = seteuid((uid_t)A(x, 1)); break;
  case 3: r = setegid((gid_t)A(x, 1)); break;
  case 4: r = setreuid((uid_t)A(x, 1), (uid_t)A(x, 2)); break;
  case 5: r = setregid((gid_t)A(x, 1), (gid_t)A(x, 2)); break;
  default: return fail_with(EINVAL);
  }
  return r < 0 ? fail() : one(tid, 0);
}
static rts_list *do_getrandom(const args *x, uint32_t tid) {
  int64_t n = A(x, 0);
  if (n < 0) return fail_with(EINVAL);
  unsigned char *buf = malloc((size_t)n + 1);
  if (!buf) rts_fatal("out of memory");
#ifdef __linux__
  ssize_t r;
  RETRY(r, getrandom(buf, (size_t)n, (unsigned)A(x, 1)));
#else
  ssize_t r = -1;
  errno = ENOSYS;
#endif
  rts_list *l = r < 0 ? fail() : bytes(tid, buf, (int64_t)r);
  free(buf);
  return l;
}
/* statvfs of the path (ints[0] < 0) or of the fd ints[0]: the 11 fields of os.statvfs_result. */
static rts_list *do_statvfs(const args *x, uint32_t tid) {
  struct statvfs st;
  int r;
  if (A(x, 0) >= 0) RETRY(r, fstatvfs((int)A(x, 0), &st));
  else RETRY(r, statvfs((const char *)x->s, &st));
  if (r < 0) return fail();
  int64_t v[11] = {(int64_t)st.f_bsize, (int64_t)st.f_frsize, (int64_t)st.f_blocks, (int64_t)st.f_bfree, (int64_t)st.f_bavail, (int64_t)st.f_files, (int64_t)st.f_ffree, (int64_t)st.f_favail, (int64_t)st.f_flag, (int64_t)st.f_namemax, (int64_t)st.f_fsid};
  return ints(tid, v, 11);
}
/* writev: the string is the buffers one after another, ints their lengths after the fd. */
static rts_list *do_writev(const args *x, uint32_t tid) {
  int64_t n = x->n - 1;
  struct iovec *iov = calloc((size_t)n + 1, sizeof *iov);
  if (!iov) rts_fatal("out of memory");
  int64_t off = 0;
  for (int64_t i = 0; i < n; i++) {
    iov[i].iov_base = x->s + off;
    iov[i].iov_len = (size_t)A(x, 1 + i);
    off += A(x, 1 + i);
  }
  ssize_t r;
  RETRY(r, writev((int)A(x, 0), iov, (int)n));
  free(iov);
  return r < 0 ? fail() : one(tid, (int64_t)r);
}
static rts_list *do_getgroups(uint32_t tid) {
  int n = getgroups(0, NULL);
  if (n < 0) return fail();
  gid_t *g = calloc((size_t)n + 1, sizeof *g);
  if (!g) rts_fatal("out of memory");
  n = getgroups(n, g);
  if (n < 0) {
    free(g);
    return fail();
  }
  int64_t *v = calloc((size_t)n + 1, sizeof *v);
  if (!v) rts_fatal("out of memory");
  for (int i = 0; i < n; i++) v[i] = g[i];
  rts_list *l = ints(tid, v, n);
  free(g);
  free(v);
  return l;
}

/* The names in the directory open on fd (read through a dup, so fd stays open and its position
 * is rewound), each followed by a NUL, as bytes; "." and ".." left out. */
static rts_list *do_listdir_fd(int fd, uint32_t tid) {
  int d = dup(fd);
  if (d < 0) return fail();
  DIR *dir = fdopendir(d);
  if (!dir) {
    rts_list *l = fail();
    close(d);
    return l;
  }
  rewinddir(dir);
  size_t cap = 4096, n = 0;
  unsigned char *buf = malloc(cap);
  if (!buf) rts_fatal("out of memory");
  struct dirent *e;
  errno = 0;
  while ((e = readdir(dir)) != NULL) {
    const char *nm = e->d_name;
    if (strcmp(nm, ".") == 0 || strcmp(nm, "..") == 0) continue;
    size_t k = strlen(nm) + 1;
    if (n + k > cap) {
      while (n + k > cap) cap *= 2;
      buf = realloc(buf, cap);
      if (!buf) rts_fatal("out of memory");
    }
    memcpy(buf + n, nm, k);
    n += k;
  }
  rts_list *l = errno ? fail() : bytes(tid, buf, (int64_t)n);
  closedir(dir);
  free(buf);
  return l;
}
static int at_dir(int64_t fd) { return fd == -100 ? AT_FDCWD : (int)fd; }

static rts_list *dispatch(int64_t op, const args *x, uint32_t tid) {
  int r;
  switch (op) {
  case OSCALL_PIPE: {
    int fds[2];
#ifdef __linux__
    if (pipe2(fds, O_CLOEXEC) < 0) return fail();
#else
    if (pipe(fds) < 0) return fail();
    set_cloexec(fds[0], 1);
    set_cloexec(fds[1], 1);
#endif
    int64_t v[2] = {fds[0], fds[1]};
    return ints(tid, v, 2);
  }
  case OSCALL_DUP:
    r = fcntl((int)A(x, 0), F_DUPFD_CLOEXEC, 0);
    return r < 0 ? fail() : one(tid, r);
  case OSCALL_DUP2: {
    int fd = (int)A(x, 0), fd2 = (int)A(x, 1);
#ifdef __linux__
    if (!A(x, 2) && fd != fd2) {
      RETRY(r, dup3(fd, fd2, O_CLOEXEC));
      return r < 0 ? fail() : one(tid, r);
    }
#endif
    RETRY(r, dup2(fd, fd2));
    if (r < 0) return fail();
    if (!A(x, 2)) set_cloexec(r, 1);
    return one(tid, r);
  }
  case OSCALL_WAITPID: {
    int st = 0;
    pid_t p;
    RETRY(p, waitpid((pid_t)A(x, 0), &st, (int)A(x, 1)));
    if (p < 0) return fail();
    int64_t v[2] = {p, st};
    return ints(tid, v, 2);
  }
  case OSCALL_KILL:
    return kill((pid_t)A(x, 0), (int)A(x, 1)) < 0 ? fail() : one(tid, 0);
  case OSCALL_GET_INHERITABLE:
    r = fcntl((int)A(x, 0), F_GETFD);
    return r < 0 ? fail() : one(tid, (r & FD_CLOEXEC) ? 0 : 1);
  case OSCALL_SET_INHERITABLE:
    return set_cloexec((int)A(x, 0), !A(x, 1)) < 0 ? fail() : one(tid, 0);
  case OSCALL_GET_BLOCKING:
    r = fcntl((int)A(x, 0), F_GETFL);
    return r < 0 ? fail() : one(tid, (r & O_NONBLOCK) ? 0 : 1);
  case OSCALL_SET_BLOCKING: {
    int fd = (int)A(x, 0);
    int f = fcntl(fd, F_GETFL);
    if (f < 0) return fail();
    int nf = A(x, 1) ? (f & ~O_NONBLOCK) : (f | O_NONBLOCK);
    if (nf != f && fcntl(fd, F_SETFL, nf) < 0) return fail();
    return one(tid, 0);
  }
  case OSCALL_FORK_EXEC:
    return fork_exec(x, tid);
  case OSCALL_SOCKET:
    r = socket((int)A(x, 0), (int)A(x, 1) | SOCK_CLOEXEC, (int)A(x, 2));
    return r < 0 ? fail() : one(tid, r);
  case OSCALL_SOCKETPAIR: {
    int sv[2];
    if (socketpair((int)A(x, 0), (int)A(x, 1) | SOCK_CLOEXEC, (int)A(x, 2), sv) < 0) return fail();
    int64_t v[2] = {sv[0], sv[1]};
    return ints(tid, v, 2);
  }
  case OSCALL_BIND:
  case OSCALL_CONNECT: {
    struct sockaddr_storage ss;
    socklen_t len = 0;
    int e = make_addr(x, 1, &ss, &len);
    if (e) return fail_with(e);
    if (op == OSCALL_BIND)
      r = bind((int)A(x, 0), (struct sockaddr *)&ss, len);
    else
      RETRY(r, connect((int)A(x, 0), (struct sockaddr *)&ss, len));
    return r < 0 ? fail() : one(tid, 0);
  }
  case OSCALL_LISTEN:
    return listen((int)A(x, 0), (int)A(x, 1)) < 0 ? fail() : one(tid, 0);
  case OSCALL_ACCEPT: {
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    memset(&ss, 0, sizeof ss);
#ifdef __linux__
    RETRY(r, accept4((int)A(x, 0), (struct sockaddr *)&ss, &len, SOCK_CLOEXEC));
#else
    RETRY(r, accept((int)A(x, 0), (struct sockaddr *)&ss, &len));
    if (r >= 0) set_cloexec(r, 1);
#endif
    if (r < 0) return fail();
    int64_t pre = r;
    return addr_result(tid, &pre, 1, &ss, len);
  }
  case OSCALL_SEND:
  case OSCALL_SENDTO: {
    ssize_t k;
    if (op == OSCALL_SEND) {
      RETRY(k, send((int)A(x, 0), x->s, (size_t)x->slen, (int)A(x, 1) | MSG_NOSIGNAL));
    } else {
      /* ints: fd, flags, then the address; the string: the data (a UNIX path is not supported) */
      struct sockaddr_storage ss;
      socklen_t len = 0;
      int e = A(x, 2) == AF_UNIX ? EAFNOSUPPORT : make_addr(x, 2, &ss, &len);
      if (e) return fail_with(e);
      RETRY(k, sendto((int)A(x, 0), x->s, (size_t)x->slen, (int)A(x, 1) | MSG_NOSIGNAL, (struct sockaddr *)&ss, len));
    }
    return k < 0 ? fail() : one(tid, (int64_t)k);
  }
  case OSCALL_RECV:
  case OSCALL_RECVFROM: {
    int64_t n = A(x, 1);
    if (n < 0) return fail_with(EINVAL);
    if (n > (1 << 26)) n = 1 << 26;
    unsigned char *buf = malloc((size_t)n + 1);
    if (!buf) rts_fatal("out of memory");
    ssize_t k;
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    memset(&ss, 0, sizeof ss);
    if (op == OSCALL_RECV)
      RETRY(k, recv((int)A(x, 0), buf, (size_t)n, (int)A(x, 2)));
    else
      RETRY(k, recvfrom((int)A(x, 0), buf, (size_t)n, (int)A(x, 2), (struct sockaddr *)&ss, &len));
    if (k < 0) {
      rts_list *l = fail();
      free(buf);
      return l;
    }
    rts_list *l;
    if (op == OSCALL_RECV) {
      l = bytes(tid, buf, (int64_t)k);
    } else {
      /* the byte count, the address, then the bytes */
      int64_t *v = malloc(sizeof(int64_t) * (size_t)(k + 1));
      if (!v) rts_fatal("out of memory");
      v[0] = (int64_t)k;
      rts_list *a = addr_result(tid, v, 1, &ss, len);
      int64_t na = a->len;
      int64_t *all = malloc(sizeof(int64_t) * (size_t)(na + k + 1));
      if (!all) rts_fatal("out of memory");
      memcpy(all, a->items, sizeof(int64_t) * (size_t)na);
      for (ssize_t i = 0; i < k; i++) all[na + i] = buf[i];
      l = ints(tid, all, na + (int64_t)k);
      free(all);
      free(v);
    }
    free(buf);
    return l;
  }
  case OSCALL_SHUTDOWN:
    return shutdown((int)A(x, 0), (int)A(x, 1)) < 0 ? fail() : one(tid, 0);
  case OSCALL_GETSOCKNAME:
  case OSCALL_GETPEERNAME: {
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    memset(&ss, 0, sizeof ss);
    r = op == OSCALL_GETSOCKNAME ? getsockname((int)A(x, 0), (struct sockaddr *)&ss, &len) : getpeername((int)A(x, 0), (struct sockaddr *)&ss, &len);
    if (r < 0) return fail();
    return addr_result(tid, NULL, 0, &ss, len);
  }
  case OSCALL_SETSOCKOPT: {
    /* an int value, or (with a string argument) a buffer */
    if (A(x, 3)) {
      r = setsockopt((int)A(x, 0), (int)A(x, 1), (int)A(x, 2), x->s, (socklen_t)x->slen);
    } else {
      int v = (int)A(x, 4);
      r = setsockopt((int)A(x, 0), (int)A(x, 1), (int)A(x, 2), &v, sizeof v);
    }
    return r < 0 ? fail() : one(tid, 0);
  }
  case OSCALL_GETSOCKOPT: {
    int v = 0;
    socklen_t len = sizeof v;
    if (getsockopt((int)A(x, 0), (int)A(x, 1), (int)A(x, 2), &v, &len) < 0) return fail();
    return one(tid, v);
  }
  case OSCALL_GETHOSTNAME: {
    char name[256];
    if (gethostname(name, sizeof name) < 0) return fail();
    name[sizeof name - 1] = 0;
    return bytes(tid, (const unsigned char *)name, (int64_t)strlen(name));
  }
  case OSCALL_SELECT:
    return do_select(x, tid);
  case OSCALL_POLL:
    return do_poll(x, tid);
#ifdef __linux__
  case OSCALL_HAVE_EPOLL:
    return one(tid, 1);
  case OSCALL_EPOLL_CREATE:
    r = epoll_create1(EPOLL_CLOEXEC);
    return r < 0 ? fail() : one(tid, r);
  case OSCALL_EPOLL_CTL: {
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = (uint32_t)A(x, 3);
    ev.data.fd = (int)A(x, 2);
    return epoll_ctl((int)A(x, 0), (int)A(x, 1), (int)A(x, 2), &ev) < 0 ? fail() : one(tid, 0);
  }
  case OSCALL_EPOLL_WAIT: {
    int maxev = (int)A(x, 2);
    if (maxev <= 0) return fail_with(EINVAL);
    struct epoll_event *evs = calloc((size_t)maxev, sizeof *evs);
    if (!evs) rts_fatal("out of memory");
    r = epoll_wait((int)A(x, 0), evs, maxev, (int)A(x, 1));
    if (r < 0) {
      rts_list *l = fail();
      free(evs);
      return l;
    }
    int64_t *out = malloc(sizeof(int64_t) * (size_t)(2 * r + 1));
    if (!out) rts_fatal("out of memory");
    for (int i = 0; i < r; i++) {
      out[2 * i] = evs[i].data.fd;
      out[2 * i + 1] = evs[i].events;
    }
    free(evs);
    rts_list *l = ints(tid, out, 2 * (int64_t)r);
    free(out);
    return l;
  }
#else
  case OSCALL_HAVE_EPOLL:
    return one(tid, 0);
#endif
  case OSCALL_GETPPID:
    return one(tid, getppid());
  case OSCALL_FTRUNCATE:
    RETRY(r, ftruncate((int)A(x, 0), (off_t)A(x, 1)));
    return r < 0 ? fail() : one(tid, 0);
  case OSCALL_PUTENV: /* the string is name NUL value */
    return setenv((const char *)x->s, (const char *)x->s + strlen((const char *)x->s) + 1, 1) < 0 ? fail() : one(tid, 0);
  case OSCALL_UNSETENV:
    return unsetenv((const char *)x->s) < 0 ? fail() : one(tid, 0);
  case OSCALL_FORK:
    r = fork();
    return r < 0 ? fail() : one(tid, r);
  case OSCALL_EXEC:
    return do_exec(x);
  case OSCALL_UMASK:
    return one(tid, (int64_t)umask((mode_t)A(x, 0)));
  case OSCALL_CLOSERANGE: {
    /* closes lo <= fd < hi, errors ignored, as CPython's os.closerange */
    int64_t hi = A(x, 1), top = sysconf(_SC_OPEN_MAX);
    if (top > 0 && hi > top) hi = top;
    for (int64_t fd = A(x, 0) < 0 ? 0 : A(x, 0); fd < hi; fd++) close((int)fd);
    return one(tid, 0);
  }
  case OSCALL_TRUNCATE:
    RETRY(r, truncate((const char *)x->s, (off_t)A(x, 0)));
    return r < 0 ? fail() : one(tid, 0);
  case OSCALL_TIMES:
    return do_times(tid);
  case OSCALL_CPU_COUNT: {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? fail_with(ENOSYS) : one(tid, n);
  }
  case OSCALL_LINK: /* src NUL dst; ints[0]: follow symlinks */
    r = linkat(AT_FDCWD, (const char *)x->s, AT_FDCWD, (const char *)x->s + strlen((const char *)x->s) + 1, A(x, 0) ? AT_SYMLINK_FOLLOW : 0);
    return r < 0 ? fail() : one(tid, 0);
  case OSCALL_FCHMOD:
    RETRY(r, fchmod((int)A(x, 0), (mode_t)A(x, 1)));
    return r < 0 ? fail() : one(tid, 0);
  case OSCALL_CHOWN: /* ints: fd (< 0: the path), uid, gid, follow symlinks */
    if (A(x, 0) >= 0) RETRY(r, fchown((int)A(x, 0), (uid_t)A(x, 1), (gid_t)A(x, 2)));
    else if (A(x, 3)) r = chown((const char *)x->s, (uid_t)A(x, 1), (gid_t)A(x, 2));
    else r = lchown((const char *)x->s, (uid_t)A(x, 1), (gid_t)A(x, 2));
    return r < 0 ? fail() : one(tid, 0);
  case OSCALL_SETID:
    return do_setid(x, tid);
  case OSCALL_GETRANDOM:
    return do_getrandom(x, tid);
  case OSCALL_STATVFS:
    return do_statvfs(x, tid);
  case OSCALL_PATHCONF: { /* ints: fd (< 0: the path), name; -1 without errno: no limit */
    errno = 0;
    long v = A(x, 0) >= 0 ? fpathconf((int)A(x, 0), (int)A(x, 1)) : pathconf((const char *)x->s, (int)A(x, 1));
    if (v == -1 && errno != 0) return fail();
    return one(tid, v);
  }
  case OSCALL_WRITEV:
    return do_writev(x, tid);
  case OSCALL_GETIDS: {
    int64_t v[4] = {(int64_t)getuid(), (int64_t)geteuid(), (int64_t)getgid(), (int64_t)getegid()};
    return ints(tid, v, 4);
  }
  case OSCALL_GETGROUPS:
    return do_getgroups(tid);
  case OSCALL_OPENAT: /* ints: dir fd, flags (Linux numbering), mode */
    RETRY(r, openat(at_dir(A(x, 0)), (const char *)x->s, rts_host_open_flags(A(x, 1)), (mode_t)A(x, 2)));
    return r < 0 ? fail() : one(tid, r);
  case OSCALL_FSTATAT: { /* ints: dir fd, follow symlinks */
    struct stat st;
    if (fstatat(at_dir(A(x, 0)), (const char *)x->s, &st, A(x, 1) ? 0 : AT_SYMLINK_NOFOLLOW) < 0) return fail();
    return rts_stat_list(&st, tid);
  }
  case OSCALL_UNLINKAT: /* ints: dir fd, whether a directory (rmdir) */
    r = unlinkat(at_dir(A(x, 0)), (const char *)x->s, A(x, 1) ? AT_REMOVEDIR : 0);
    return r < 0 ? fail() : one(tid, 0);
  case OSCALL_MKDIRAT:
    r = mkdirat(at_dir(A(x, 0)), (const char *)x->s, (mode_t)A(x, 1));
    return r < 0 ? fail() : one(tid, 0);
  case OSCALL_LISTDIR_FD:
    return do_listdir_fd((int)A(x, 0), tid);
  }
  return fail_with(ENOSYS);
}

rts_list *rts_os_call(int64_t op, rts_list *a, rts_str *s, uint32_t list_tid) {
  args x;
  x.n = a ? a->len : 0;
  x.v = malloc(sizeof(int64_t) * (size_t)(x.n + 1));
  if (!x.v) rts_fatal("out of memory");
  if (x.n) memcpy(x.v, a->items, sizeof(int64_t) * (size_t)x.n);
  x.slen = s ? s->len : 0;
  x.s = malloc((size_t)x.slen + 1);
  if (!x.s) rts_fatal("out of memory");
  for (int64_t i = 0; i < x.slen; i++) x.s[i] = (unsigned char)(s->data[i] & 0xFF);
  x.s[x.slen] = 0;
  errno = 0;
  rts_list *r = dispatch(op, &x, list_tid);
  free(x.v);
  free(x.s);
  return r;
}

#endif
