class Card:
    order = "23456789TJQKA"
    def __init__(self, r):
        self.r = r
    def __lt__(self, o):
        return Card.order.index(self.r) < Card.order.index(o.r)
    def __repr__(self):
        return self.r
print(sorted([Card(c) for c in "KA2T5"]))
