import sys

try:
    for i in range(200000):
        print(i)
except BrokenPipeError as e:
    sys.stderr.write("caught %r %d\n" % (e, e.args[0]))
