# int, float and str have their own __format__ (the format mini-language), not object's
for f in [lambda: int.__format__(1), lambda: int.__format__(1,'',2), lambda: (1).__format__(spec=''), lambda: int.__format__('a', ''), lambda: (5).__format__(3)]:
  try: f()
  except TypeError as e: print(e)
print('abc'.__format__('>5'))
print((5).__format__('d'), (1.5).__format__('e'), True.__format__(''), True.__format__('d'))
class I(int):
    def __str__(self): return 'I!'
print(format(I(5), 'x'), I(5).__format__('x'), format(I(5), ''), I(5).__format__(''))
class S(str): pass
print(S('ab').__format__('^6') + '|', (2.5).__format__(''), (1e100).__format__('g'))
