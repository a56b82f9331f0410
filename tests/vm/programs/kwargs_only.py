def f(*, a, b=2):
    return a + b
print(f(a=1), f(a=1, b=5))
try:
    f(1)
except TypeError as e:
    print(e)
try:
    f()
except TypeError as e:
    print(e)
def g(a, b):
    return a
try:
    g(1)
except TypeError as e:
    print(e)
try:
    g(1, 2, 3)
except TypeError as e:
    print(e)
try:
    g(1, c=2)
except TypeError as e:
    print(e)
