# abort: exception while recording
# An exception raised by the operation being recorded (a division by zero two inlined frames
# deep), uncaught: the traceback names every frame at the right line.
def ratio(a, b):
    return a // b

def scaled(v):
    return ratio(10, v - 1) + 1

def run(n):
    t = 0
    for i in range(n):
        t += scaled(i + 2)
        t += scaled(i)
    return t

print(run(10))
