x = 3.14159
n = 42
name = "bob"
print(f"{x:.2f} {n:5d} {n:<5}| {name!r} {name:>6} {n:x} {n:#b} {n:08.3f}")
print(f"{n:,} {1234567.891:,.2f} {0.25:.1%} {x:e} {x:g} {'c':^7}")
print(f"{n=}", f"{n+1=}")
print(f"{{literal}} {[1,2][0]} {'a' 'b'}")
