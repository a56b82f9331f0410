# min/max keyword and default checks, and sum's refusal of str/bytes/bytearray starts.
def show(f):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


show(lambda: min(1, 2, default=None))
show(lambda: max(1, 2, default=None))
show(lambda: min([], default=7))
show(lambda: max((), key=None, default='d'))
show(lambda: min([3, 1, 2], key=lambda x: -x))
show(lambda: min(1, 2, foo=1))
show(lambda: max([1], bar=2))
show(lambda: max())
show(lambda: min([]))
show(lambda: sum(['a', 'b'], ''))
show(lambda: sum([], ''))
show(lambda: sum([b'a', b'c'], b''))
show(lambda: sum([], bytearray()))
show(lambda: sum(['a', 'b']))
show(lambda: sum([[1], [2]], []))
show(lambda: sum([1, 2.5], 3))
