# copy.copy and copy.deepcopy of builtin containers and class instances
import copy


class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []

    def __repr__(self):
        return 'Node(%r, %r)' % (self.value, self.children)


class Custom:
    def __init__(self):
        self.log = []

    def __copy__(self):
        c = Custom()
        c.log = self.log + ['copied']
        return c

    def __deepcopy__(self, memo):
        c = Custom()
        c.log = copy.deepcopy(self.log, memo) + ['deepcopied']
        return c


class Slots:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = [1]
        self.b = 'x'


class State:
    def __init__(self):
        self.x = [1, 2]

    def __getstate__(self):
        return {'x': self.x, 'extra': True}

    def __setstate__(self, st):
        self.__dict__.update(st)


class Tagged(list):
    pass


class WithReduce:
    def __init__(self, n):
        self.n = n

    def __reduce_ex__(self, proto):
        return (WithReduce, (self.n + 1,))


data = [1, 'a', (1, [2]), [1, [2, [3]]], {'k': [1]}, {1, 2}, frozenset({3}), b'x', bytearray(b'y'), None, 1.5, range(4), slice(1, 2)]
for obj in data:
    s = copy.copy(obj)
    d = copy.deepcopy(obj)
    print(repr(obj), s == obj, d == obj, s is obj, d is obj)

inner = [1, 2]
outer = [inner, inner, (inner,)]
s = copy.copy(outer)
d = copy.deepcopy(outer)
print(s[0] is inner, d[0] is inner, d[0] is d[1], d[2][0] is d[0])

tree = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(tree)
t3 = copy.copy(tree)
t2.children[1].value = 30
print(tree, t2, t3.children is tree.children, t2.children is tree.children)

c = Custom()
c.log.append('made')
print(copy.copy(c).log, copy.deepcopy(c).log, c.log)

sl = Slots()
s2 = copy.copy(sl)
d2 = copy.deepcopy(sl)
print(s2.a is sl.a, d2.a is sl.a, d2.a, d2.b)

st = copy.deepcopy(State())
print(st.x, st.extra)

tg = Tagged([1, [2]])
tg.label = 'L'
tc = copy.deepcopy(tg)
print(type(tc).__name__, tc, tc.label, tc[1] is tg[1])
print(copy.copy(WithReduce(1)).n, copy.deepcopy(WithReduce(5)).n)

rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc[1] is rec)
d = {'a': 1}
d['self'] = d
dc = copy.deepcopy(d)
print(dc['self'] is dc)

print(copy.copy(len) is len, copy.deepcopy(Node) is Node)
f = lambda: 1
print(copy.deepcopy(f) is f)
try:
    copy.copy((x for x in []))
except TypeError as e:
    print('TypeError', e)
