# An array subclass pickles its attributes (__reduce_ex__ state is the instance __dict__), and
# the no-argument array methods refuse an argument with TypeError.
import array, pickle
class S(array.array): pass
a = S('b', [1, 2]); a.x = 10
for p in range(6):
    b = pickle.loads(pickle.dumps(a, p)); print(p, type(b).__name__, b.tolist(), b.x)
print(array.array('b',[1]).__reduce_ex__(3)[2], S('b').__reduce_ex__(3)[2])
for m in ['tolist','tobytes','buffer_info','byteswap','reverse','__copy__','__len__']:
  try: getattr(a,m)(42)
  except Exception as e: print(m, type(e).__name__, e)
