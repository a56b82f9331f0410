import sys

print(sys.byteorder in ("little", "big"), sys.float_info.max, sys.float_info.epsilon, sys.float_info.mant_dig, sys.float_info.dig)
print(sys.float_info.max_exp, sys.float_info.min_exp, sys.float_info.radix, sys.float_info.rounds, len(sys.float_info))
print(sys.getdefaultencoding(), sys.hexversion >> 16, sys.maxunicode, sys.is_finalizing(), sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
print(sys.excepthook is sys.__excepthook__, sys.getrecursionlimit())

events = []


def audit(event, args):
    if event.startswith("pyvm.test") or event == "sys.addaudithook":
        events.append((event, args))


sys.addaudithook(audit)
sys.audit("pyvm.test", 1, "two")
sys.audit("pyvm.test.empty")
sys.addaudithook(lambda e, a: None)
print(events)
try:
    sys.audit(5)
except TypeError as e:
    print("TypeError", e)


def bad_hook(t, v, tb):
    raise RuntimeError("the hook fails")


sys.excepthook = bad_hook
print("done")
raise ValueError("original")
