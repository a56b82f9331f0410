# Big-int arithmetic, bitwise operators, shifts and conversions on pseudo-random operands of
# many sizes and both signs (including 53..64-bit values around the machine-int boundary).
state = 12345


def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state % n


def operand():
    bits = [1, 7, 24, 25, 31, 48, 52, 53, 54, 60, 63, 64, 65, 96, 100, 200, 333][rnd(17)]
    v = 0
    for _ in range((bits + 31) // 32):
        v = (v << 32) | rnd(1 << 32)
    v = v % (1 << bits)
    if rnd(3) == 0:
        v = -v
    return v


def digest(x):
    return hash(x % 1000000007) if isinstance(x, int) else x


acc = []
for i in range(400):
    a = operand()
    b = operand()
    acc.append(a + b)
    acc.append(a - b)
    acc.append(a * b)
    acc.append(a & b)
    acc.append(a | b)
    acc.append(a ^ b)
    acc.append(~a)
    if b != 0:
        acc.append(a // b)
        acc.append(a % b)
        acc.append(divmod(a, b))
    s = rnd(130)
    acc.append(a << s)
    acc.append(a >> s)
    acc.append(a.bit_length())
    acc.append(float(a))
    acc.append(int(float(a)))
    acc.append(str(a))
    acc.append(hex(a))
    acc.append(oct(b))
    acc.append(bin(a)[:20])
    acc.append(int(str(a)))
    acc.append(int(hex(a), 16))
    acc.append(a < b)
    acc.append(a == b)
    acc.append(abs(a))
    acc.append(a * a * a - b * b)
    if b != 0 and abs(b) < (1 << 70):
        acc.append(pow(abs(a) + 1, 3, abs(b) + 2))
for k in range(0, len(acc), 8):
    print(acc[k:k + 8])
print((1 << 1000) // 3 % 1000000007, (-(1 << 333)) >> 7, (1 << 200) - 1 & -(1 << 100))
print(float(2 ** 1023 + 2 ** 970), 2 ** 1023 * 2 - 1 > 0)
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError", e)
print(10 ** 50 / 7, (10 ** 30 + 1) / (10 ** 15), int(1e300) % 997)
