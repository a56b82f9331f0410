# operator from the standard library (its pure-Python code when _operator is absent)
import operator
print(operator.add(2, 3), operator.mul('ab', 2), operator.neg(4), operator.truth([]))
print(operator.itemgetter(1)([5, 6, 7]), operator.itemgetter(0, 2)('xyz'))
class P:
    def __init__(self):
        self.x = 1
        self.y = P2()
class P2:
    z = 'deep'
print(operator.attrgetter('x')(P()), operator.attrgetter('y.z')(P()))
print(operator.methodcaller('split', ',')('a,b,c'), operator.contains([1, 2], 2))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a')], key=operator.itemgetter(0, 1)))
print(operator.is_(None, None), operator.lt(1, 2), operator.concat([1], [2]))
