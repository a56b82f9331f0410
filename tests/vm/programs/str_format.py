print("{} and {}".format("a", "b"), "{1}{0}".format("x", "y"), "{name}!".format(name="z"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{0[1]}".format([5, 6]), "{:.3}".format(3.14159))
print(format(255, "x"), format(3.5, ".1f"), format("s", "3"), "{!r}".format("q"))
