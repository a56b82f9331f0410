for e in [ValueError(), ValueError("a"), ValueError("a", "b"), KeyError("k"), KeyError(), StopIteration(5), IndexError(0)]:
    print(repr(e), "|", str(e))
