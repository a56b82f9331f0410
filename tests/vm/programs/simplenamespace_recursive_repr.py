# a namespace that contains itself shows as namespace(...) inside its own repr; a subclass shows
# its own name
import types
ns1 = types.SimpleNamespace(c='cookie')
ns2 = types.SimpleNamespace()
ns3 = types.SimpleNamespace(x=1)
ns1.spam = ns1
ns2.spam = ns3
ns3.spam = ns2
print(repr(ns1))
print(repr(ns2))
print(repr(ns1))
class Sub(types.SimpleNamespace): pass
s = Sub(a=1)
s.me = s
print(repr(s))
