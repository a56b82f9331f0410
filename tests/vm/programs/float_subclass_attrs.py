# Instances of a Python subclass of float have a __dict__ (an enum over float sets _value_ on its
# members), exact floats have none.
import enum


class F(float):
    pass


f = F(2.5)
f.x = 1
print(f, f.x, f.__dict__, f + 1)
del f.x
print(hasattr(f, "x"), f.__dict__)
try:
    (1.5).x = 1
except AttributeError as e:
    print(e)


class Size(float, enum.Enum):
    SMALL = 1.5
    LARGE = 3.25


print(Size.SMALL, Size.LARGE.value, Size(3.25), Size.SMALL < Size.LARGE, Size.SMALL * 2)
print(list(Size), isinstance(Size.SMALL, float))


# float's operators serve its subclasses, mixed with ints and floats
class I(int):
    pass


g = F(1.5)
print(g + 1, 1 + g, g * 2.0, g - I(1), I(2) + 0.5, I(3) / g, -g, abs(F(-2.0)))
print(g < 2, 2 > g, g == 1.5, g != F(1.5), I(1) < g, sorted([F(3.0), 2, F(0.5), I(1)]))
print(divmod(F(7.5), 2), F(7.5) // 2, F(7.5) % 2, F(2.0) ** 2, type(g + 1).__name__)
