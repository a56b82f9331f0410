class AppError(Exception): pass
class DBError(AppError): pass
class NetError(AppError): pass
for E in (DBError, NetError, ValueError):
    try:
        raise E("boom")
    except AppError as e:
        print("app error:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__)
