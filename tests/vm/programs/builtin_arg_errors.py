# The singletons' types make their one instance; dir, iter and __import__ check their
# arguments as CPython's; NotImplemented in a boolean context warns (DeprecationWarning).
import warnings

for const in None, Ellipsis, NotImplemented:
    tp = type(const)
    print(tp() is const, tp.__new__(tp) is const)
    for args, kw in [((1, 2), {}), ((), {'a': 1}), ((1,), {})]:
        try:
            tp(*args, **kw)
        except TypeError as e:
            print(e)

calls = [(dir, (42, 42), {}), (dir, (), {'a': 1}), (iter, (42, 42), {}), (iter, (), {}), (iter, ([],), {'a': 1}),
         (__import__, ('sys',), {'name': 'sys'}), (__import__, ('sys',), {'bogus': 1}), (__import__, (), {'globals': {}})]
for fn, args, kw in calls:
    try:
        fn(*args, **kw)
    except TypeError as e:
        print(fn.__name__, e)
print(__import__(name='sys').__name__, len(dir()) > 0)
print(list(iter([1, 2, 3, 4]. __iter__().__next__, 3)))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(bool(NotImplemented))
    if NotImplemented:
        print('true')
    print(not NotImplemented)
    print(len(w), {str(x.message) for x in w}, {x.category.__name__ for x in w})
