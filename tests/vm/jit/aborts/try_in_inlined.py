# abort: exception block setup
# The recorder inlines safe_div and stops at its try: the interpreter finishes the inlined
# frame and the loop goes on.
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -1

def run(xs):
    out = []
    for x in xs:
        out.append(safe_div(100, x))
    return out

print(run([5, 4, 0, 3, 2, 0, 1]))
