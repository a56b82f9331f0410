# str() of a weakref.proxy is the str of its referent.
import weakref


class S(set):
    pass


class P:
    def __str__(self):
        return 'P-str'

s = S('ab')
p = weakref.proxy(s)
print(str(p) == str(s), sorted(p), len(p), 'a' in p)
o = P()
q = weakref.proxy(o)
print(str(q), f'{q!s}', '%s' % q)
