# A set looked up in a set is looked up as the frozenset of its elements (contains, remove,
# discard); set.__hash__ is None; repr of a set inside itself and of subclasses.
s = {frozenset('ab'), 1}
print(set('ab') in s, set('xy') in s, s.__contains__(set('ab')), set('ab') not in s)
s.discard(set('ab'))
print(len(s))
s.add(frozenset('ab'))
s.remove(set('ab'))
print(len(s))
try:
    s.remove(set('q'))
except KeyError as e:
    print(repr(e))
for bad in (lambda: s.add(set('q')), lambda: hash(set())):
    try:
        bad()
    except TypeError as e:
        print(e)
print(set.__hash__)


class H(set):
    def __hash__(self):
        return 5

f = set()
h = H()
f.add(h)
print(h in f)
f.remove(h)
print(len(f))


class R:
    def __repr__(self):
        return repr(self.value)


class S(set):
    pass


class FS(frozenset):
    pass

for kind in (set, S, frozenset, FS):
    w = R()
    c = kind([w])
    w.value = c
    print(repr(c))
print(repr(S()), repr(S([1])), repr(frozenset()), repr(frozenset([2])), repr(FS()), repr(FS([3])))
