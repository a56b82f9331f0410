s = ", ".join("a%d" % i for i in range(1<<8)) + ", *rest = range(1<<8 + 1)"
try:
    compile(s, 'test', 'exec')
except SyntaxError as e:
    print("SE", e)
s = ", ".join("a%d" % i for i in range(1<<8 + 1)) + ", *rest = range(1<<8 + 2)"
try:
    compile(s, 'test', 'exec')
except SyntaxError as e:
    print("SE", e)
s = ", ".join("a%d" % i for i in range(255)) + ", *rest = range(1<<8 + 1)"
exec(s); print(a0, a254, len(rest))

