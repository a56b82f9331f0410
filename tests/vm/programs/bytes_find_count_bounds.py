# bytes and bytearray find/rfind/index/rindex/count searched on the byte array itself: start and
# end (negative, past either end, None), empty needles, int needles, overlapping matches, bytes-like
# needles and long haystacks
hay = b'abracadabra'
ba = bytearray(hay)
subs = [b'a', b'abra', b'bra', b'', b'z', b'abracadabra', b'abracadabrax', b'ra', 97, 122]
bounds = [(), (0,), (1,), (-3,), (100,), (-100,), (2, 9), (2, -2), (-5, -1), (5, 3), (0, 0), (11, 11), (12, 20),
          (None, 4), (3, None), (None, None), (-100, 100)]
for h in (hay, ba):
    for s in subs:
        row = []
        for bd in bounds:
            row.append((h.find(s, *bd), h.rfind(s, *bd), h.count(s, *bd)))
        print(type(h).__name__, s, row)

for h in (hay, ba):
    for s in (b'abra', b'', b'q', 100):
        for bd in ((), (1,), (4, 8), (-4,), (20,)):
            try:
                print('index', s, bd, h.index(s, *bd))
            except ValueError as e:
                print('index', s, bd, 'ValueError', e)
            try:
                print('rindex', s, bd, h.rindex(s, *bd))
            except ValueError as e:
                print('rindex', s, bd, 'ValueError', e)

# overlapping: count does not overlap, find moves by one
print(b'aaaa'.count(b'aa'), b'aaaaa'.count(b'aa'), b'aaaa'.find(b'aa', 1), b'aaaa'.rfind(b'aa'))
# a needle given as bytearray or memoryview
print(hay.find(bytearray(b'cad')), hay.count(memoryview(b'a')), ba.rfind(memoryview(b'abra')))
# long haystack, the needle near the end
big = b'x' * 5000 + b'needle' + b'y' * 10
print(big.find(b'needle'), big.rfind(b'x'), big.count(b'x'), big.count(b'xx'), big.find(b'needle', 4999, 5005), big.find(b'needle', 4999, 5006))
print(big.count(b''), big.count(b'', 10, 20), big.find(b'', 5016), big.find(b'', 5017), big.rfind(b'', 3, 7))
# high bytes and int needles
hb = bytes(range(256)) * 2
print(hb.find(255), hb.rfind(0), hb.count(128), hb.find(b'\xfe\xff\x00'), hb.rfind(b'\xff\x00'))
for bad in (256, -1):
    try:
        hb.find(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    hb.count('a')
except TypeError as e:
    print('TypeError', e)


# start/end given through __index__
class Ix:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(hay.find(b'a', Ix(1)), hay.count(b'a', Ix(1), Ix(-1)), hay.rfind(b'a', Ix(0), Ix(8)))
