print((255).bit_length(), (-8).bit_length(), (0).bit_length(), (10).bit_count(), int.from_bytes(b"\xff\xff", "big"), (3).conjugate(), (7).real, (7).imag)
print(3.0.is_integer(), 3.5.is_integer(), (0.75).as_integer_ratio())
