/* Executable memory for the JIT, W^X: regions are mapped read-write, filled byte by byte,
 * then switched to read-execute (and the instruction cache flushed) before being called.
 * Writing to a finalized region switches it back to read-write until finalized again. */
#include <stdlib.h>
#include <string.h>

#include "rts_internal.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <sys/mman.h>
#include <unistd.h>
#endif

typedef struct region {
  unsigned char *mem; /* NULL: free slot */
  size_t size, mapped;
  bool exec;
} region;

static region *regions;
static int64_t nregions, capregions;

static size_t page_size(void) {
#ifdef _WIN32
  SYSTEM_INFO si;
  GetSystemInfo(&si);
  return si.dwPageSize ? si.dwPageSize : 4096;
#else
  long p = sysconf(_SC_PAGESIZE);
  return p > 0 ? (size_t)p : 4096;
#endif
}

static region *get(int64_t h, const char *what) {
  if (h <= 0 || h > nregions || !regions[h - 1].mem) rts_fatal("%s: bad exec handle %lld", what, (long long)h);
  return &regions[h - 1];
}

#if !defined(_WIN32) && (defined(__powerpc64__) || defined(__powerpc__))
#include <stdint.h>
#include <sys/auxv.h>
/* GCC expands __builtin___clear_cache to nothing on POWER, yet POWER's instruction cache is not
 * coherent with stores: each data cache line is written back, then each instruction cache line
 * invalidated (the Power ISA's sequence for modified instructions). Line sizes come from the
 * kernel; 32 bytes, the smallest POWER line, where it gives none. */
static unsigned long line_size(unsigned long type) {
  unsigned long n = getauxval(type);
  return n != 0 && (n & (n - 1)) == 0 ? n : 32;
}

static void flush_icache(char *start, char *end) {
  unsigned long dl = line_size(AT_DCACHEBSIZE), il = line_size(AT_ICACHEBSIZE);
  for (char *p = (char *)((uintptr_t)start & ~(uintptr_t)(dl - 1)); p < end; p += dl) __asm__ volatile("dcbst 0,%0" : : "r"(p) : "memory");
  __asm__ volatile("sync" : : : "memory");
  for (char *p = (char *)((uintptr_t)start & ~(uintptr_t)(il - 1)); p < end; p += il) __asm__ volatile("icbi 0,%0" : : "r"(p) : "memory");
  __asm__ volatile("isync" : : : "memory");
}
#elif !defined(_WIN32)
/* a call to libgcc's __clear_cache on aarch64; nothing where caches are coherent (x86-64, s390x) */
static void flush_icache(char *start, char *end) { __builtin___clear_cache(start, end); }
#endif

static bool protect(region *r, bool exec) {
#ifdef _WIN32
  DWORD old;
  if (!VirtualProtect(r->mem, r->mapped, exec ? PAGE_EXECUTE_READ : PAGE_READWRITE, &old)) return false;
  if (exec) FlushInstructionCache(GetCurrentProcess(), r->mem, r->mapped);
#else
  if (mprotect(r->mem, r->mapped, exec ? PROT_READ | PROT_EXEC : PROT_READ | PROT_WRITE) != 0) return false;
  if (exec) flush_icache((char *)r->mem, (char *)r->mem + r->size);
#endif
  r->exec = exec;
  return true;
}

int64_t rts_exec_alloc(int64_t size) {
  if (size <= 0 || size > ((int64_t)1 << 40)) return 0;
  size_t ps = page_size();
  size_t mapped = ((size_t)size + ps - 1) / ps * ps;
#ifdef _WIN32
  void *m = VirtualAlloc(NULL, mapped, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
  if (!m) return 0;
#else
  void *m = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return 0;
#endif
  int64_t h = 0;
  for (int64_t i = 0; i < nregions; i++)
    if (!regions[i].mem) {
      h = i + 1;
      break;
    }
  if (!h) {
    if (nregions == capregions) {
      int64_t nc = capregions ? capregions * 2 : 16;
      region *n = realloc(regions, (size_t)nc * sizeof *n);
      if (!n) rts_fatal("out of memory");
      regions = n;
      capregions = nc;
    }
    h = ++nregions;
  }
  region *r = &regions[h - 1];
  r->mem = m;
  r->size = (size_t)size;
  r->mapped = mapped;
  r->exec = false;
  return h;
}

void rts_exec_write(int64_t handle, int64_t offset, int64_t byte) {
  region *r = get(handle, "rts_exec_write");
  if (offset < 0 || (uint64_t)offset >= r->size)
    rts_fatal("rts_exec_write: offset %lld out of range (size %lld)", (long long)offset, (long long)r->size);
  if (r->exec && !protect(r, false)) rts_fatal("rts_exec_write: cannot make memory writable");
  r->mem[offset] = (unsigned char)byte;
}

bool rts_exec_finalize(int64_t handle) {
  region *r = get(handle, "rts_exec_finalize");
  return r->exec || protect(r, true);
}

void rts_exec_write_bytes(int64_t handle, int64_t offset, rts_list *bytes) {
  if (bytes == NULL) rts_fatal("rts_exec_write_bytes: null byte list");
  region *r = get(handle, "rts_exec_write_bytes");
  int64_t n = bytes->len;
  if (offset < 0 || n < 0 || (uint64_t)offset + (uint64_t)n > r->size)
    rts_fatal("rts_exec_write_bytes: %lld bytes at offset %lld out of range (size %lld)", (long long)n, (long long)offset, (long long)r->size);
  if (r->exec && !protect(r, false)) rts_fatal("rts_exec_write_bytes: cannot make memory writable");
  const int64_t *b = RTS_LIST_ITEMS(bytes, int64_t);
  for (int64_t i = 0; i < n; i++) r->mem[offset + i] = (unsigned char)b[i];
}

int64_t rts_exec_address(int64_t handle, int64_t offset) {
  region *r = get(handle, "rts_exec_address");
  if (offset < 0 || (uint64_t)offset > r->size)
    rts_fatal("rts_exec_address: offset %lld out of range (size %lld)", (long long)offset, (long long)r->size);
  return (int64_t)(intptr_t)(r->mem + offset);
}

rts_str *rts_exec_target_arch(void) {
#if (defined(__x86_64__) || defined(_M_X64)) && defined(_WIN32)
  const char *a = "x86_64-win64"; /* arguments in rcx, rdx, r8, r9; 32-byte shadow space */
#elif defined(__x86_64__) || defined(_M_X64)
  const char *a = "x86_64";
#elif defined(__aarch64__)
  const char *a = "aarch64";
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
  const char *a = "ppc64le";
#elif defined(__s390x__)
  const char *a = "s390x";
#else
  const char *a = "unknown";
#endif
  return rts_str_from_utf8(a, (int64_t)strlen(a));
}

int64_t rts_jit_helper_address(int64_t index) {
  if (index < 0 || index >= rts_njit_helpers) rts_fatal("rts_jit_helper_address: no helper %lld (%lld registered)", (long long)index, (long long)rts_njit_helpers);
  return (int64_t)(intptr_t)rts_jit_helpers[index];
}

typedef int64_t (*rts_jit_fn)(int64_t, int64_t, int64_t, int64_t);

int64_t rts_exec_call(int64_t handle, int64_t offset, int64_t a, int64_t b, int64_t c, int64_t d) {
  region *r = get(handle, "rts_exec_call");
  if (!r->exec) rts_fatal("rts_exec_call: region %lld is not finalized", (long long)handle);
  if (offset < 0 || (uint64_t)offset >= r->size)
    rts_fatal("rts_exec_call: offset %lld out of range (size %lld)", (long long)offset, (long long)r->size);
  rts_jit_fn f;
  void *p = r->mem + offset;
  memcpy(&f, &p, sizeof f);
  return f(a, b, c, d);
}

void rts_exec_free(int64_t handle) {
  region *r = get(handle, "rts_exec_free");
#ifdef _WIN32
  VirtualFree(r->mem, 0, MEM_RELEASE);
#else
  munmap(r->mem, r->mapped);
#endif
  r->mem = NULL;
}
