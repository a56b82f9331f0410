try:
    raise KeyError("a")
except KeyError:
    try:
        raise ValueError("b")
    except ValueError:
        raise TypeError("c")
