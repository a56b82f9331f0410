/* bench/timer.c: runs one command and writes, to the file named first, its wall seconds (from
 * just before fork to wait4's return, CLOCK_MONOTONIC), its user and system CPU seconds and its
 * peak resident set size in KiB (wait4's rusage). A benchmark run spawned by node through GNU
 * time would count node's spawn and time's own start-up (about 10 ms here) in the wall time,
 * which is a fifth of a short JIT run; hyperfine measures the same way as this.
 * Exit status: the command's, or 128 + the signal that ended it. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s OUT-FILE COMMAND [ARG...]\n", argv[0]);
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) {
    perror("timer: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    fprintf(stderr, "timer: cannot run %s: ", argv[2]);
    perror(NULL);
    _exit(127);
  }
  int st;
  struct rusage ru;
  if (wait4(pid, &st, 0, &ru) < 0) {
    perror("timer: wait4");
    return 2;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  double user = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
  double sys = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
  FILE *f = fopen(argv[1], "w");
  if (!f || fprintf(f, "%.6f %.6f %.6f %ld\n", wall, user, sys, ru.ru_maxrss) < 0 || fclose(f) != 0) {
    perror("timer: writing the result");
    return 2;
  }
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
