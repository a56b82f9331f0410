# Slicing a range whose bounds pass the machine ints (CPython's compute_slice).
import sys
big = sys.maxsize
r = range(big - 10, big + 10)
print(r[2:5], r[::-3], r[-3:], r[5:2], r[::big])
r2 = range(-2**100, 2**100, 2**90)
print(r2[1:4], r2[::-1][:2], r2[10:][:3], len(r2[::2]))
x = range(0, 3 * big, 3)
print(x[big // 2:big // 2 + 3], x[::-big])
try:
    r[::0]
except ValueError as e:
    print('ValueError', e)
