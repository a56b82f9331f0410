def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise
g = gen()
next(g)
g.close()
def gen2():
    try:
        yield 1
    except ValueError as e:
        yield f"handled {e}"
g2 = gen2()
next(g2)
print(g2.throw(ValueError("boom")))
