# asyncio: gather() over a tree of coroutines, each leaf yielding to the event loop once
# (asyncio.sleep(0)) and adding its id to a running total
import asyncio

DEPTH = 5
FANOUT = 5


class Walk:
    def __init__(self):
        self.leaves = 0
        self.total = 0

    async def leaf(self, ident):
        await asyncio.sleep(0)
        self.leaves += 1
        self.total += ident
        return ident % 7

    async def node(self, depth, ident):
        if depth == 0:
            return await self.leaf(ident)
        parts = await asyncio.gather(
            *[self.node(depth - 1, ident * FANOUT + k) for k in range(FANOUT)])
        return sum(parts)


async def main():
    results = []
    for _ in range(3):
        w = Walk()
        r = await w.node(DEPTH, 1)
        results.append((w.leaves, w.total, r))
    return results


print(asyncio.run(main()))
