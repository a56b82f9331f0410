print("a\tb\nc", "\x41\u00e9", r"raw\n", len("\\"), "q\"q", 'single\'s')
print("""triple
quoted""", b"\x00\xff")
