# types.MappingProxyType: the read-only view a class's __dict__ is; every read goes to the
# mapping (through its own methods, so a dict subclass's overrides are seen), nothing writes.
import collections
import collections.abc
import types

MP = types.MappingProxyType


class C:
    def meth(self):
        pass


print(type(C.__dict__) is MP, MP.__name__, MP.__module__)
r = repr(C.__dict__)
print(r.startswith("mappingproxy({"), r.endswith("})"), "'meth'" in r)
print('meth' in C.__dict__, C.__dict__['meth'] is C.meth, C.__dict__.get('nope', 7))

d = {'a': 1, 'b': 2, 'foo': 0, 'c': 3}
p = MP(d)
print(repr(p), str(p), len(p), bool(p), bool(MP({})))
print('a' in p, 'z' in p, p['a'], p.get('z'), p.get('z', 5), list(p))
del d['foo']
print(list(reversed(p)), len(p))
print(p.keys(), p.values(), p.items())
cp = p.copy()
print(cp, type(cp).__name__, cp is d)
print(p == d, p != d, p == {'a': 1}, p | {'z': 9}, {'z': 9} | p, p | MP({'q': 0}))

for bad in (10, ("a",), ["a"]):
    try:
        MP(bad)
    except TypeError as e:
        print(e)
for stmt in ("p |= {}", "p['x'] = 1", "del p['a']", "p | [('r', 2)]", "[('r', 2)] | p", "hash(p)"):
    try:
        exec(stmt)
    except TypeError as e:
        print(stmt, '->', e)
try:
    p['nope']
except KeyError as e:
    print('KeyError', e)
try:
    class Sub(MP):
        pass
except TypeError as e:
    print(e)
print(sorted(set(dir(p)) - set(dir(object()))))
print(MP[str, int], MP(mapping={'k': 1}))

print(dict(p), dict(C.__dict__)["meth"] is C.meth, {**p}, dict({}, **p))

# a proxy of a mapping that is not a dict, and of a dict subclass with __missing__
cm = MP(collections.ChainMap({'x': 1}, {'y': 2}))
print(sorted(cm), cm.copy(), 'y' in cm, cm['y'], len(cm))


class Missing(dict):
    def __missing__(self, k):
        return 'missing=' + k


q = MP(Missing(x=1))
print(q['x'], q['y'], q.get('y'), 'y' in q)


class Custom(dict):
    def __contains__(self, key):
        return key == 'magic' or dict.__contains__(self, key)

    def __iter__(self):
        return iter(('iter',))

    def __len__(self):
        return 500

    def keys(self):
        return 'keys'

    def get(self, key, default=None):
        return 'get=%s' % dict.get(self, key, 'default=%r' % default)


v = MP(Custom({'key': 'value'}))
print('magic' in v, 'key' in v, 'xxx' in v, tuple(v), len(v), v.keys(), v.get('key'), v.get('xxx'))

# the views follow the mapping
m = {}
mv = MP(m)
ks, vs, its = mv.keys(), mv.values(), mv.items()
m['key'] = 'value'
print(list(ks), list(vs), list(its))
print(isinstance(mv, collections.abc.Mapping), dict(mv))

# dict's own methods called on a subclass that overrides them (no recursion into the override)
class Own(dict):
    def __contains__(self, key):
        return key == 'magic' or dict.__contains__(self, key)

    def __getitem__(self, key):
        return 'getitem=%s' % dict.__getitem__(self, key)

    def __missing__(self, key):
        return 'missing'


o = Own(k=1)
print('k' in o, 'magic' in o, 'z' in o, o['k'], o['z'], dict.__getitem__(o, 'z'))
