b = "héllo".encode("utf-8")
print(b, len(b), b.decode(), b[1], b[1:3], bytes(3), b"ab" < b"b", b"a" in b"cat", 97 in b"abc")
print(list(b"hi"), bytes("abc", "ascii"), int.from_bytes(b"\x01\x00", "little"), (258).to_bytes(2, "big"))
