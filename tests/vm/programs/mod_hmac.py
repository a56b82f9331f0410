import hashlib
import hmac

print(hmac.new(b"key", b"message", "sha256").hexdigest())
print(hmac.new(b"k" * 200, b"message", hashlib.sha512).hexdigest())
print(hmac.digest(b"key", b"msg", "md5").hex())
mac = hmac.new(b"key", digestmod="sha1")
mac.update(b"part one ")
mac2 = mac.copy()
mac.update(b"part two")
print(mac.hexdigest(), mac2.hexdigest(), mac.name, mac.digest_size, mac.block_size)
