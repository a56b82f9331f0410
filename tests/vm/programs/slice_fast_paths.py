# Slicing with literal bounds: the interpreter reads exact lists, tuples and strs with int or
# None bounds straight from the stack (no slice object); everything else must behave the same.

a = list(range(10))
print(a[:], a[2:5], a[5:2], a[::-1], a[7::-1], a[:3:-1], a[::2], a[1::3], a[-3:], a[:-3])
print(a[100:], a[-100:3], a[3:100], a[::-100], a[::100], a[-1:-11:-1], a[9:-100:-2])
print(a[True:], a[:False], a[0:0], a[5:5:-1])
b = a[:]
print(b is a, b == a)

t = tuple(a)
print(t[:] is t, t[::-1], t[2:4], t[10:], t[1:9:3])
s = "hello world"
print(s[:] is s, s[::-1], s[:1], s[1:4], s[::3], s[-5:], s[100:], s[3:1], s[::-2])
u = "a\U0001F600bc"
print(u[::-1], u[1:2], len(u[1:]))

# assignment of the slice's own length: in place
p = list(range(8))
for k in range(1, 8):
    p[:k + 1] = p[k::-1]
print(p)
q = list(range(6))
q[:3] = q[1:4]
print(q)
q[::2] = (9, 8, 7)
print(q)
q[:] = q
print(q)
q[::-1] = q
print(q)
r = list(range(5))
r[1:3] = r
print(r)
r = list(range(5))
r[1:1] = [10, 11]
print(r)
r[2:] = []
print(r)
r[:2] = "xy"
print(r)
for bad in ([1, 2], [1, 2, 3, 4]):
    try:
        x = list(range(6))
        x[::2] = bad
    except ValueError as e:
        print("ValueError", e)
try:
    x = list(range(6))
    x[::0] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    print(a[::0])
except ValueError as e:
    print("ValueError", e)
try:
    print(a[1.5:])
except TypeError as e:
    print("TypeError", e)
try:
    a[1:2] = 5
except TypeError as e:
    print("TypeError", e)


# subclasses and __index__ bounds take the general path
class L(list):
    def __getitem__(self, k):
        return ("L", k)

    def __setitem__(self, k, v):
        print("set", k, v)


l = L([1, 2, 3])
print(l[1:2], l[::-1])
l[0:1] = [5]


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(a[Idx(2):Idx(6):Idx(2)], a[1 << 70:], a[-(1 << 70):2], a[::1 << 70])
m = list(range(5))
m[Idx(1):Idx(3)] = ["a", "b"]
print(m)


class T(tuple):
    pass


tt = T((1, 2, 3))
print(type(tt[:]).__name__, tt[:] is tt, tt[::-1])


class S(str):
    pass


ss = S("abc")
print(type(ss[:]).__name__, ss[::-1])
print(range(10)[2:8:2], b"abcdef"[1:4], bytearray(b"xyz")[::-1])
try:
    a[::2] = 5
except TypeError as e:
    print("TypeError", e)


class It:
    def __iter__(self):
        print("iter")
        return iter([7, 8])


z = [1, 2, 3]
z[1:] = It()
print(z)
