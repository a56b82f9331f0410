# Products of machine ints past 2^53 (big ints of three base-2^24 digits, built at their length)
# and the LCG step that makes them: signs, masks, and products just past each digit boundary.
s = 42
out = []
for _ in range(2000):
    s = (s * 1103515245 + 12345) & 0x7FFFFFFF
    out.append(s >> 8)
print(sum(out), out[:3], out[-1])
for x, y in [(2**27, 2**27), (-(2**27), 2**27), (2**27, -(2**27)), (-(2**30), -(2**31)),
             (2**36 - 1, 2**36 - 1), (2**47, 2**24), (2**48 - 1, 2**24 + 1), (3, 2**52 + 1),
             (94906267, 94906267), (-94906267, 94906266)]:
    p = x * y
    print(p, -p, p & 0xFFFFFF, p >> 24, p + 1, p - (1 << 53), p // 7, p % 1000003, hex(p))
# sums of a three-digit value and a machine int of its sign, with and without a fourth digit
for big in [2**48, 2**72 - 1, 2**72 - 2**30, 2**60 + 12345, -(2**72 - 1), -(2**50)]:
    for v in [0, 1, 2**24 - 1, 2**24, 2**48 - 1, 2**53 - 1]:
        w = v if big > 0 else -v
        print(big + w, w + big, (big + w) & 0x7FFFFFFF, hex(big + w))
