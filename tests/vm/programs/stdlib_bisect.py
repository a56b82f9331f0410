# bisect from the standard library (its pure-Python code when _bisect is absent)
import bisect
a = [1, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 0), bisect.bisect(a, 9))
bisect.insort(a, 4)
bisect.insort_left(a, 3)
print(a)
names = ['ant', 'bee', 'cat']
print(bisect.bisect_left(names, 'bz'), bisect.bisect(names, 'b', lo=1, hi=2))
grades = [(60, 'D'), (70, 'C'), (80, 'B'), (90, 'A')]
print([grades[bisect.bisect([g for g, _ in grades], s) - 1][1] if s >= 60 else 'F' for s in (33, 65, 77, 99)])
print(bisect.bisect([1, 2, 3], 2, key=lambda x: x))
