# NaN compares unequal to everything, including itself; containers use identity first.
nan = float("nan")
other = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan >= nan)
print(nan == other, nan is nan, nan is other)
print(1 < nan, 1 == nan, nan == 0.0, nan != 0.0)
lst = [nan]
print(nan in lst, other in lst, lst == lst, [nan] == [nan], [other] == [nan])
print(lst.count(nan), lst.count(other))
t = (1, nan)
print(t == t, (1, nan) == (1, nan), (1, other) == t)
print(nan in (nan,), other in (nan,), nan in {nan: 1})
d = {nan: "a"}
print(d[nan], other in d, len(d))
x = nan
print(x != x, x == x, not (x == x))
import math
print(math.isnan(nan), math.isnan(1.0), math.isnan(float("inf")))
print(max(nan, 1.0) != max(nan, 1.0), min(1.0, 2.0))
print(sorted([3.0, 1.0, 2.0]), nan > 0 or nan < 0 or nan == 0)
print(float("nan") == float("nan"), abs(nan) != abs(nan))
print(str(nan), repr(-nan), nan + 1 != nan + 1)
