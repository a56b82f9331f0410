# os.putenv/os.unsetenv, and through them os.environ's item assignment and deletion (they
# failed with NameError: posix had neither)
# platform: posix
import os

os.environ["PYVM_TEST_VAR"] = "hello"
print(os.environ["PYVM_TEST_VAR"], os.getenv("PYVM_TEST_VAR"))
os.putenv("PYVM_TEST_PUT", "direct")
print("PYVM_TEST_PUT" in os.environ)
del os.environ["PYVM_TEST_VAR"]
os.unsetenv("PYVM_TEST_PUT")
print("PYVM_TEST_VAR" in os.environ, os.environ.get("PYVM_TEST_VAR"))
os.environb[b"PYVM_TEST_B"] = b"bytes"
print(os.environ["PYVM_TEST_B"])
print(os.environ.pop("PYVM_TEST_B"), b"PYVM_TEST_B" in os.environb)
os.environ.update(PYVM_A="1", PYVM_B="2")
print(os.environ.setdefault("PYVM_A", "x"), sorted(k for k in os.environ if k.startswith("PYVM_")))
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
