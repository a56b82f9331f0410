l = list(range(10))
print(l[2:8:2], l[::-2], l[-3:], l[:-7], l[100:], l[5:2], l[slice(1, 4)])
s = "abcdefgh"
print(s[1:-1:3], s[::-1][:3], s[-100:2])
l[::2] = [0] * 5
print(l)
