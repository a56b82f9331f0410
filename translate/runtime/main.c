/* The program's entry: sets up the runtime, runs rts_entry on a thread with a large stack
 * (so deep recursion is bounded by rts_max_depth, not by the platform's default stack),
 * and reports an uncaught exception. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rts_internal.h"

#ifdef _WIN32
#include <windows.h>
#include <shellapi.h>
#else
#include <pthread.h>
#include <signal.h>
#endif

/* Stack given to the program's thread, and the depth allowed on it: 10 KiB per RTS call. */
#define RTS_STACK_BYTES ((size_t)1 << 30)
#define RTS_BYTES_PER_CALL 10240

int64_t rts_depth;
int64_t rts_max_depth = 100000;
int64_t rts_saved_max_depth;
bool rts_oom_pending;

static int g_argc;
static char **g_argv;
static int exit_status;

static rts_list *make_argv(void) {
  rts_list *l = NULL;
  RTS_ROOTS(l);
  RTS_ROOT_SET(0, l = rts_list_new(rts_argv_list_tid, 0));
#ifdef _WIN32
  int n = 0;
  wchar_t **w = CommandLineToArgvW(GetCommandLineW(), &n);
  for (int i = 1; w && i < n; i++) {
    rts_str *s = rts_str_lit((const uint16_t *)w[i], (int64_t)wcslen(w[i]));
    rts_list_push_ptr(l, s);
  }
  if (w) LocalFree(w);
#else
  for (int i = 1; i < g_argc; i++) {
    rts_str *s = rts_str_from_utf8(g_argv[i], (int64_t)strlen(g_argv[i]));
    rts_list_push_ptr(l, s);
  }
#endif
  RTS_UNROOT();
  return l;
}

static void run(void) {
  rts_list *argv = make_argv();
  void *slots[1] = {argv};
  rts_frame f = {NULL, 1, slots};
  rts_top_frame = &f;
  int64_t status = rts_entry(argv);
  rts_top_frame = NULL;
  if (rts_exc) {
    rts_obj *e = rts_exc;
    rts_flush();
    const char *name = e->tid < rts_ntypes && rts_types[e->tid].name ? rts_types[e->tid].name : "Error";
    rts_str *msg = NULL;
    if (e->tid < rts_ntypes && rts_types[e->tid].kind == RTS_KIND_STRUCT && rts_types[e->tid].size >= sizeof(rts_obj) + sizeof(void *))
      msg = *(rts_str **)((char *)e + sizeof(rts_obj));
    char *m = msg ? rts_str_to_utf8(msg, NULL) : NULL;
    if (m && *m)
      fprintf(stderr, "Uncaught %s: %s\n", name, m);
    else
      fprintf(stderr, "Uncaught %s\n", name);
    free(m);
    exit_status = 1;
    return;
  }
  exit_status = (int)status;
}

#ifdef _WIN32
static DWORD WINAPI thread_main(LPVOID arg) {
  (void)arg;
  run();
  return 0;
}
#else
static void *thread_main(void *arg) {
  (void)arg;
  run();
  return NULL;
}
#endif

static bool run_on_big_stack(void) {
  for (size_t sz = RTS_STACK_BYTES; sz >= ((size_t)32 << 20); sz /= 4) {
    rts_max_depth = (int64_t)(sz / RTS_BYTES_PER_CALL);
    if (rts_max_depth > 100000) rts_max_depth = 100000;
#ifdef _WIN32
    HANDLE t = CreateThread(NULL, sz, thread_main, NULL, STACK_SIZE_PARAM_IS_A_RESERVATION, NULL);
    if (!t) continue;
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    return true;
#else
    pthread_attr_t at;
    pthread_t t;
    if (pthread_attr_init(&at) != 0) return false;
    int ok = pthread_attr_setstacksize(&at, sz) == 0 && pthread_create(&t, &at, thread_main, NULL) == 0;
    pthread_attr_destroy(&at);
    if (!ok) continue;
    /* signals go to the program's thread, so that SIGINT interrupts its blocking reads */
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    pthread_sigmask(SIG_BLOCK, &s, NULL);
    pthread_join(t, NULL);
    return true;
#endif
  }
  return false;
}

int main(int argc, char **argv) {
  g_argc = argc;
  g_argv = argv;
  rts_os_init();
  rts_gc_init();
  rts_str_init_statics();
  if (!run_on_big_stack()) {
#ifdef _WIN32
    rts_max_depth = (int64_t)(((size_t)3 << 18) / RTS_BYTES_PER_CALL); /* the main thread: 1 MiB by default */
#else
    rts_max_depth = (int64_t)(((size_t)6 << 20) / RTS_BYTES_PER_CALL); /* the main thread: 8 MiB by default */
#endif
    run();
  }
  rts_flush();
  rts_gc_report();
  return exit_status;
}
