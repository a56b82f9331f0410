try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError", e)
try:
    "%d" % "s"
except TypeError as e:
    print("TypeError", e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print(e)
