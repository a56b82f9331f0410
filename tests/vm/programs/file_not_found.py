try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno if hasattr(e, "errno") else "")
except OSError:
    print("OSError")
