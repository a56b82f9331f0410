# A list, dict, set or tuple method taken from its type and called on another kind of object:
# TypeError naming the descriptor, never the method reading the object as its own kind.
class Thing: pass
thing = Thing()
for f in [list.sort, list.append, list.clear, dict.keys, dict.get, set.add, set.union, frozenset.union, tuple.count, dict.__getitem__, list.__len__, list.__getitem__]:
    try:
        f(thing, 1) if f in (list.append, dict.get, set.add, tuple.count, dict.__getitem__, list.__getitem__) else f(thing)
        print("no error", f.__name__)
    except TypeError as e: print(e)
class L(list): pass
l = L([3, 1, 2]); list.sort(l); print(l)
print(dict.fromkeys([1, 2]), set.union({1}, [2]), list.__len__([1]))
