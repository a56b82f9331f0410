x = 10
x -= 3; x *= 2; x //= 3; x **= 2; x %= 7; x <<= 2; x |= 1; x ^= 3; x >>= 1; x &= 6
print(x)
l = [1]
l += [2]
l *= 2
print(l)
s = "a"
s += "b"
s *= 3
print(s)
