# os.putenv/os.unsetenv, and through them os.environ's item assignment and deletion (they
# failed with NameError: posix had neither)
# platform: posix
# (its own prefix: the test harness sets PYVM_* variables such as PYVM_JIT)
import os

os.environ["PUTENVTEST_VAR"] = "hello"
print(os.environ["PUTENVTEST_VAR"], os.getenv("PUTENVTEST_VAR"))
os.putenv("PUTENVTEST_PUT", "direct")
print("PUTENVTEST_PUT" in os.environ)
del os.environ["PUTENVTEST_VAR"]
os.unsetenv("PUTENVTEST_PUT")
print("PUTENVTEST_VAR" in os.environ, os.environ.get("PUTENVTEST_VAR"))
os.environb[b"PUTENVTEST_B"] = b"bytes"
print(os.environ["PUTENVTEST_B"])
print(os.environ.pop("PUTENVTEST_B"), b"PUTENVTEST_B" in os.environb)
os.environ.update(PUTENVTEST_A="1", PUTENVTEST_B="2")
print(os.environ.setdefault("PUTENVTEST_A", "x"), sorted(k for k in os.environ if k.startswith("PUTENVTEST_")))
for args in [("", "a"), ("a=b", "c"), ("a\0b", "c"), ("k", "v\0"), (1, "a")]:
    try:
        os.putenv(*args)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
for k in ["", "a=b", "a\0"]:
    try:
        os.unsetenv(k)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
