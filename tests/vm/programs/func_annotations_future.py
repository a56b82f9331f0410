from __future__ import annotations
# under the future import a def's annotations are kept as their source text, not evaluated
def f(a: Undefined[int], *args: 'q', k: x | None = None, **kw: dict[str, int]) -> list[a.b]:
    pass
print(f.__annotations__)
