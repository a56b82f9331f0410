# deque's append/appendleft/pop/popleft and len() as asyncio's event loop calls them (the
# interpreter answers them from the stack): maxlen, growth past the ring's capacity, rotate and
# indexing after wrap-around, errors, subclasses that override the methods, and bound methods
from collections import deque

d = deque()
for i in range(20):
    d.append(i)
print(len(d), d[0], d[-1], d[10])
for i in range(15):
    x = d.popleft()
print(x, len(d), list(d))
for i in range(30):
    d.append(i * 2)
    if i % 3 == 0:
        d.popleft()
print(len(d), d[0], d[-1], d[5], list(d)[:6])
d.rotate(7)
print(d[0], d[-1], d[3], len(d))
d.rotate(-9)
print(d[0], d[-1], d[3], len(d))
d.appendleft('L')
print(d[0], d.pop(), d.popleft(), len(d))

# maxlen: an append drops the item at the other end
m = deque(maxlen=3)
for i in range(7):
    m.append(i)
print(m, len(m), m.maxlen)
m.appendleft(99)
print(m)
z = deque(maxlen=0)
z.append(1)
z.appendleft(2)
print(z, len(z))

# errors are the generic path's
e = deque()
try:
    e.popleft()
except IndexError as ex:
    print('IndexError', ex)
try:
    e.pop()
except IndexError as ex:
    print('IndexError', ex)
try:
    e.append()
except TypeError as ex:
    print('TypeError', ex)
try:
    e.append(1, 2)
except TypeError as ex:
    print('TypeError', ex)
try:
    e.popleft(1)
except TypeError as ex:
    print('TypeError', ex)

# mutation during iteration is still seen
q = deque([1, 2, 3])
try:
    for v in q:
        q.append(v)
except RuntimeError as ex:
    print('RuntimeError', ex)


# a subclass's own methods win; an inherited one still works
class Logged(deque):
    def append(self, x):
        print('append', x)
        super().append(x)


class Plain(deque):
    pass


lg = Logged()
lg.append(5)
lg.appendleft(4)
print(list(lg), len(lg))
p = Plain([1])
p.append(2)
print(p.popleft(), p.pop(), len(p))

# bound methods taken once, as asyncio's loop does with self._ready.append
ready = deque()
push = ready.append
pop = ready.popleft
for i in range(10):
    push(i)
total = 0
while ready:
    total += pop()
print(total, len(ready), bool(ready))

# len of a deque in a loop condition and the truth of an emptied one
w = deque(range(5))
n = 0
while len(w) > 0:
    w.pop()
    n += 1
print(n, len(w), w)

# argument counts and keywords are checked as CPython's methods check them
ad = deque([1, 2])
for call in (lambda: ad.append(x=1), lambda: ad.pop(1), lambda: ad.extend(), lambda: ad.rotate(1, 2),
             lambda: ad.insert(0), lambda: ad.index(), lambda: ad.count(1, 2), lambda: ad.clear(0)):
    try:
        call()
    except TypeError as ex:
        print('TypeError', ex)
print(ad)
