# print(file=sys.stderr): stdout is compared in full, stderr only by its last non-empty line,
# so the stderr output comes at the very end.
# expect: warning: 2 values were negative
import sys
values = [3, -1, 4, -1, 5]
negatives = 0
for v in values:
    if v < 0:
        negatives += 1
    print("value", v, file=sys.stdout)
print("sum", sum(values), "negatives", negatives)
print("report", "done", sep=": ", end="!\n", file=sys.stdout)
print("first stderr line (not compared)", file=sys.stderr)
print("warning:", negatives, "values were negative", file=sys.stderr)
