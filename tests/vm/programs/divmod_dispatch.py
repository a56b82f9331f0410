# divmod() dispatches like a binary operator: __divmod__, then __rdivmod__ (a subclass's first),
# NotImplemented meaning the other operand is asked, then CPython's TypeError.
class A:
    def __divmod__(self, o):
        return NotImplemented


a = A()
for y in (a, 5):
    try:
        print(divmod(a, y))
    except TypeError as e:
        print(e)


class B:
    def __rdivmod__(self, o): return NotImplemented
try: print(divmod(3, B()))
except TypeError as e: print(e)


class C:
    def __rdivmod__(self, o): return ('r', o)
print(divmod(3, C()), divmod(7, 2), divmod(7.5, 2), divmod(-7, 2))


class D(int):
    def __rdivmod__(self, o): return 'sub first'
print(divmod(3, D(2)))
from fractions import Fraction
print(divmod(Fraction(7, 2), 1), divmod(7, Fraction(3, 2)))
try: divmod(1j, 2)
except TypeError as e: print(e)
