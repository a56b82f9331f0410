import helper_mod
try:
    from helper_mod import nonexistent_name
except ImportError as e:
    print(type(e).__name__)
print(helper_mod.nonexistent_name)
