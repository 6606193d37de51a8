# return inside finally overrides returns and swallows exceptions; finally always runs.
def override():
    try:
        return "try"
    finally:
        return "finally"
def swallow():
    try:
        raise RuntimeError("lost")
    finally:
        return "swallowed"
def side_effect(log):
    try:
        return log.append("try") or "value from try"
    finally:
        log.append("finally ran after return expression")
print(override(), swallow())
log = []
print(side_effect(log), log)
def count():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print("finally sees n =", n)
print("returned", count())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "broke out, exception discarded"
print(break_in_finally())
def exception_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise KeyError("second")
    except Exception as e:
        return type(e).__name__, e.args, type(e.__context__).__name__
print(exception_in_finally())
