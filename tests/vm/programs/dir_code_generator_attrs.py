# dir() lists the computed attributes of code objects and generators, so a mock specced on them
# (mock.AsyncMock sets co_flags on a NonCallableMock(spec_set=CodeType)) accepts them.
import asyncio
import inspect
import types
from unittest import mock

names = dir(types.CodeType)
print([n for n in ("co_flags", "co_name", "co_varnames", "co_code", "co_consts") if n in names])


def g():
    yield


async def c():
    pass


async def ag():
    yield


gen, co, agen = g(), c(), ag()
print([n for n in dir(gen) if n.startswith(("gi_", "cr_", "ag_"))])
print([n for n in dir(co) if n.startswith(("gi_", "cr_", "ag_"))])
print([n for n in dir(agen) if n.startswith(("gi_", "cr_", "ag_"))])
co.close()

code_mock = mock.NonCallableMock(spec_set=types.CodeType)
code_mock.co_flags = inspect.CO_COROUTINE
print(code_mock.co_flags == inspect.CO_COROUTINE)
print(asyncio.iscoroutinefunction(mock.AsyncMock()), asyncio.iscoroutinefunction(mock.Mock()))
print(inspect.iscoroutinefunction(c), inspect.isgeneratorfunction(g))
