# abort: unsupported opcode
# A raise (not recorded) two inlined frames deep, uncaught: the interpreter finishes the inlined
# frames and the traceback names every frame at the right line.
def check(v):
    if v > 0:
        raise ValueError('too big: %d' % v)
    return v

def wrap(v):
    return check(v) + 1

def run(n):
    t = 0
    for i in range(n):
        t += wrap(i)
    return t

print(run(1))
print(run(10))
