print(chr(0x1F600), ord("€"), [ord(c) for c in "aZ09"], chr(65) + chr(97), "\u00e9" == "é", len("\U0001F600"))
