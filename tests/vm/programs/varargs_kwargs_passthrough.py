def inner(*args, **kwargs):
    return args, sorted(kwargs.items())
def outer(*args, **kwargs):
    return inner(*args, extra=True, **kwargs)
print(outer(1, 2, a=3))
