# list comparison reads the lengths afresh after each item comparison (list_richcompare):
# an item's __eq__ that empties a list changes the outcome
class X:
    def __eq__(self, other):
        list2.clear()
        return NotImplemented
class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented
class Z:
    def __eq__(self, other):
        list3.clear()
        return NotImplemented
list1 = [X()]
list2 = [Y()]
print(list1 == list2, list1, list2)
list3 = [Z()]
list4 = [1]
print(list3 == list4, list3, list4)
print([1, 2] < [1, 3], [1, 2] <= [1, 2], [1, 2, 3] > [1, 2], [1] != [1, 0], [2] >= [1, 9], [] == [])
print([1, 2] == [1, 2], [1, [2]] == [1, [2]], [float('nan')] == [float('nan')])
n = float('nan')
print([n] == [n], [n] < [n], [1, n] <= [1, n])
class L:
    def __lt__(self, other):
        return 'lt'
print([L()] < [L()])
