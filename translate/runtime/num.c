/* Numeric helpers with JS / Python semantics. */
#include <math.h>

#include "rts_internal.h"

double rts_js_round(double x) {
  if (!isfinite(x) || x == 0) return x;
  if (fabs(x) >= 4503599627370496.0) return x; /* 2^52: already an integer */
  double r = floor(x);
  if (x - r >= 0.5) r += 1.0;
  if (r == 0 && x < 0) return -0.0;
  return r;
}

int64_t rts_float_to_int(double x) {
  if (RTS_UNLIKELY(!(x > -9223372036854775809.0 && x < 9223372036854775808.0))) {
    if (x != x) rts_fatal("cannot convert float NaN to integer");
    rts_fatal("cannot convert float %g to integer (out of range)", x);
  }
  return (int64_t)x;
}

int64_t rts_int_floordiv(int64_t a, int64_t b) {
  if (RTS_UNLIKELY(b == 0)) rts_fatal("integer division or modulo by zero");
  if (RTS_UNLIKELY(b == -1)) return (int64_t)(0 - (uint64_t)a); /* INT64_MIN // -1 wraps */
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}

int64_t rts_int_mod(int64_t a, int64_t b) {
  if (RTS_UNLIKELY(b == 0)) rts_fatal("integer division or modulo by zero");
  if (RTS_UNLIKELY(b == -1)) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

double rts_float_mod(double a, double b) {
  double m = fmod(a, b);
  if (m != 0) {
    if ((b < 0) != (m < 0)) m += b;
  } else {
    m = copysign(0.0, b);
  }
  return m;
}
