w = 10
p = 3
x = 3.14159265
print(f"[{x:{w}.{p}f}]", "[{:{}}]".format("hi", 6), "[{0:>{1}}]".format("r", 4), f"{'abc':{'*'}^{9}}")
print("%(name)s is %(age)d" % {"name": "Al", "age": 30}, "%s" % [1, 2], "%s %s" % ("a", "b"))
