# break, continue and return leaving a try body that has except clauses disarm its handler:
# an exception raised after the loop is not caught by the try inside it.


def after_break():
    n = 0
    while True:
        try:
            n += 1
            break
        except ValueError:
            return "caught by the loop's handler"
    raise ValueError("after the loop")


def after_continue():
    seen = []
    for i in range(3):
        try:
            if i < 2:
                continue
            seen.append(i)
        except KeyError:
            seen.append("handler")
    raise KeyError("after the loop")


def retry_in_finally(fail):
    # the shape of asyncio.Condition.wait: a retry loop inside a finally
    try:
        if fail:
            raise KeyError(1)
        return "body"
    finally:
        n = 0
        while True:
            try:
                n += 1
                if n < 3:
                    raise ValueError(n)
                break
            except ValueError:
                print("retry", n)
                if n > 4:
                    return "stuck"
        raise ValueError("after retries")


def return_in_try_with_finally():
    # return from a try/except inside a try/finally: the finally body runs once, with the
    # except's block gone, so what it raises is not caught by that except
    try:
        try:
            return "value"
        except RuntimeError:
            print("wrongly caught")
            return "wrong"
    finally:
        print("finally runs")


def break_in_try_except_finally():
    for i in range(2):
        try:
            try:
                break
            except OSError:
                print("wrong")
        finally:
            print("finally", i)
    try:
        raise OSError("later")
    except OSError as e:
        print("caught later", e)
    raise TypeError("end")


for fn in (after_break, after_continue, lambda: retry_in_finally(False), lambda: retry_in_finally(True),
           return_in_try_with_finally, break_in_try_except_finally):
    try:
        print("returned", fn())
    except Exception as e:
        print("raised", type(e).__name__, e, "context", repr(e.__context__))


async def agen_loop():
    for i in range(3):
        try:
            if i == 1:
                break
        except ZeroDivisionError:
            return "wrong"
    return 1 / 0


c = agen_loop()
try:
    c.send(None)
except ZeroDivisionError as e:
    print("coroutine raised", e)
