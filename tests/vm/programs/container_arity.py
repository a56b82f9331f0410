# Calling a container method with too few or too many arguments raises CPython's TypeError
# (it used to read a missing argument and stop the VM).
def attempt(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except TypeError as e:
        print('TypeError:', e)

a = [3, 1, 2]
for m in (a.append, a.extend, a.remove, a.count, a.insert, a.index, a.copy, a.clear, a.reverse):
    attempt(m)
attempt(a.pop, 1, 2)
attempt(a.insert, 0)
attempt(a.index, 1, 0, 3, 4)
attempt(a.append, x=1)
attempt(a.copy, 1)
t = (1, 2)
attempt(t.count)
attempt(t.index)
r = range(3)
attempt(r.count)
attempt(r.index, 1, 2)
d = {1: 2}
for m in (d.get, d.setdefault, d.pop, d.keys, d.items, d.values, d.copy, d.popitem, d.clear):
    attempt(m, 1, 2, 3)
attempt(d.get)
s = {1}
for m in (s.add, s.remove, s.discard, s.issubset, s.issuperset, s.isdisjoint, s.symmetric_difference, s.pop, s.copy):
    attempt(m, 1, 2)
attempt(list.__getitem__, a)
attempt(list.__len__, a, 1)
attempt(dict.__setitem__, d, 1)
print(a, t, d, s)
