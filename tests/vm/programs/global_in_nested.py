g = 0
def a():
    def b():
        global g
        g += 1
    b(); b()
a()
print(g)
