class C:
    instances = []
    def __init__(self):
        C.instances.append(self)
for _ in range(3):
    C()
print(len(C.instances))
