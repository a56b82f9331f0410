# In debug mode an _asyncio Future or Task records where it was made: extract_stack's frames, the
# last being the Python code that called the constructor (the builtin itself has no frame).
import asyncio, sys
loop = asyncio.new_event_loop()
loop.set_debug(True)
async def c():
    return 1
def make():
    return asyncio.Task(c(), loop=loop)
t = make()
line = sys._getframe().f_lineno - 1
print([ (fs.name, fs.lineno) for fs in t._source_traceback[-2:]], line)
f = asyncio.Future(loop=loop)
print(f._source_traceback[-1].name, f._source_traceback[-1].lineno)
print(loop.run_until_complete(t))
loop.close()
