for n in [0, 1, 255, -255, 2 ** 40]:
    print(bin(n), oct(n), hex(n), int(bin(n), 2) if n >= 0 else int(bin(n), 0), f"{n:b}")
print(int("777", 8), int("-0x1A", 16), int("  1010 ", 2), int("Z", 36))
