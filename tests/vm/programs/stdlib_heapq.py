# heapq from the standard library
import heapq
h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(3)], h[0])
data = [7, 2, 9, 4, 4, 1]
heapq.heapify(data)
print(data[0], heapq.nsmallest(3, [7, 2, 9, 4, 4, 1]), heapq.nlargest(2, [7, 2, 9, 4, 4, 1]))
print(heapq.heappushpop([1, 5], 0), heapq.heapreplace([1, 5], 9))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0])))
print(heapq.nsmallest(2, ['bb', 'a', 'ccc'], key=len))
