# An exhausted iterator lets go of its sequence, so the sequence is collected (its __del__ runs)
# while the iterator lives (CPython's check_free_after_iterating); subclasses of array, bytes
# and bytearray with __del__ are finalized like other objects. Slices and copies of an array
# subclass are plain arrays.
import array
import gc


def check(cls, args=()):
    class A(cls):
        def __del__(self):
            nonlocal done
            done = True
            try:
                next(it)
            except StopIteration:
                pass

    done = False
    it = iter(A(*args))
    try:
        next(it)
        print(cls.__name__, 'not empty')
    except StopIteration:
        pass
    gc.collect()
    print(cls.__name__, 'freed after iterating:', done)
    try:
        next(it)
    except StopIteration:
        print(cls.__name__, 'still exhausted')


for cls, args in ((list, ()), (tuple, ()), (str, ()), (bytes, ()), (bytearray, ()), (array.array, ('b',)), (array.array, ('d',))):
    check(cls, args)


class Fin(array.array):
    def __del__(self):
        print('array subclass finalized', self.typecode, len(self))


f = Fin('i', [1, 2, 3])
f = None
gc.collect()


class Sub(array.array):
    pass


s = Sub('b', [1, 2, 3])
print(type(s[:1]).__name__, type(s[::2]).__name__, type(s.__copy__()).__name__, type(s.__deepcopy__({})).__name__, type(s + s).__name__)

# exhausted iterators still pickle as before
import pickle
li = iter([1, 2])
list(li)
print(pickle.loads(pickle.dumps(li)).__length_hint__(), list(pickle.loads(pickle.dumps(li))))
bi = iter(b'ab')
list(bi)
print(list(pickle.loads(pickle.dumps(bi))), bi.__length_hint__())
si = iter('abc')
next(si)
print(si.__length_hint__(), iter(b'xyz').__length_hint__(), iter(bytearray(b'xy')).__length_hint__())
