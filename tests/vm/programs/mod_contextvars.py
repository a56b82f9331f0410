import contextvars
from contextvars import ContextVar, Context, Token, copy_context

request = ContextVar("request")
level = ContextVar("level", default=0)
print(request.name, level.name, level.get(), request.get("fallback"))
try:
    request.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0] is request)

t1 = request.set("r1")
print(request.get(), t1.var is request, t1.old_value is Token.MISSING, repr(Token.MISSING))
t2 = request.set("r2")
print(request.get(), t2.old_value)
request.reset(t2)
print(request.get())
try:
    request.reset(t2)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e))
try:
    level.reset(t1)
except ValueError as e:
    print("ValueError", "different ContextVar" in str(e))
request.reset(t1)
print(request.get("gone"))

request.set("outer")
ctx = copy_context()
print(ctx[request], request in ctx, level in ctx, len(ctx), ctx.get(level, "no"), ctx.get(level))


def work(x, y=1):
    request.set("inner")
    level.set(level.get() + x + y)
    return request.get(), level.get()


print(ctx.run(work, 5, y=10))
print(request.get(), level.get(), ctx[request], ctx[level])
print(sorted(v.name for v in ctx), sorted(v.name for v in ctx.keys()), sorted(map(str, ctx.values())))
print(sorted((k.name, v) for k, v in ctx.items()))
print(ctx.run(work, 1))

try:
    ctx.run(lambda: ctx.run(print))
except RuntimeError as e:
    print("RuntimeError", "already entered" in str(e))
fresh = Context()
print(len(fresh), fresh.run(lambda: request.get("none in a fresh context")))
c2 = ctx.copy()
print(c2 == ctx, c2 is ctx, len(c2))
tok = ctx.run(request.set, "made inside")
try:
    request.reset(tok)
except ValueError as e:
    print("ValueError", "different Context" in str(e))
try:
    ctx["not a var"]
except TypeError as e:
    print("TypeError", e)
try:
    ContextVar(5)
except TypeError as e:
    print("TypeError", e)
try:
    fresh[level]
except KeyError as e:
    print("KeyError", e.args[0] is level)
try:
    Token()
except RuntimeError as e:
    print("RuntimeError", e)
print(repr(level).startswith("<ContextVar name='level' default=0 at "))
