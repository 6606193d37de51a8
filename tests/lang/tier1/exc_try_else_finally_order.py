# The order in which try / except / else / finally blocks run.
def run(mode):
    log = []
    try:
        log.append("try")
        if mode == "raise":
            raise ValueError("boom")
        if mode == "return":
            return log + ["returned-from-try"]
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
for mode in ["normal", "raise", "return"]:
    print(mode, run(mode))
def loop_control():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(f"body{i}")
        finally:
            out.append(f"finally{i}")
    return out
print(loop_control())
def nested():
    out = []
    try:
        try:
            out.append("inner try")
            raise KeyError("k")
        finally:
            out.append("inner finally")
    except KeyError as e:
        out.append(f"outer except {e}")
    finally:
        out.append("outer finally")
    return out
print(nested())
