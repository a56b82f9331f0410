t = (1, 2, 3)
a, b, c = t
print(t, a+b+c, t[1:], t.count(2), t.index(3), (1,), (), tuple([4,5]), t + (4,), t * 2)
x, *rest = [1, 2, 3, 4]
*init, last = "abc"
print(x, rest, init, last)
(p, q), r = (1, 2), 3
print(p, q, r, hash((1,2)) == hash((1,2)))
