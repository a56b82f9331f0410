# Attributes added by stores in traced loops (an __init__ inlined into a loop, and stores on
# objects made earlier): the store takes the instance's map transition. Instances whose
# attributes come in another order, a class that gains a property or a __setattr__ while
# the loop is compiled, and objects whose __dict__ was changed behind the map's back.
from math import sin


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = x * 3
        self.z = (x * x) / 2


pts = [Point(i) for i in range(3000)]
print(round(sum(p.x + p.y + p.z for p in pts), 9), sorted(vars(pts[7])))


class Rec:
    pass


def fill(n):
    out = []
    for i in range(n):
        r = Rec()
        if i % 4 == 0:
            r.b = i
            r.a = -i
        else:
            r.a = i
            r.b = i * 2
        r.c = r.a + r.b
        out.append(r)
    return out


rs = fill(2000)
print(sum(r.c for r in rs), list(vars(rs[0])), list(vars(rs[1])))


class Watched:
    pass


log = []


def make(n, switch_at):
    out = []
    for i in range(n):
        w = Watched()
        w.v = i
        w.w = i + 1
        out.append(w)
        if i == switch_at:
            def setter(self, value):
                log.append(value)
                self.__dict__['_v'] = value
            Watched.v = property(lambda self: self.__dict__.get('_v'), setter)
    return out


ws = make(3000, 1500)
print(len(log), ws[10].v, ws[2000].v, ws[2999].w, sorted(vars(ws[2000])))


class Guarded:
    pass


seen = []


def build(n, at):
    out = []
    for i in range(n):
        g = Guarded()
        g.p = i
        g.q = i * 2
        out.append(g)
        if i == at:
            Guarded.__setattr__ = lambda self, k, v: (seen.append(k), object.__setattr__(self, k, v))
    return out


gs = build(2500, 1200)
print(len(seen), seen[:4], gs[2400].q, sorted(vars(gs[5])))


class Bag:
    def __init__(self, k):
        self.k = k


def grow(objs):
    for j, o in enumerate(objs):
        o.extra = j
        o.more = j * j
        if j == 700:
            objs[800].__dict__['extra'] = 'pre'
    return objs


bags = grow([Bag(k) for k in range(2000)])
print(bags[10].extra, bags[800].extra, bags[1999].more, sorted(vars(bags[800])))
