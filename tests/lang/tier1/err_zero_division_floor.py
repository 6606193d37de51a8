# Uncaught integer floor division by zero.
# expect: ZeroDivisionError: integer division or modulo by zero
def split_evenly(total, parts):
    share = total // parts
    print(f"{total} split {parts} ways: {share} each")
    return share
print(7 // 2, -7 // 2, 7.0 // 2)
for parts in [4, 3, 2, 1, 0]:
    split_evenly(100, parts)
print("never printed")
