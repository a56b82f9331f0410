# str.format_map asks the mapping for each named field as it is met, so any mapping works
# (a re.Match used to crash the VM); positional fields are refused.
import re
m = re.compile('(?:(?P<a1>a)|(?P<b2>b))(?P<c3>c)?').match('a')
print('a1={a1} b2={b2} c3={c3}'.format_map(m))
try:
    'a1={a2}'.format_map(m)
except IndexError as e:
    print('IndexError:', e)

class Default(dict):
    def __missing__(self, key):
        return key.upper()

print('{x} and {y:>4}|'.format_map(Default(x=1)))

class Lookup:
    def __getitem__(self, k):
        return len(k)

print('{abc}-{de!r}'.format_map(Lookup()))
for bad in ('{}', '{0}'):
    try:
        bad.format_map({})
    except ValueError as e:
        print('ValueError:', e)
try:
    '{a}'.format_map(5)
except TypeError as e:
    print('TypeError:', e)
try:
    '{a}'.format_map({})
except KeyError as e:
    print('KeyError:', e)
