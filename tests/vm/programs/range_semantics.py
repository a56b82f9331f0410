# range: contains/count/index compare non-int items by ==, hashes of equal ranges, a zero step
# with big bounds, __index__ giving a big int, each bound's __index__ called once
import sys


class AlwaysEq:
    def __eq__(self, other):
        return True


class C3(int):
    def __eq__(self, other):
        return True


A = AlwaysEq()
print(A in range(3), range(10).count(A), range(10).index(A))
print(C3(11) in range(10), range(10).count(C3(11)), range(10).index(C3(11)))
print(1.0 in range(3), range(5).count(2.0), range(5).index(3.0), True in range(3))
big = range(2**70, 2**70 + 10)
print(A in big, big.count(A), big.index(A), C3(0) in big)
try:
    range(5).index(7.5)
except ValueError as e:
    print('ValueError', e)
try:
    range(5).index(7)
except ValueError as e:
    print('ValueError', e)

rs = [range(0), range(0, -1), range(1, 1, 3), range(1), range(5, 6), range(5, 6, 2),
      range(5, 7, 2), range(2), range(0, 4, 2), range(0, 5, 2), range(0, 6, 2),
      range(0, 2**100 - 1, 2), range(0, 2**100, 2)]
bad = [(i, j) for i, a in enumerate(rs) for j, b in enumerate(rs) if a == b and hash(a) != hash(b)]
print('unequal hashes', bad)
print(len({range(0), range(3, 3), range(5, 1)}), len({range(1, 2, 5), range(1, 2)}))

a = 10 * sys.maxsize
for args in [(a, a + 1, 0), (1, 2, 0), (a, a + 1, False)]:
    try:
        range(*args)
    except ValueError as e:
        print('ValueError', e)


class I:
    calls = 0

    def __init__(self, n):
        self.n = n

    def __index__(self):
        I.calls += 1
        return self.n


bignum = 2 * sys.maxsize
print(list(range(I(bignum), I(bignum + 1))), I.calls)
print(list(range(I(3))), list(range(I(1), I(7), I(2))), I.calls)
for bad_arg in [1.0, 'x']:
    try:
        range(bad_arg)
    except TypeError as e:
        print('TypeError', e)
