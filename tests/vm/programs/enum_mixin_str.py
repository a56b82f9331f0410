# str(), format() and f-strings of enum members mixed with int and str, and of an int subclass
# with only __repr__: IntEnum takes int.__repr__ as its __str__, which str() must call
import enum
class E(enum.IntEnum):
    A = 2
print(E.A, str(E.A), format(E.A), repr(E.A), f'{E.A}', '%s' % E.A)
class F(enum.IntFlag):
    X = 1
    Y = 2
print(F.X | F.Y, str(F.X))
class S(str, enum.Enum):
    a = 'x'
print(S.a, str(S.a))
class I(int):
    def __repr__(self): return 'R'
print(str(I(3)), I(3), format(I(3), ''), f'{I(3)}')
