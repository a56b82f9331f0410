import sys
print("a", "b", sep=", ", end=".\n")
print("err line", file=sys.stderr)
print(*range(5))
