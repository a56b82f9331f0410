# round(int, ndigits): any non-negative ndigits (even past a machine int) leaves the int;
# ndigits by __index__; a bad ndigits is a TypeError; an int subclass gives an int
class Idx:
    def __index__(self):
        return -2


class MyInt(int):
    pass


for n in [0, 3, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**100, 10**100]:
    print(round(8979323, n), end=' ')
print()
r = round(MyInt(2**70 + 5), 3)
print(r, type(r).__name__, round(MyInt(7)), type(round(MyInt(7))).__name__)
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12350, -2), round(12345, Idx()))
print(round(10**30 + 324678, -3), round(True, 1), type(round(True, 1)).__name__)
for e in ['brian', 2.0, 0j]:
    try:
        round(3, e)
    except TypeError as ex:
        print('TypeError', ex)
