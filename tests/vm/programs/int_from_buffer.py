# int() reads any bytes-like object: memoryview (slices too), array('B'), bytearray
from array import array

print(int(memoryview(b"123")[1:3]), int(memoryview(b"1234")[1:3]), int(memoryview(b" 42 ")))
print(int(array("B", b"100")), int(bytearray(b"-7")), int(memoryview(b"1_000")))
for x in [memoryview(b"100"), array("B", b"100")]:
    try:
        int(x, 2)
    except TypeError as e:
        print("TypeError", e)
    try:
        int(type(x)(b"A" * 16) if isinstance(x, memoryview) else array("B", b"A" * 16))
    except ValueError as e:
        print("ValueError", str(e).split(":")[0])
