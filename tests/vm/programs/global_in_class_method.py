total = 0
class Acc:
    def add(self, n):
        global total
        total += n
a = Acc()
for i in range(5):
    a.add(i)
print(total)
