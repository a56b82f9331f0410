z = 1+2j
print(z, repr(z), -z, 1j, -1j, 0j, -0j, complex(0.0, -0.0), complex(-0.0, 0.0), complex(-0.0, -0.0))
print(z + 1, 1 + z, z * 2.5, z / 2, 2 / z, z ** 2, z ** -1, z ** 0.5, 2 ** z, z - z, z * z.conjugate())
print(abs(3+4j), z.real, z.imag, type(z.real), z.conjugate(), (1+0j) == 1, 1.5 == (1.5+0j), 1j == 1j, 1j != 2j)
print(hash(1+0j) == hash(1), hash(2.5+0j) == hash(2.5), hash(1j))
print(complex('1+2j'), complex(' ( -1.5e3-2.5J ) '), complex('j'), complex('-j'), complex('inf+nanj'), complex('1_000.5'), complex('nan'))
print(complex(1, 2), complex(real=3), complex(imag=4), complex(1+1j, 1+1j), complex(2.5), complex(True), complex())
class C:
    def __complex__(self): return 3+4j
print(complex(C()), format(1+2j, '.2f'), format(1+2j, ''), format(1.5j, 'g'), format(-1-2j, '>20.3e'), format(3j, '+'), f'{1+2j:^15}')
print(complex(float('inf'), float('nan')), complex(1e300, 1e300) * 0, bool(0j), bool(1j), 0j ** 0)
for bad in ['', '1+', 'j1', '1+2', '(1+2j', '1 + 2j', 'x']:
    try:
        complex(bad)
    except ValueError as e:
        print('ValueError', bad, e)
for f in [lambda: 1j // 1, lambda: 1j % 2, lambda: 1j < 2j, lambda: complex('1', 2), lambda: complex(None), lambda: complex(1, 'x'), lambda: 1j / 0, lambda: 0j ** -1, lambda: (1e200+1e200j) ** 2, lambda: abs(complex(1e308, 1e308)), lambda: ~1j, lambda: complex(1, None), lambda: int(1j)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(complex.__add__(1j, 2), complex.__radd__(1j, 2), (1j).__mul__('x'), isinstance(1j, complex), 2j.__complex__(), (1+2j).__getnewargs__())
print(sum([1j, 2, 3.5]), [1j, 2j][1], {1j: 'a'}[1j], 1e16j, 1.5e-7j, 123456789012345678j)
import numbers
print(isinstance(1j, numbers.Complex), isinstance(1j, numbers.Real))
class MyC(complex):
    def __repr__(self): return 'MyC' + super().__repr__()
m = MyC(1, 2)
print(m, m + 1, type(m + 1).__name__, -m, abs(m), m == 1+2j, type(m).__mro__[1].__name__, complex(m), type(complex(m)).__name__)
for f in [lambda: pow(1j, 2, 3), lambda: float(1j), lambda: round(1j), lambda: 1j > 0, lambda: len(1j)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(pow(2j, 3), 1j ** 2, (1+1j) ** 100, 10 ** 2j, sorted([3j, 1j, 2j], key=abs))
x = 1j
x += 2
x *= 1j
print(x, divmod.__name__, str(1e-5j), repr(complex(123.0, -0.0)))
