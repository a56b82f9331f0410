import array
class Boom:
    def __init__(self, victim, value=0):
        self.victim = victim
        self.value = value
    def __index__(self):
        del self.victim[:]
        return self.value
b = bytearray(b'Now you see me...')
try:
    b[0] = Boom(b)
except IndexError as e:
    print('IndexError', e, b)
b = bytearray(b'abc')
b.insert(2, Boom(b, 65))
print(b)
b = bytearray(b'abc')
b[1:2] = [Boom(b, 66)]
print(b)
b = bytearray(b'abcdef')
try:
    b[::2] = [Boom(b, 66), 1, 2]
except ValueError as e:
    print('ValueError', e, b)
