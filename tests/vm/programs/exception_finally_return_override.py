def f():
    try:
        raise ValueError("x")
    finally:
        return "finally wins"
print(f())
def g():
    try:
        return "try"
    finally:
        print("g finally")
print(g())
