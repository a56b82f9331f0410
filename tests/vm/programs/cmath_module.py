import cmath
# printed to 12 digits: the last bits are libm's, which differs between hosts
def show(z):
    return format(z, '.12g')
vals = [1+2j, -3.5+0.25j, 0.5-0.75j, 2, -1.5, 1j, -4, 1e-3+10j, 800+1j, 1e300+1e300j]
for name in ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh']:
    f = getattr(cmath, name)
    out = []
    for v in vals:
        try:
            out.append(show(f(v)))
        except (OverflowError, ValueError) as e:
            out.append(type(e).__name__)
    print(name, out)
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.polar(3+4j), cmath.rect(2, cmath.pi / 3), cmath.rect(1.5, 0))
print(show(cmath.log(8, 2)), show(cmath.log(1j, 1+1j)), cmath.sqrt(-1), cmath.sqrt(0j), cmath.sqrt(complex(0, -0.0)))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 1.1), cmath.isclose(1, 1.05, rel_tol=0.1), cmath.isclose(0j, 1e-10, abs_tol=1e-9))
print(cmath.isfinite(1+1j), cmath.isfinite(cmath.infj), cmath.isinf(complex(1, float('inf'))), cmath.isnan(cmath.nanj), cmath.isnan(1))
class C:
    def __complex__(self): return 2j
class F:
    def __float__(self): return 4.0
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.exp(True))
for f in [lambda: cmath.log(0), lambda: cmath.exp(1000), lambda: cmath.cosh(1000+1j), lambda: cmath.atanh(1), lambda: cmath.sqrt('x'), lambda: cmath.log(2, 1), lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.sqrt()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
