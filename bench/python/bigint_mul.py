# Big-int multiplication: products of numbers of ~100,000 decimal digits (~330,000 bits),
# balanced and unbalanced, and squares (kept at that size by a shift, which is linear).
M = 998244353
a = 3**209590  # 100,000 digits
b = 7**118300  # about 100,000 digits
c = 11**5000
acc = 0
x = a
for i in range(12):
    p = a * b
    q = (x * x) >> 330000
    r = p * c
    acc = (acc * 7 + p % M + q % M + r % M + p.bit_length() + q.bit_length()) % M
    a += 1
    b += 2
    x = q + b
print(acc)
