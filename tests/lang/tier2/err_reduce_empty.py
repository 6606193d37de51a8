# functools.reduce of an empty iterable without an initial value.
# expect: TypeError: reduce() of empty iterable with no initial value
from functools import reduce
import operator
print(reduce(operator.add, [1, 2, 3]))
print(reduce(operator.add, [], 0))
values = [v for v in range(10) if v > 100]
print(values)
print(reduce(operator.mul, range(1, 6)))
print(reduce(operator.add, values))
