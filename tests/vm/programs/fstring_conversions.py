s = "héllo"
x = 3
print(f"{s!a} {s!r} {s!s} {x!r:>4} {'nested ' + f'{x}'} {x:{'>'}{5}}")
print(f"{{}} {x}{{x}}", f"{3.0!r}", f"{[1, 2]!s}", f'{"q"}')
