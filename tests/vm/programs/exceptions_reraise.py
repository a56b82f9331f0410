def f():
    try:
        raise KeyError("x")
    except KeyError:
        print("handling")
        raise
try:
    f()
except KeyError as e:
    print("reraised", e)
try:
    try:
        raise ValueError(1)
    except ValueError as e:
        err = e
    raise err
except ValueError as e2:
    print(e2.args)
