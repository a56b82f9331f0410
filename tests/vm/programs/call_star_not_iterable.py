class Nothing: pass
class Seq:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
def g(*a, **k): return a
class C:
    def m(self, *a): return a
def gen():
    raise TypeError('inner')
    yield
for s in ['print(*1, 2)', 'print(*1, *[2])', 'print(*1, x=1)', 'print(*1, **{})', 'print(1, *1)', 'g(*Nothing())',
          'g(*Seq())', 'g(1, *Seq())', 'C().m(*1)', 'g(*g)', '[*1]', '{*1}', '(*1,)', 'g(*gen())', 'g(*"ab", *(1,))', 'g(*iter([1, 2]))']:
    try:
        print(s, '->', eval(s))
    except TypeError as e:
        print(s, '!!', e)
