import hashlib
import hmac

inputs = [b"", b"abc", b"The quick brown fox jumps over the lazy dog",
          bytes(range(256)) * 5, b"a" * 1000, bytes((i * 7 + 3) & 255 for i in range(200))]
names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512",
         "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]
for name in names:
    for data in inputs:
        h = hashlib.new(name, data)
        print(name, len(data), h.hexdigest())
    h = getattr(hashlib, name)()
    print(h.name, h.digest_size, h.block_size)
    # updating in pieces, and a copy taken midway, match a single update
    whole = getattr(hashlib, name)(inputs[3]).digest()
    h = getattr(hashlib, name)()
    for i in range(0, len(inputs[3]), 37):
        h.update(inputs[3][i:i + 37])
        if i == 37 * 5:
            c = h.copy()
    print(h.digest() == whole, c.hexdigest() == getattr(hashlib, name)(inputs[3][:37 * 6]).hexdigest())

for name in ["shake_128", "shake_256"]:
    h = hashlib.new(name, b"shake it")
    print(name, h.hexdigest(10), h.digest(300).hex()[-40:], h.digest_size, h.block_size)

print(hashlib.blake2b(b"hi", digest_size=20, key=b"secret", salt=b"salt", person=b"me").hexdigest())
print(hashlib.blake2s(b"hi", digest_size=16, key=b"k" * 32, salt=b"12345678", person=b"p").hexdigest())
print(hashlib.blake2b(b"x" * 300, key=b"key").hexdigest())
print(hashlib.blake2b(b"", key=b"key").hexdigest())
print(hashlib.sha256(bytearray(b"bytearray")).hexdigest())
print(hashlib.md5(memoryview(b"memoryview")).hexdigest())

print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"), hmac.compare_digest("ab", "abc"))
print(sorted(hashlib.algorithms_guaranteed))

for bad in [lambda: hashlib.sha256("text"), lambda: hashlib.blake2b(digest_size=65),
            lambda: hashlib.blake2s(key=b"x" * 33), lambda: hashlib.new("nosuch"),
            lambda: hmac.compare_digest("é", "é"), lambda: hashlib.md5().update(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
