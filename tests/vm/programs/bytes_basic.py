b = b"abc"
print(b, b[0], b[1:], len(b), list(b), b + b"d", b"x" * 3, bytes([65, 66]), b.hex(), b == b"abc")
