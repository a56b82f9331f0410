/* Test harness for the RTS C runtime: a hand-written stand-in for genc's output (type
 * table, static roots, rts_entry, rts_raise_stack_overflow) that exercises the runtime.
 *
 * Usage: harness MODE [SCALE]
 *   all     every functional check plus the GC stress at SCALE (default 1.0 = 2 GiB allocated)
 *   floats [N] prints "F <hex bits> <String(x)> <repr(x)> <x.toFixed(2)|-> <x.toFixed(7)|->" lines
 *   parse [N]  prints "P <decimal> <hex bits of rts_str_to_float(decimal)>" lines
 *   fatal | uncaught | oom | exit | overflow | stdin | argv   single behaviours checked by the caller
 * Every check prints nothing when it passes; a failure prints "FAIL <line>: <what>". The
 * last line of "all" is "harness: N passed, N failed". */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rts.h"

#if defined(__linux__)
#include <sys/resource.h>
#elif defined(_WIN32)
#include <windows.h>
#include <psapi.h>
#endif

int rts_float_shortest(double x, char *digits, int *e10);
int rts_float_shortest_slow(double x, char *digits, int *e10);

/* ---- the program's "genc output" ---- */

typedef struct Node {
  rts_obj h;
  struct Node *next;
  rts_str *name;
  rts_obj *other;
  int64_t val;
} Node;

typedef struct RangeError {
  rts_obj h;
  rts_str *message;
} RangeError;

typedef struct Module {
  rts_obj h;
  rts_obj *keep;
  rts_list *dict_holder;
} Module;

enum {
  T_STR = 0,
  T_LIST_STR,
  T_LIST_I64,
  T_LIST_F64,
  T_LIST_BOOL,
  T_LIST_PTR,
  T_DICT_I64_I64,
  T_DICT_STR_I64,
  T_DICT_PTR_STR,
  T_DICT_STR_PTR,
  T_DICT_I64_F64,
  T_DICT_I64_BOOL,
  T_NODE,
  T_RANGE_ERROR,
  T_MODULE,
  T_COUNT
};

static const uint32_t node_offs[] = {offsetof(Node, next), offsetof(Node, name), offsetof(Node, other)};
static const uint32_t err_offs[] = {offsetof(RangeError, message)};
static const uint32_t mod_offs[] = {offsetof(Module, keep), offsetof(Module, dict_holder)};

const rts_typeinfo rts_types[] = {
    [T_STR] = {"str", RTS_KIND_STR, 0, 0, NULL, 0, 0, 0, 0},
    [T_LIST_STR] = {"list<str>", RTS_KIND_LIST, 0, 0, NULL, RTS_ELEM_STR, 0, 0, 0},
    [T_LIST_I64] = {"list<int>", RTS_KIND_LIST, 0, 0, NULL, RTS_ELEM_I64, 0, 0, 0},
    [T_LIST_F64] = {"list<float>", RTS_KIND_LIST, 0, 0, NULL, RTS_ELEM_F64, 0, 0, 0},
    [T_LIST_BOOL] = {"list<bool>", RTS_KIND_LIST, 0, 0, NULL, RTS_ELEM_BOOL, 0, 0, 0},
    [T_LIST_PTR] = {"list<Node>", RTS_KIND_LIST, 0, 0, NULL, RTS_ELEM_PTR, 0, 0, 0},
    [T_DICT_I64_I64] = {"Map<int,int>", RTS_KIND_DICT, 0, 0, NULL, RTS_ELEM_I64, RTS_ELEM_I64, 0, 0},
    [T_DICT_STR_I64] = {"Map<str,int>", RTS_KIND_DICT, 0, 0, NULL, RTS_ELEM_I64, RTS_ELEM_STR, 0, 0},
    [T_DICT_PTR_STR] = {"Map<Node,str>", RTS_KIND_DICT, 0, 0, NULL, RTS_ELEM_STR, RTS_ELEM_PTR, 0, 0},
    [T_DICT_STR_PTR] = {"Map<str,Node>", RTS_KIND_DICT, 0, 0, NULL, RTS_ELEM_PTR, RTS_ELEM_STR, 0, 0},
    [T_DICT_I64_F64] = {"Map<int,float>", RTS_KIND_DICT, 0, 0, NULL, RTS_ELEM_F64, RTS_ELEM_I64, 0, 0},
    [T_DICT_I64_BOOL] = {"Map<int,bool>", RTS_KIND_DICT, 0, 0, NULL, RTS_ELEM_BOOL, RTS_ELEM_I64, 0, 0},
    [T_NODE] = {"Node", RTS_KIND_STRUCT, sizeof(Node), 3, node_offs, 0, 0, T_NODE, T_NODE + 1},
    [T_RANGE_ERROR] = {"RangeError", RTS_KIND_STRUCT, sizeof(RangeError), 1, err_offs, 0, 0, T_RANGE_ERROR,
                       T_RANGE_ERROR + 1},
    [T_MODULE] = {"Module", RTS_KIND_STRUCT, sizeof(Module), 2, mod_offs, 0, 0, T_MODULE, T_MODULE + 1},
};
const uint32_t rts_ntypes = T_COUNT;
const uint32_t rts_argv_list_tid = T_LIST_STR;

/* prebuilt constants: a string in read-only memory (not a root: it holds no references),
 * a module object and a list whose buffer is a static array (roots: they get mutated). */
static const struct {
  rts_obj h;
  int64_t len;
  uint32_t hash;
  uint16_t data[5];
} k_hello = {{T_STR, RTS_GC_STATIC}, 5, 0, {'h', 'e', 'l', 'l', 'o'}};
#define HELLO ((rts_str *)&k_hello)
static Module g_module = {{T_MODULE, RTS_GC_STATIC}, NULL, NULL};
static void *g_slist_items[2] = {(void *)&k_hello, NULL};
static rts_list g_slist = {{T_LIST_STR, RTS_GC_STATIC}, 1, 2, g_slist_items};
rts_obj *const rts_static_roots[] = {&g_module.h, &g_slist.h};
const uint32_t rts_nstatic_roots = 2;

static rts_str *S(const char *s) { return rts_str_from_utf8(s, (int64_t)strlen(s)); }

/* the JIT's helper table, as genc emits it (data.c): functions machine code may call */
static int64_t helper_add3(int64_t x) { return x + 3; }
void *const rts_jit_helpers[] = {(void *)helper_add3};
const int64_t rts_njit_helpers = 1;

bool rts_raise_stack_overflow(void) {
  RangeError *e = rts_alloc(T_RANGE_ERROR, sizeof(RangeError));
  void *slots[1] = {e};
  rts_frame f = {rts_top_frame, 1, slots};
  rts_top_frame = &f;
  e->message = S("Maximum call stack size exceeded");
  rts_top_frame = f.prev;
  rts_exc = &e->h;
  return true;
}

/* ---- output and checks ---- */

static int passed, failed;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...) {
  char buf[4096];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if (n >= (int)sizeof buf) n = (int)sizeof buf - 1;
  rts_write(1, rts_str_from_utf8(buf, n));
}

#define CHECK(cond)                                                                                                    \
  do {                                                                                                                 \
    if (cond)                                                                                                          \
      passed++;                                                                                                        \
    else {                                                                                                             \
      failed++;                                                                                                        \
      say("FAIL %d: %s\n", __LINE__, #cond);                                                                           \
    }                                                                                                                  \
  } while (0)

static char *U(rts_str *s) { /* leaked on purpose: tests only */
  return s ? rts_str_to_utf8(s, NULL) : strdup("(null)");
}
static bool is(rts_str *s, const char *want) {
  char *u = U(s);
  bool ok = strcmp(u, want) == 0;
  if (!ok) say("  got \"%s\", want \"%s\"\n", u, want);
  free(u);
  return ok;
}
#define CHECK_STR(expr, want) CHECK(is((expr), (want)))

/* A shadow-stack frame for the harness's own locals, like genc emits. */
#define FRAME(N)                                                                                                       \
  void *slots[N];                                                                                                      \
  memset(slots, 0, sizeof slots);                                                                                      \
  rts_frame frame = {rts_top_frame, N, slots};                                                                         \
  rts_top_frame = &frame
#define UNFRAME() (rts_top_frame = frame.prev)

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rng(void) { /* xorshift64* */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 0x2545F4914F6CDD1DULL;
}

static double bits_to_double(uint64_t b) {
  double d;
  memcpy(&d, &b, 8);
  return d;
}
static uint64_t double_to_bits(double d) {
  uint64_t b;
  memcpy(&b, &d, 8);
  return b;
}

static long max_rss_kb(void) {
#if defined(__linux__)
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
#elif defined(_WIN32)
  PROCESS_MEMORY_COUNTERS pmc;
  if (!K32GetProcessMemoryInfo(GetCurrentProcess(), &pmc, sizeof pmc)) return -1;
  return (long)(pmc.PeakWorkingSetSize / 1024);
#else
  return -1;
#endif
}

/* ---- strings ---- */

static void test_strings(void) {
  FRAME(8);
  rts_str *a = S("héllo, wörld €𝄞");
  slots[0] = a;
  CHECK(a->len == 16); /* 𝄞 is a surrogate pair */
  CHECK_STR(a, "héllo, wörld €𝄞");
  CHECK(rts_str_char_code_at(a, 14) == 0xD834 && rts_str_char_code_at(a, 15) == 0xDD1E);
  /* invalid UTF-8: maximal subparts become U+FFFD (WHATWG) */
  rts_str *bad = rts_str_from_utf8("a\xff" "b\xe2\x82" "c\xed\xa0\x80" "d\xf0\x9f\x98", 13);
  slots[1] = bad;
  uint16_t want_bad[] = {'a', 0xFFFD, 'b', 0xFFFD, 'c', 0xFFFD, 0xFFFD, 0xFFFD, 'd', 0xFFFD};
  CHECK(bad->len == 10 && memcmp(bad->data, want_bad, sizeof want_bad) == 0);
  /* lone surrogates encode as U+FFFD */
  uint16_t lone[] = {'x', 0xD800, 'y', 0xDC00};
  rts_str *ls = rts_str_lit(lone, 4);
  CHECK_STR(ls, "x\xEF\xBF\xBDy\xEF\xBF\xBD");
  CHECK(rts_str_eq(S("abc"), S("abc")) && !rts_str_eq(S("abc"), S("abd")) && rts_str_eq(NULL, NULL) &&
        !rts_str_eq(NULL, S("")));
  CHECK(rts_str_cmp(S("abc"), S("abd")) < 0 && rts_str_cmp(S("b"), S("abc")) > 0 && rts_str_cmp(S("ab"), S("abc")) < 0 &&
        rts_str_cmp(S("x"), S("x")) == 0);
  CHECK(rts_str_hash(S("hello")) == rts_str_hash(HELLO) && rts_str_eq(HELLO, S("hello")));
  CHECK(rts_str_hash(S("")) != 0);
  CHECK_STR(rts_str_concat(S("foo"), S("bär")), "foobär");
  CHECK_STR(rts_str_concat(S(""), S("x")), "x");
  CHECK_STR(rts_str_char_at(S("abc"), 1), "b");
  CHECK_STR(rts_str_from_char_code(0x10041), "A");
  CHECK_STR(rts_str_from_char_code(0x20AC), "€");
  rts_str *t = S("0123456789");
  slots[2] = t;
  CHECK_STR(rts_str_slice(t, 2, 5), "234");
  CHECK_STR(rts_str_slice(t, -3, 100), "789");
  CHECK_STR(rts_str_slice(t, 5, 2), "");
  CHECK_STR(rts_str_slice(t, -100, -8), "01");
  CHECK_STR(rts_str_substring(t, 5, 2), "234");
  CHECK_STR(rts_str_substring(t, -5, 3), "012");
  CHECK_STR(rts_str_substring(t, 8, 100), "89");
  CHECK(rts_str_index_of(t, S("345"), 0) == 3 && rts_str_index_of(t, S("345"), 4) == -1);
  CHECK(rts_str_index_of(t, S(""), 4) == 4 && rts_str_index_of(t, S(""), 40) == 10);
  CHECK(rts_str_index_of(S("aaa"), S("a"), -5) == 0);
  CHECK(rts_str_last_index_of(S("abcabc"), S("bc")) == 4 && rts_str_last_index_of(S("abc"), S("")) == 3 &&
        rts_str_last_index_of(S("abc"), S("x")) == -1);
  CHECK(rts_str_starts_with(t, S("012")) && !rts_str_starts_with(t, S("12")) && rts_str_starts_with(t, S("")));
  CHECK(rts_str_ends_with(t, S("789")) && !rts_str_ends_with(t, S("78")) && !rts_str_ends_with(S("a"), S("ba")));
  CHECK_STR(rts_str_repeat(S("ab"), 3), "ababab");
  CHECK_STR(rts_str_repeat(S("ab"), 0), "");
  CHECK(rts_str_repeat(S("xyz"), 1000)->len == 3000);
  CHECK_STR(rts_str_trim(S(" \t\n\xC2\xA0\xE3\x80\x80 hi there \r\xEF\xBB\xBF")), "hi there");
  CHECK_STR(rts_str_trim(S("   ")), "");
  CHECK_STR(rts_str_to_upper(S("abcÿz-Q")), "ABCÿZ-Q");
  CHECK_STR(rts_str_to_lower(S("ABCÀZ-q")), "abcÀz-q");
  rts_list *parts = rts_str_split(S("a,b,,c"), S(","), T_LIST_STR);
  slots[3] = parts;
  CHECK(parts->len == 4);
  CHECK_STR(rts_list_join(parts, S("|")), "a|b||c");
  CHECK(rts_str_split(S(""), S(","), T_LIST_STR)->len == 1);
  CHECK(rts_str_split(S(""), S(""), T_LIST_STR)->len == 0);
  parts = rts_str_split(S("héy"), S(""), T_LIST_STR);
  slots[3] = parts;
  CHECK(parts->len == 3);
  CHECK_STR(rts_list_join(parts, S("-")), "h-é-y");
  CHECK_STR(rts_list_join(rts_str_split(S("a::b::"), S("::"), T_LIST_STR), S("+")), "a+b+");
  CHECK_STR(rts_list_join(rts_list_new(T_LIST_STR, 0), S(",")), "");
  CHECK_STR(rts_str_from_int(0), "0");
  CHECK_STR(rts_str_from_int(-42), "-42");
  CHECK_STR(rts_str_from_int(INT64_MIN), "-9223372036854775808");
  CHECK_STR(rts_str_from_int(INT64_MAX), "9223372036854775807");
  CHECK_STR(rts_str_from_bool(true), "true");
  CHECK_STR(rts_str_from_bool(false), "false");
  bool ok;
  CHECK(rts_str_to_float(S("  1.5e3 "), &ok) == 1500 && ok);
  CHECK(rts_str_to_float(S("-.5"), &ok) == -0.5 && ok);
  CHECK(rts_str_to_float(S("5."), &ok) == 5 && ok);
  CHECK(isinf(rts_str_to_float(S("-Infinity"), &ok)) && ok);
  CHECK(isinf(rts_str_to_float(S("1e999"), &ok)) && ok);
  CHECK(isnan(rts_str_to_float(S("nan"), &ok)) && ok);
  CHECK(rts_str_to_float(S("0.1"), &ok) == 0.1 && ok);
  CHECK(rts_str_to_float(S("2.2250738585072011e-308"), &ok) == 2.2250738585072011e-308 && ok);
  CHECK(rts_str_to_float(S("4.9406564584124654e-324"), &ok) == 4.9406564584124654e-324 && ok);
  CHECK(rts_str_to_float(S("9007199254740993"), &ok) == 9007199254740992.0 && ok);
  rts_str_to_float(S("1e"), &ok);
  CHECK(!ok);
  rts_str_to_float(S("0x10"), &ok);
  CHECK(!ok);
  rts_str_to_float(S(""), &ok);
  CHECK(!ok);
  rts_str_to_float(S("1.5x"), &ok);
  CHECK(!ok);
  rts_str_to_float(S("."), &ok);
  CHECK(!ok);
  rts_str_to_float(S("１"), &ok);
  CHECK(!ok);
  /* a long (> 256 chars) numeral */
  char longnum[600];
  memset(longnum, '0', sizeof longnum);
  longnum[0] = '1';
  longnum[1] = '.';
  longnum[599] = 0;
  CHECK(rts_str_to_float(S(longnum), &ok) == 1.0 && ok);
  UNFRAME();
}

/* ---- numbers ---- */

static int64_t shortest_checks = 20000;

static void test_numbers(void) {
  CHECK_STR(rts_str_from_float(0.1 + 0.2), "0.30000000000000004");
  CHECK_STR(rts_str_from_float(-0.0), "0");
  CHECK_STR(rts_str_from_float(1e21), "1e+21");
  CHECK_STR(rts_str_from_float(1e20), "100000000000000000000");
  CHECK_STR(rts_str_from_float(1.5e-7), "1.5e-7");
  CHECK_STR(rts_str_from_float(1e-6), "0.000001");
  CHECK_STR(rts_str_from_float(123.456), "123.456");
  CHECK_STR(rts_str_from_float(5e-324), "5e-324");
  CHECK_STR(rts_str_from_float(1.7976931348623157e308), "1.7976931348623157e+308");
  CHECK_STR(rts_str_from_float(NAN), "NaN");
  CHECK_STR(rts_str_from_float(-INFINITY), "-Infinity");
  CHECK_STR(rts_float_repr(1.0), "1.0");
  CHECK_STR(rts_float_repr(-0.0), "-0.0");
  CHECK_STR(rts_float_repr(1e16), "1e+16");
  CHECK_STR(rts_float_repr(1e15), "1000000000000000.0");
  CHECK_STR(rts_float_repr(1.5e-5), "1.5e-05");
  CHECK_STR(rts_float_repr(0.0001), "0.0001");
  CHECK_STR(rts_float_repr(INFINITY), "inf");
  CHECK_STR(rts_float_repr(-INFINITY), "-inf");
  CHECK_STR(rts_float_repr(NAN), "nan");
  CHECK_STR(rts_float_repr(1e300 * 10), "1e+301");
  CHECK_STR(rts_float_to_fixed(0.5, 0), "1");
  CHECK_STR(rts_float_to_fixed(2.5, 0), "3");
  CHECK_STR(rts_float_to_fixed(1.005, 2), "1.00");
  CHECK_STR(rts_float_to_fixed(1.25, 1), "1.3");
  CHECK_STR(rts_float_to_fixed(-1.5, 0), "-2");
  CHECK_STR(rts_float_to_fixed(-0.0, 2), "0.00");
  CHECK_STR(rts_float_to_fixed(-1e-10, 2), "-0.00");
  CHECK_STR(rts_float_to_fixed(123.456, 10), "123.4560000000");
  CHECK_STR(rts_float_to_fixed(1e21, 2), "1e+21");
  CHECK_STR(rts_float_to_fixed(0.1, 20), "0.10000000000000000555");
  CHECK_STR(rts_float_to_fixed(999999999999999868928.0, 0), "999999999999999868928");
  CHECK(rts_js_round(2.5) == 3 && rts_js_round(-2.5) == -2 && rts_js_round(0.49999999999999994) == 0);
  CHECK(signbit(rts_js_round(-0.4)) && rts_js_round(-0.6) == -1 && rts_js_round(4503599627370497.0) == 4503599627370497.0);
  CHECK(rts_float_to_int(-3.9) == -3 && rts_float_to_int(9.2e18) == 9200000000000000000LL);
  CHECK(rts_int_floordiv(7, 2) == 3 && rts_int_floordiv(-7, 2) == -4 && rts_int_floordiv(7, -2) == -4 &&
        rts_int_floordiv(-7, -2) == 3 && rts_int_floordiv(INT64_MIN, -1) == INT64_MIN);
  CHECK(rts_int_mod(7, 3) == 1 && rts_int_mod(-7, 3) == 2 && rts_int_mod(7, -3) == -2 && rts_int_mod(-7, -3) == -1 &&
        rts_int_mod(INT64_MIN, -1) == 0);
  CHECK(rts_float_mod(-7.5, 2) == 0.5 && rts_float_mod(7.5, -2) == -0.5 && signbit(rts_float_mod(-4.0, 2)) == 0 &&
        signbit(rts_float_mod(4.0, -2)) != 0 && rts_float_mod(-3, INFINITY) == INFINITY);
  /* the fast shortest-digits path agrees with trying every precision */
  int bad = 0;
  for (int64_t i = 0; i < shortest_checks; i++) {
    uint64_t b = rng();
    if (i % 4 == 1) b &= 0x800FFFFFFFFFFFFFULL; /* subnormal */
    if (i % 4 == 2) b = (b & 0x800FFFFFFFFFFFFFULL) | ((uint64_t)(1023 + (int)(rng() % 120) - 60) << 52);
    double x = fabs(bits_to_double(b));
    if (!isfinite(x) || x == 0) continue;
    char d1[32], d2[32];
    int e1, e2;
    int k1 = rts_float_shortest(x, d1, &e1), k2 = rts_float_shortest_slow(x, d2, &e2);
    if (k1 != k2 || e1 != e2 || strcmp(d1, d2) != 0) bad++;
  }
  CHECK(bad == 0);
}

static void print_floats(int64_t extra) {
  static const double special[] = {0.0,
                                   -0.0,
                                   1.0,
                                   -1.0,
                                   0.1,
                                   0.2,
                                   0.3,
                                   0.1 + 0.2,
                                   1.0 / 3,
                                   2.0 / 3,
                                   0.5,
                                   1.5,
                                   2.5,
                                   1.005,
                                   1.25,
                                   1.45,
                                   123.456,
                                   1e21,
                                   1e20,
                                   9.999999999999999e20,
                                   999999999999999868928.0,
                                   1e-7,
                                   1.5e-7,
                                   1e-6,
                                   1.234e-6,
                                   1e16,
                                   1e15,
                                   9999999999999998.0,
                                   1e-4,
                                   1e-5,
                                   1.5e-5,
                                   9007199254740992.0,
                                   9007199254740993.0,
                                   4503599627370496.5,
                                   5e-324,
                                   1e-323,
                                   2.2250738585072014e-308,
                                   2.2250738585072009e-308,
                                   1.7976931348623157e308,
                                   8.98846567431158e307,
                                   5e-310,
                                   123456789012345680000.0,
                                   0.000001234,
                                   100.0,
                                   1e100,
                                   1e-100,
                                   3.141592653589793,
                                   2.718281828459045,
                                   1e23,
                                   8.41e21,
                                   5e-7,
                                   4.35,
                                   0.045,
                                   1.0000000000000002,
                                   0.9999999999999999,
                                   65536.0,
                                   4294967296.0,
                                   18446744073709551616.0,
                                   1e22,
                                   -1e-7,
                                   -123456.789};
  int ns = (int)(sizeof special / sizeof special[0]);
  uint64_t saved = rng_state;
  rng_state = 0x243F6A8885A308D3ULL;
  for (int i = 0; i < ns + 400; i++) {
    double x;
    if (i < ns) {
      x = special[i];
    } else if (i < ns + 150) {
      x = bits_to_double(rng()); /* arbitrary bit patterns */
      if (isnan(x)) x = NAN;
    } else if (i < ns + 250) {
      /* short decimals at every magnitude: k digits times 10^e */
      int k = 1 + (int)(rng() % 17);
      int64_t m = (int64_t)(rng() % 100000000000000000ULL);
      int64_t lim = 1;
      for (int j = 0; j < k; j++) lim *= 10;
      m %= lim;
      int e = (int)(rng() % 60) - 30;
      char buf[64];
      snprintf(buf, sizeof buf, "%" PRId64 "e%d", m, e);
      x = strtod(buf, NULL);
      if (rng() & 1) x = -x;
    } else if (i < ns + 300) {
      /* powers of two and their neighbours (asymmetric rounding intervals) */
      int e = (int)(rng() % 2098) - 1074;
      x = ldexp(1.0, e);
      int r = (int)(rng() % 3);
      if (r == 1) x = nextafter(x, 0);
      if (r == 2) x = nextafter(x, INFINITY);
    } else if (i < ns + 350) {
      /* values near the toFixed rounding points */
      int64_t m = (int64_t)(rng() % 2000000) - 1000000;
      x = (double)m / 1000.0 + 0.005 * (double)(rng() % 3) - 0.005;
    } else {
      /* the exponent-format thresholds */
      static const double th[] = {1e21, 1e-7, 1e16, 1e-4, 1e-5, 1e15};
      x = th[rng() % 6];
      int r = (int)(rng() % 5);
      for (int j = 0; j < r; j++) x = nextafter(x, (rng() & 1) ? 0 : INFINITY);
    }
    rts_str *js = rts_str_from_float(x);
    char *a = U(js), *b = U(rts_float_repr(x));
    if (fabs(x) < 1e21 && !isnan(x)) {
      char *c = U(rts_float_to_fixed(x, 2)), *d = U(rts_float_to_fixed(x, 7));
      say("F %016" PRIx64 " %s %s %s %s\n", double_to_bits(x), a, b, c, d);
      free(c);
      free(d);
    } else {
      say("F %016" PRIx64 " %s %s - -\n", double_to_bits(x), a, b);
    }
    free(a);
    free(b);
  }
  for (int64_t i = 0; i < extra; i++) { /* more random values, for manual runs */
    uint64_t b = rng();
    if (i % 3 == 1) b &= 0xFFF0000000000000ULL; /* powers of two */
    if (i % 3 == 2) b &= 0xFFF00000000000FFULL;
    double x = bits_to_double(b);
    if (isnan(x)) continue;
    char *a = U(rts_str_from_float(x)), *c = U(rts_float_repr(x));
    if (fabs(x) < 1e21) {
      char *d = U(rts_float_to_fixed(x, 2)), *e = U(rts_float_to_fixed(x, 7));
      say("F %016" PRIx64 " %s %s %s %s\n", double_to_bits(x), a, c, d, e);
      free(d);
      free(e);
    } else {
      say("F %016" PRIx64 " %s %s - -\n", double_to_bits(x), a, c);
    }
    free(a);
    free(c);
  }
  rng_state = saved;
}

/* Prints "P <decimal> <hex bits of rts_str_to_float(decimal)>" for tricky decimals: the
 * caller checks them against python3's float(). */
static void parse_one(const char *text) {
  bool ok;
  double x = rts_str_to_float(S(text), &ok);
  say("P %s %016" PRIx64 "%s\n", text, double_to_bits(x), ok ? "" : " !");
}

/* the decimal just above a printed "d.ddde+x" (last digit + 1, with carries) */
static void bump_last_digit(char *buf) {
  char *e = strchr(buf, 'e');
  char *p = e - 1;
  while (p >= buf && (*p == '9' || *p == '.')) {
    if (*p == '9') *p = '0';
    p--;
  }
  if (p >= buf && *p >= '0' && *p <= '8') (*p)++;
}

static void print_parses(int64_t extra) {
  static const char *const fixed[] = {"0", "-0", "1", "0.1", "1e-400", "1e400", "-1e400", "2.4703282292062327e-324",
                                      "2.4703282292062328e-324", "4.9406564584124654e-324", "1.7976931348623157e308",
                                      "1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072011e-308",
                                      "2.2250738585072012e-308", "9007199254740993", "9007199254740995",
                                      "123456789012345678901234567890", "0.000000000000000000000000000000000123456789",
                                      "4.920126228925448e+260", "4.7733380679681323e-153", "8.98846567431158e307",
                                      "1e23", "8.41e21", "5e-324", "7.2057594037927933e16", "1.00000000000000011102230246251565404236316680908203125",
                                      "1.00000000000000011102230246251565404236316680908203124",
                                      "1.00000000000000011102230246251565404236316680908203126", ".5", "5.", "+3e+2"};
  for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) parse_one(fixed[i]);
  /* a 900-digit numeral whose tail beyond 800 digits decides the rounding */
  char big[1000];
  snprintf(big, sizeof big, "%s", "9007199254740993");
  memset(big + 16, '0', 880);
  big[896] = '1';
  snprintf(big + 897, sizeof big - 897, "e-880");
  parse_one(big);
  uint64_t saved = rng_state;
  rng_state = 0x13198A2E03707344ULL;
  char buf[128];
  for (int64_t i = 0; i < 300 + extra; i++) {
    uint64_t b = rng();
    if (i % 3 == 1) b &= 0xFFF0000000000000ULL; /* powers of two: the asymmetric case */
    double x = fabs(bits_to_double(b));
    if (!isfinite(x)) continue;
    int prec = 14 + (int)(rng() % 3);
    snprintf(buf, sizeof buf, "%.*e", prec, x);
    parse_one(buf);
    bump_last_digit(buf);
    parse_one(buf);
    if (i % 10 == 0) {
      snprintf(buf, sizeof buf, "%.40e", x);
      parse_one(buf);
    }
  }
  rng_state = saved;
}

/* ---- lists ---- */

static void test_lists(void) {
  FRAME(4);
  rts_list *l = rts_list_new(T_LIST_I64, 3);
  slots[0] = l;
  CHECK(l->len == 3 && RTS_LIST_ITEMS(l, int64_t)[2] == 0);
  for (int64_t i = 0; i < 100000; i++) rts_list_push_i64(l, i);
  CHECK(l->len == 100003 && RTS_LIST_ITEMS(l, int64_t)[100002] == 99999);
  CHECK(rts_list_pop_i64(l) == 99999 && l->len == 100002);
  rts_list_set_length(l, 5);
  CHECK(l->len == 5 && RTS_LIST_ITEMS(l, int64_t)[4] == 1);
  rts_list_set_length(l, 8);
  CHECK(RTS_LIST_ITEMS(l, int64_t)[7] == 0 && RTS_LIST_ITEMS(l, int64_t)[5] == 0);
  /* l = [0,0,0,0,1,0,0,0] */
  rts_list_insert_i64(l, 0, 42);
  rts_list_insert_i64(l, -1, 43);
  rts_list_insert_i64(l, 100, 44);
  CHECK(l->len == 11 && RTS_LIST_ITEMS(l, int64_t)[0] == 42 && RTS_LIST_ITEMS(l, int64_t)[8] == 43 &&
        RTS_LIST_ITEMS(l, int64_t)[10] == 44);
  int64_t key = 43;
  CHECK(rts_list_index_of(l, &key) == 8);
  key = 7;
  CHECK(rts_list_index_of(l, &key) == -1);
  rts_list *sl = rts_list_slice(l, -3, -1);
  slots[1] = sl;
  CHECK(sl->len == 2 && sl->h.tid == T_LIST_I64 && RTS_LIST_ITEMS(sl, int64_t)[0] == 43 &&
        RTS_LIST_ITEMS(sl, int64_t)[1] == 0);
  rts_list *sp = rts_list_splice(l, 1, 4); /* removes [0,0,0,0] */
  slots[2] = sp;
  CHECK(sp->len == 4 && l->len == 7 && RTS_LIST_ITEMS(l, int64_t)[1] == 1);
  sp = rts_list_splice(l, -2, 100);
  CHECK(sp->len == 2 && l->len == 5 && RTS_LIST_ITEMS(sp, int64_t)[1] == 44);
  rts_list_reverse(l);
  CHECK(RTS_LIST_ITEMS(l, int64_t)[4] == 42 && RTS_LIST_ITEMS(l, int64_t)[3] == 1);
  /* floats, bools */
  rts_list *f = rts_list_new(T_LIST_F64, 0);
  slots[1] = f;
  rts_list_push_f64(f, 1.5);
  rts_list_push_f64(f, NAN);
  rts_list_push_f64(f, -0.0);
  rts_list_insert_f64(f, 1, 2.5);
  double fk = 0.0;
  CHECK(rts_list_index_of(f, &fk) == 3);
  fk = NAN;
  CHECK(rts_list_index_of(f, &fk) == -1);
  CHECK(rts_list_pop_f64(f) == 0 && rts_list_pop_f64(f) != rts_list_pop_f64(f) /* NaN, then 2.5 */);
  rts_list *bl = rts_list_new(T_LIST_BOOL, 0);
  slots[2] = bl;
  for (int i = 0; i < 1000; i++) rts_list_push_bool(bl, i % 3 == 0);
  rts_list_insert_bool(bl, 0, false);
  rts_list_reverse(bl);
  bool bk = true;
  CHECK(bl->len == 1001 && rts_list_index_of(bl, &bk) == 0 && RTS_LIST_ITEMS(bl, uint8_t)[1] == 0);
  CHECK(rts_list_pop_bool(bl) == false && rts_list_pop_bool(bl) == true);
  /* strings by value, pointers by identity */
  rts_list *sl2 = rts_list_new(T_LIST_STR, 0);
  slots[3] = sl2;
  rts_list_push_ptr(sl2, S("a"));
  rts_list_push_ptr(sl2, S("bb"));
  rts_list_insert_ptr(sl2, 1, S("cc"));
  rts_str *needle = S("bb");
  CHECK(rts_list_index_of(sl2, &needle) == 2);
  CHECK_STR(rts_list_join(sl2, S(", ")), "a, cc, bb");
  CHECK_STR((rts_str *)rts_list_pop_ptr(sl2), "bb");
  rts_list *pl = rts_list_new(T_LIST_PTR, 0);
  slots[1] = pl;
  Node *n1 = rts_alloc(T_NODE, sizeof(Node));
  rts_list_push_ptr(pl, n1);
  Node *n2 = rts_alloc(T_NODE, sizeof(Node));
  rts_list_push_ptr(pl, n2);
  CHECK(rts_list_index_of(pl, &n2) == 1);
  UNFRAME();
}

/* ---- dicts ---- */

static char *dict_keys_i64(rts_dict *d) {
  static char buf[4096];
  int n = 0;
  int64_t pos = 0;
  void *k, *v;
  buf[0] = 0;
  while (rts_dict_next(d, &pos, &k, &v) && n < 4000)
    n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%" PRId64 "=%" PRId64, n ? "," : "", *(int64_t *)k,
                  *(int64_t *)v);
  return buf;
}

static void test_dicts(void) {
  FRAME(6);
  rts_dict *d = rts_dict_new(T_DICT_I64_I64);
  slots[0] = d;
  for (int64_t i = 10; i > 0; i--) {
    int64_t v = i * i;
    rts_dict_set(d, &i, &v);
  }
  CHECK(rts_dict_size(d) == 10);
  for (int64_t i = 1; i <= 10; i += 3) CHECK(rts_dict_delete(d, &i));
  int64_t k = 1;
  CHECK(!rts_dict_delete(d, &k) && !rts_dict_has(d, &k));
  k = 4;
  int64_t v = 99;
  rts_dict_set(d, &k, &v); /* re-insert goes last */
  k = 9;
  v = -81;
  rts_dict_set(d, &k, &v); /* update keeps position */
  CHECK(strcmp(dict_keys_i64(d), "9=-81,8=64,6=36,5=25,3=9,2=4,4=99") == 0);
  k = 2;
  CHECK(*(int64_t *)rts_dict_lookup(d, &k) == 4);
  k = 1000;
  CHECK(rts_dict_lookup(d, &k) == NULL);
  /* mutation during iteration, like a JS Map: deleted entries are skipped, added ones visited */
  {
    int64_t pos = 0;
    void *kp, *vp;
    char out[512];
    int n = 0;
    int step = 0;
    while (rts_dict_next(d, &pos, &kp, &vp)) {
      int64_t key = *(int64_t *)kp;
      n += snprintf(out + n, sizeof out - (size_t)n, "%" PRId64 " ", key);
      if (step == 0) {
        int64_t x = 5;
        rts_dict_delete(d, &x); /* not yet visited: skipped */
        x = 100;
        int64_t y = 1;
        rts_dict_set(d, &x, &y); /* visited at the end */
      }
      if (step == 1) { /* force compactions while iterating: delete and re-add many keys */
        for (int64_t x = 1000; x < 1100; x++) {
          int64_t y = x;
          rts_dict_set(d, &x, &y);
        }
        for (int64_t x = 1000; x < 1100; x++) rts_dict_delete(d, &x);
        int64_t x = 3;
        rts_dict_delete(d, &x);
        x = 3;
        int64_t y = 33;
        rts_dict_set(d, &x, &y); /* deleted then re-added: visited again, at its new place */
      }
      step++;
    }
    CHECK(strcmp(out, "9 8 6 2 4 100 3 ") == 0);
    if (strcmp(out, "9 8 6 2 4 100 3 ") != 0) say("  order: %s\n", out);
  }
  /* clear during iteration: iteration continues with entries added after the clear */
  {
    int64_t pos = 0;
    void *kp, *vp;
    int visited = 0;
    int64_t last = -1;
    while (rts_dict_next(d, &pos, &kp, &vp)) {
      last = *(int64_t *)kp;
      if (visited++ == 0) {
        rts_dict_clear(d);
        int64_t x = 77, y = 7;
        rts_dict_set(d, &x, &y);
      }
    }
    CHECK(visited == 2 && last == 77 && rts_dict_size(d) == 1);
  }
  /* a large dict */
  rts_dict *big = rts_dict_new(T_DICT_I64_I64);
  slots[1] = big;
  for (int64_t i = 0; i < 300000; i++) {
    int64_t kk = i * 7919 % 1000003, vv = i;
    rts_dict_set(big, &kk, &vv);
  }
  for (int64_t i = 0; i < 300000; i += 2) {
    int64_t kk = i * 7919 % 1000003;
    rts_dict_delete(big, &kk);
  }
  int64_t sum = 0, cnt = 0, pos = 0, prev = -1;
  bool ordered = true;
  void *kp, *vp;
  while (rts_dict_next(big, &pos, &kp, &vp)) {
    int64_t vv = *(int64_t *)vp;
    if (vv <= prev) ordered = false;
    prev = vv;
    sum += vv;
    cnt++;
  }
  CHECK(cnt == 150000 && sum == 150000LL * 150000LL && ordered && rts_dict_size(big) == 150000);
  /* string keys by value */
  rts_dict *sd = rts_dict_new(T_DICT_STR_I64);
  slots[2] = sd;
  for (int i = 0; i < 1000; i++) {
    char b[32];
    snprintf(b, sizeof b, "key%d", i);
    rts_str *ks = S(b);
    int64_t vv = i;
    rts_dict_set(sd, &ks, &vv);
  }
  rts_str *probe = S("key567");
  CHECK(rts_dict_lookup(sd, &probe) && *(int64_t *)rts_dict_lookup(sd, &probe) == 567);
  probe = HELLO;
  int64_t hv = 5;
  rts_dict_set(sd, &probe, &hv); /* static read-only key */
  probe = S("hello");
  CHECK(rts_dict_lookup(sd, &probe) && *(int64_t *)rts_dict_lookup(sd, &probe) == 5);
  CHECK(rts_dict_size(sd) == 1001);
  /* identity keys */
  rts_dict *pd = rts_dict_new(T_DICT_PTR_STR);
  slots[3] = pd;
  Node *a = rts_alloc(T_NODE, sizeof(Node));
  slots[4] = a;
  Node *b = rts_alloc(T_NODE, sizeof(Node));
  slots[5] = b;
  rts_str *sa = S("A");
  rts_dict_set(pd, &a, &sa);
  rts_str *sb = S("B");
  rts_dict_set(pd, &b, &sb);
  void *nul = NULL;
  rts_str *sn = S("null");
  rts_dict_set(pd, &nul, &sn);
  CHECK(rts_dict_size(pd) == 3 && rts_str_eq(*(rts_str **)rts_dict_lookup(pd, &b), S("B")) &&
        rts_str_eq(*(rts_str **)rts_dict_lookup(pd, &nul), S("null")));
  /* float and bool values */
  rts_dict *fd = rts_dict_new(T_DICT_I64_F64);
  slots[4] = fd;
  int64_t fk = 1;
  double fv = 2.75;
  rts_dict_set(fd, &fk, &fv);
  CHECK(*(double *)rts_dict_lookup(fd, &fk) == 2.75);
  rts_dict *bd = rts_dict_new(T_DICT_I64_BOOL);
  slots[5] = bd;
  uint8_t t = 1, f = 0;
  fk = 5;
  rts_dict_set(bd, &fk, &t);
  fk = 6;
  rts_dict_set(bd, &fk, &f);
  CHECK(*(uint8_t *)rts_dict_lookup(bd, &fk) == 0);
  fk = 5;
  CHECK(*(uint8_t *)rts_dict_lookup(bd, &fk) == 1);
  /* dict values survive a collection */
  rts_gc_collect();
  probe = S("key999");
  CHECK(rts_dict_lookup(sd, &probe) && *(int64_t *)rts_dict_lookup(sd, &probe) == 999);
  CHECK(rts_str_eq(*(rts_str **)rts_dict_lookup(pd, &a), S("A")));
  UNFRAME();
}

/* ---- GC ---- */

static Node *new_node(int64_t val, Node *next) {
  void *s[1] = {next};
  rts_frame f = {rts_top_frame, 1, s};
  rts_top_frame = &f;
  Node *n = rts_alloc(T_NODE, sizeof(Node));
  n->next = next;
  n->val = val;
  rts_top_frame = f.prev;
  return n;
}

static void test_gc_basics(void) {
  FRAME(4);
  rts_gc_stats st0, st1;
  rts_gc_collect();
  rts_gc_get_stats(&st0);
  /* cycles die */
  for (int i = 0; i < 100000; i++) {
    Node *a = new_node(i, NULL);
    slots[0] = a;
    Node *b = new_node(i, a);
    a->next = b;
    a->other = &b->h;
    b->other = &a->h;
  }
  slots[0] = NULL;
  rts_gc_collect();
  rts_gc_get_stats(&st1);
  CHECK(st1.objects_live <= st0.objects_live);
  /* statics: the module keeps a heap object alive, the static list grows out of its static buffer */
  Node *kept = new_node(12345, NULL);
  slots[0] = kept;
  kept->name = HELLO; /* heap -> static string */
  g_module.keep = &kept->h;
  for (int i = 0; i < 50; i++) {
    rts_str *s = rts_str_from_int(i);
    rts_list_push_ptr(&g_slist, s);
  }
  slots[0] = NULL;
  for (int i = 0; i < 3; i++) rts_gc_collect();
  CHECK(((Node *)g_module.keep)->val == 12345 && rts_str_eq(((Node *)g_module.keep)->name, S("hello")));
  CHECK(g_slist.len == 51 && rts_str_eq(RTS_LIST_ITEMS(&g_slist, rts_str *)[0], S("hello")) &&
        rts_str_eq(RTS_LIST_ITEMS(&g_slist, rts_str *)[50], S("49")));
  g_module.keep = NULL;
  /* a dict held only through the static module */
  rts_list *holder = rts_list_new(T_LIST_PTR, 0);
  g_module.dict_holder = holder;
  rts_dict *d = rts_dict_new(T_DICT_STR_PTR);
  rts_list_push_ptr(holder, d);
  for (int i = 0; i < 1000; i++) {
    rts_str *ks = rts_str_from_int(i);
    slots[1] = ks;
    Node *n = new_node(i, NULL);
    rts_dict_set(d, &ks, &n);
  }
  slots[1] = NULL;
  rts_gc_collect();
  rts_str *ks = S("777");
  Node **np = rts_dict_lookup(d, &ks);
  CHECK(np && (*np)->val == 777);
  g_module.dict_holder = NULL;
  /* the exception root */
  Node *ex = new_node(31337, NULL);
  rts_exc = &ex->h;
  rts_gc_collect();
  CHECK(((Node *)rts_exc)->val == 31337);
  rts_exc = NULL;
  rts_gc_collect();
  rts_gc_get_stats(&st1);
  CHECK(st1.objects_live <= st0.objects_live + 60); /* the static list's 50 strings */
  UNFRAME();
}

static void test_deep_list(int64_t n) {
  FRAME(1);
  double t0 = rts_clock();
  Node *head = NULL;
  for (int64_t i = 0; i < n; i++) {
    head = new_node(i, head);
    slots[0] = head;
  }
  rts_gc_collect();
  double t1 = rts_clock();
  int64_t cnt = 0, sum = 0;
  for (Node *p = head; p; p = p->next) cnt++, sum += p->val;
  CHECK(cnt == n && sum == n * (n - 1) / 2);
  rts_gc_stats st;
  rts_gc_get_stats(&st);
  CHECK(st.objects_live >= (uint64_t)n);
  slots[0] = NULL;
  rts_gc_collect();
  say("deep list: %" PRId64 " nodes built and collected in %.2f s\n", n, t1 - t0);
  UNFRAME();
}

/* Checks that a stress node and what it owns are intact: val = serial * 8 + kind. */
static bool node_ok(Node *n) {
  if (!n || n->h.tid != T_NODE) return n == NULL;
  int64_t serial = n->val / 8, kind = n->val % 8;
  switch (kind) {
  case 0: {
    char want[32];
    snprintf(want, sizeof want, "%" PRId64, serial);
    rts_str *s = n->name;
    if (!s || s->h.tid != T_STR || s->len != (int64_t)strlen(want)) return false;
    for (int64_t i = 0; i < s->len; i++)
      if (s->data[i] != (uint16_t)want[i]) return false;
    return true;
  }
  case 1: {
    rts_list *l = (rts_list *)n->other;
    if (!l || l->h.tid != T_LIST_I64 || l->len != 40) return false;
    for (int64_t i = 0; i < 40; i++)
      if (RTS_LIST_ITEMS(l, int64_t)[i] != i + serial) return false;
    return true;
  }
  case 2: {
    rts_dict *d = (rts_dict *)n->other;
    if (!d || ((rts_obj *)d)->tid != T_DICT_I64_I64 || rts_dict_size(d) != 6) return false;
    int64_t pos = 0, k = 0;
    void *kp, *vp;
    while (rts_dict_next(d, &pos, &kp, &vp)) {
      if (*(int64_t *)kp != k || *(int64_t *)vp != serial + k) return false;
      k++;
    }
    return k == 6;
  }
  case 3: {
    rts_str *s = n->name;
    if (!s) return true;
    if (s->h.tid != T_STR || s->len != 3200) return false;
    for (int64_t i = 0; i < 3200; i++)
      if (s->data[i] != (uint16_t)"0123456789abcdef"[i % 16]) return false;
    return true;
  }
  default:
    return n->name == NULL && n->other == NULL;
  }
}

static void test_gc_stress(double scale) {
  FRAME(3);
  const int64_t ring = 20000;
  rts_list *live = rts_list_new(T_LIST_PTR, ring);
  slots[0] = live;
  rts_str *pattern = S("0123456789abcdef");
  slots[2] = pattern;
  rts_gc_stats st0, st1;
  rts_gc_get_stats(&st0);
  uint64_t target = (uint64_t)(scale * 2.0 * 1024 * 1024 * 1024);
  double t0 = rts_clock();
  int64_t serial = 0;
  int64_t bad = 0;
  for (int round = 0;; round++) {
    rts_gc_get_stats(&st1);
    if (st1.bytes_allocated_total - st0.bytes_allocated_total >= target) break;
    if (round % 512 == 0)
      for (int64_t i = 0; i < ring; i++) {
        Node *n = RTS_LIST_ITEMS(live, Node *)[i];
        if (!node_ok(n) || (n && !node_ok(n->next))) bad++;
      }
    for (int j = 0; j < 1000; j++, serial++) {
      uint64_t r = rng();
      int kind = (int)(r % 8);
      Node *n = rts_alloc(T_NODE, sizeof(Node));
      slots[1] = n;
      n->val = serial * 8 + kind;
      switch (kind) {
      case 0:
        n->name = rts_str_from_int(serial);
        break;
      case 1: { /* a list with a buffer that grows */
        rts_list *l = rts_list_new(T_LIST_I64, 0);
        n->other = &l->h;
        for (int k = 0; k < 40; k++) rts_list_push_i64(l, k + serial);
        break;
      }
      case 2: { /* a small dict */
        rts_dict *d = rts_dict_new(T_DICT_I64_I64);
        n->other = (rts_obj *)d;
        for (int64_t k = 0; k < 6; k++) {
          int64_t v = serial + k;
          rts_dict_set(d, &k, &v);
        }
        break;
      }
      case 3: /* sometimes a big string (the large-object path) */
        if ((r >> 8) % 16 == 0) n->name = rts_str_repeat(pattern, 200);
        break;
      default:
        break;
      }
      /* a bounded, changing live set: overwrite a random ring slot, linking to an old node */
      int64_t idx = (int64_t)((r >> 16) % (uint64_t)ring);
      n->next = RTS_LIST_ITEMS(live, Node *)[(idx * 7) % ring];
      if (n->next) n->next->next = NULL; /* cut chains so the live set stays bounded */
      RTS_LIST_ITEMS(live, Node *)[idx] = n;
    }
  }
  double t1 = rts_clock();
  rts_gc_get_stats(&st1);
  for (int64_t i = 0; i < ring; i++) {
    Node *n = RTS_LIST_ITEMS(live, Node *)[i];
    if (!node_ok(n) || (n && !node_ok(n->next))) bad++;
  }
  CHECK(bad == 0);
  double gb = (double)(st1.bytes_allocated_total - st0.bytes_allocated_total) / (1024.0 * 1024 * 1024);
  long rss = max_rss_kb();
  say("gc stress: %.2f GiB in %.2f s = %.2f GiB/s, %.1f M objects/s, %" PRIu64 " collections, live %.1f MiB, "
      "max RSS %.1f MiB\n",
      gb, t1 - t0, gb / (t1 - t0), (double)serial * 1e-6 / (t1 - t0), st1.collections - st0.collections,
      (double)st1.bytes_live / 1048576.0, rss / 1024.0);
  if (rss >= 0) CHECK(rss < 400 * 1024);
  slots[0] = NULL;
  UNFRAME();
}

/* ---- recursion depth ---- */

static char *deep_low;
static int64_t deepest;

static int64_t recurse(int64_t n) { /* shaped like genc output: depth guard, shadow frame, some locals */
  if (++rts_depth > rts_max_depth) {
    rts_depth--;
    rts_raise_stack_overflow();
    return 0;
  }
  void *sl[4] = {0};
  rts_frame f = {rts_top_frame, 4, sl};
  rts_top_frame = &f;
  volatile char pad[256];
  pad[n & 255] = (char)n;
  if ((char *)&f < deep_low) deep_low = (char *)&f;
  if (n > deepest) deepest = n;
  int64_t r = recurse(n + 1);
  rts_top_frame = f.prev;
  rts_depth--;
  if (rts_exc) return 0;
  return r + pad[n & 255];
}

static void test_depth(void) {
  char top;
  deep_low = &top;
  deepest = 0;
  recurse(0);
  CHECK(rts_exc != NULL && rts_depth == 0);
  if (rts_exc) {
    CHECK(rts_exc->tid == T_RANGE_ERROR);
    CHECK_STR(((RangeError *)rts_exc)->message, "Maximum call stack size exceeded");
  }
  rts_exc = NULL;
  CHECK(deepest + 1 == rts_max_depth);
  say("recursion: max depth %" PRId64 ", %.0f bytes of stack per call, %.1f MiB used\n", rts_max_depth,
      (double)(&top - deep_low) / (double)deepest, (double)(&top - deep_low) / 1048576.0);
}

/* ---- exec memory ---- */

static void test_exec(void) {
#if defined(__x86_64__)
  static const unsigned char ret42[] = {0xb8, 0x2a, 0x00, 0x00, 0x00, 0xc3};
#ifdef _WIN32
  static const unsigned char add[] = {0x48, 0x8d, 0x04, 0x11, 0xc3}; /* lea rax, [rcx+rdx]; ret */
#else
  static const unsigned char add[] = {0x48, 0x8d, 0x04, 0x37, 0xc3}; /* lea rax, [rdi+rsi]; ret */
#endif
#elif defined(__aarch64__)
  static const unsigned char ret42[] = {0x40, 0x05, 0x80, 0x52, 0xc0, 0x03, 0x5f, 0xd6};
  static const unsigned char add[] = {0x00, 0x00, 0x01, 0x8b, 0xc0, 0x03, 0x5f, 0xd6}; /* add x0, x0, x1; ret */
#elif defined(__s390x__)
  static const unsigned char ret42[] = {0xa7, 0x29, 0x00, 0x2a, 0x07, 0xfe};
  static const unsigned char add[] = {0xb9, 0x08, 0x00, 0x23, 0x07, 0xfe}; /* agr %r2, %r3; br %r14 */
#elif defined(__powerpc64__)
  static const unsigned char ret42[] = {0x2a, 0x00, 0x60, 0x38, 0x20, 0x00, 0x80, 0x4e};
  static const unsigned char add[] = {0x14, 0x22, 0x63, 0x7c, 0x20, 0x00, 0x80, 0x4e}; /* add r3, r3, r4; blr */
#else
#error "no exec test for this target"
#endif
  int64_t h = rts_exec_alloc(100);
  CHECK(h > 0);
  for (size_t i = 0; i < sizeof ret42; i++) rts_exec_write(h, (int64_t)i, ret42[i]);
  for (size_t i = 0; i < sizeof add; i++) rts_exec_write(h, 32 + (int64_t)i, add[i]);
  CHECK(rts_exec_finalize(h));
  int64_t r = rts_exec_call(h, 0, 0, 0, 0, 0);
  int64_t s = rts_exec_call(h, 32, 40000000000LL, 2, 0, 0);
  CHECK(r == 42 && s == 40000000002LL);
  /* patch after finalize: becomes writable again, then executable */
  rts_exec_write(h, 32, add[0]);
  CHECK(rts_exec_finalize(h));
  CHECK(rts_exec_call(h, 0, 0, 0, 0, 0) == 42);
  int64_t h2 = rts_exec_alloc(1 << 20);
  CHECK(h2 > 0 && h2 != h);
  rts_exec_free(h);
  rts_exec_free(h2);
  int64_t h3 = rts_exec_alloc(10);
  CHECK(h3 > 0);
  rts_exec_free(h3);
  say("exec: %" PRId64 " %" PRId64 "\n", r, s);

  /* bytes from a list, addresses inside the region, the helper table, the ISA's name */
  FRAME(2);
  rts_list *bytes = rts_list_new(T_LIST_I64, (int64_t)sizeof ret42);
  slots[0] = bytes;
  for (size_t i = 0; i < sizeof ret42; i++) RTS_LIST_ITEMS(bytes, int64_t)[i] = ret42[i];
  int64_t h4 = rts_exec_alloc(64);
  CHECK(h4 > 0);
  rts_exec_write_bytes(h4, 16, bytes);
  CHECK(rts_exec_address(h4, 16) - rts_exec_address(h4, 0) == 16 && rts_exec_address(h4, 64) - rts_exec_address(h4, 0) == 64);
  CHECK(rts_exec_finalize(h4));
  CHECK(rts_exec_call(h4, 16, 0, 0, 0, 0) == 42);
  CHECK(rts_jit_helper_address(0) == (int64_t)(intptr_t)helper_add3);
  CHECK(((int64_t(*)(int64_t))(intptr_t)rts_jit_helper_address(0))(39) == 42);
  rts_exec_free(h4);
  rts_str *arch = rts_exec_target_arch();
  slots[1] = arch;
#if defined(__x86_64__) && defined(_WIN32)
  CHECK(rts_str_eq(arch, S("x86_64-win64")));
#elif defined(__x86_64__)
  CHECK(rts_str_eq(arch, S("x86_64")));
#elif defined(__aarch64__)
  CHECK(rts_str_eq(arch, S("aarch64")));
#elif defined(__s390x__)
  CHECK(rts_str_eq(arch, S("s390x")));
#else
  CHECK(rts_str_eq(arch, S("ppc64le")));
#endif
  UNFRAME();
}

/* ---- OS ---- */

static void test_os(void) {
  FRAME(3);
  rts_str *path = S("rts_harness_tmp_ünï.txt");
  slots[0] = path;
  rts_str *text = S("line one\nzwei € 𝄞\n");
  slots[1] = text;
  CHECK(rts_write_file(path, text));
  CHECK(rts_file_exists(path));
  rts_str *back = rts_read_file(path);
  CHECK(rts_str_eq(back, text));
  rts_list *bytes = rts_read_file_bytes(path, T_LIST_I64);
  slots[2] = bytes;
  CHECK(bytes && bytes->len == 23 && RTS_LIST_ITEMS(bytes, int64_t)[0] == 'l' && RTS_LIST_ITEMS(bytes, int64_t)[22] == '\n');
  RTS_LIST_ITEMS(bytes, int64_t)[0] = 0x1FF; /* only the low byte is written */
  rts_list_push_i64(bytes, 0);
  CHECK(rts_write_file_bytes(path, bytes));
  back = rts_read_file(path); /* 0xFF is not UTF-8 */
  CHECK(back && back->len == 20 && back->data[0] == 0xFFFD && back->data[19] == 0);
  bytes = rts_read_file_bytes(path, T_LIST_I64);
  slots[2] = bytes;
  CHECK(bytes && bytes->len == 24 && RTS_LIST_ITEMS(bytes, int64_t)[0] == 0xFF && RTS_LIST_ITEMS(bytes, int64_t)[23] == 0);
  CHECK(rts_read_file(S("no/such/file")) == NULL && rts_read_file_bytes(S("no/such/file"), T_LIST_I64) == NULL);
  CHECK(!rts_file_exists(S("no/such/file")) && rts_file_exists(S(".")));
  CHECK(!rts_write_file(S("no/such/dir/x"), text));
  remove("rts_harness_tmp_\xc3\xbcn\xc3\xaf.txt");
  CHECK(rts_getenv(S("RTS_NO_SUCH_VARIABLE_X")) == NULL);
  rts_str *tv = rts_getenv(S("RTS_TEST_VAR"));
  if (tv) say("env: %s\n", U(tv));
  double c0 = rts_clock(), c1 = rts_clock();
  CHECK(c1 >= c0 && c0 > 0);
  CHECK(rts_time() > 1.6e9);
  rts_write(2, S("stderr: ok ✓\n"));
  UNFRAME();
}

static int64_t run_mode(rts_list *argv, void **slots) {
  const char *mode = argv->len > 0 ? U(RTS_LIST_ITEMS(argv, rts_str *)[0]) : "all";
  double scale = argv->len > 1 ? atof(U(RTS_LIST_ITEMS(argv, rts_str *)[1])) : 1.0;
  if (!strcmp(mode, "floats")) {
    print_floats(argv->len > 1 ? (int64_t)scale : 0);
    return 0;
  }
  if (!strcmp(mode, "parse")) {
    print_parses(argv->len > 1 ? (int64_t)scale : 0);
    return 0;
  }
  if (!strcmp(mode, "argv")) {
    for (int64_t i = 1; i < argv->len; i++) say("arg %" PRId64 ": %s\n", i, U(RTS_LIST_ITEMS(argv, rts_str *)[i]));
    return 0;
  }
  if (!strcmp(mode, "stdin")) {
    rts_str *line;
    int n = 0;
    while ((line = rts_read_line()) != NULL) say("line %d: [%s]\n", ++n, U(line));
    say("eof\n");
    return 0;
  }
  if (!strcmp(mode, "fatal")) {
    say("before fatal");
    rts_list *l = rts_list_new(T_LIST_I64, 2);
    rts_list_check_index(l, 2);
    return 0;
  }
  if (!strcmp(mode, "uncaught")) {
    say("before uncaught\n");
    RangeError *e = rts_alloc(T_RANGE_ERROR, sizeof(RangeError));
    rts_exc = &e->h;
    e->message = S("boom ✗");
    return 0;
  }
  if (!strcmp(mode, "overflow")) {
    test_depth();
    recurse(0); /* leave the RangeError uncaught */
    return 0;
  }
  if (!strcmp(mode, "exit")) {
    say("bye");
    rts_exit(3);
  }
  if (!strcmp(mode, "oom")) { /* an ever-growing live set: must hit RTS_HEAP_LIMIT_MB */
    Node *head = NULL;
    for (;;) {
      head = new_node(0, head);
      slots[1] = head;
      head->name = rts_str_repeat(S("x"), 100);
    }
  }
  shortest_checks = (int64_t)(scale * 20000) < 1000 ? 1000 : (int64_t)(scale * 20000);
  static void (*const sections[])(void) = {test_strings, test_numbers, test_lists, test_dicts,
                                            test_gc_basics, test_exec, test_os, test_depth};
  static const char *const names[] = {"strings", "numbers", "lists", "dicts", "gc", "exec", "os", "depth"};
  char times[256];
  int tn = 0;
  for (int i = 0; i < 8; i++) {
    double t = rts_clock();
    sections[i]();
    tn += snprintf(times + tn, sizeof times - (size_t)tn, " %s %.2f", names[i], rts_clock() - t);
  }
  say("times (s):%s\n", times);
  test_gc_stress(scale);
  test_deep_list((int64_t)(scale * 10000000));
  rts_gc_stats st;
  rts_gc_get_stats(&st);
  say("gc totals: %" PRIu64 " collections, %.2f GiB allocated\n", st.collections,
      (double)st.bytes_allocated_total / (1024.0 * 1024 * 1024));
  say("harness: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

int64_t rts_entry(rts_list *argv) {
  FRAME(2);
  slots[0] = argv;
  int64_t r = run_mode(argv, slots);
  UNFRAME();
  return r;
}
