# CPython 3.11 appends a suggestion for a near-miss attribute name to the uncaught AttributeError.
# expect: AttributeError: 'list' object has no attribute 'appnd'. Did you mean: 'append'?
log = []
log.append("start")
log.extend(["middle"])
print(log)
print(hasattr(list, "append"), hasattr([], "appnd"))
print(getattr([], "appnd", "no such method"))
print("calling the misspelled method")
log.appnd("end")
print("never printed")
