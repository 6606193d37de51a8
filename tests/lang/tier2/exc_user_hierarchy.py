# User-defined exception hierarchies: catching by base class, order of except clauses.
class AppError(Exception):
    pass

class ConfigError(AppError):
    pass

class MissingKey(ConfigError, KeyError):
    pass

class NetworkError(AppError):
    pass

class Timeout(NetworkError):
    pass


def fail(kind):
    raise kind(f"{kind.__name__} happened")


for kind in [AppError, ConfigError, MissingKey, NetworkError, Timeout]:
    try:
        fail(kind)
    except Timeout as e:
        print("timeout handler:", e)
    except NetworkError as e:
        print("network handler:", e)
    except ConfigError as e:
        print("config handler:", e, isinstance(e, KeyError))
    except AppError as e:
        print("generic handler:", e)
print([k.__name__ for k in MissingKey.__mro__])
try:
    fail(MissingKey)
except LookupError as e:
    print("as LookupError:", type(e).__name__, repr(e))
try:
    try:
        fail(Timeout)
    except ConfigError:
        print("wrong")
except (KeyError, NetworkError) as e:
    print("tuple handler:", type(e).__name__)
print(issubclass(Timeout, Exception), issubclass(Timeout, (ValueError, AppError)))
