# Constructing a namedtuple with a field missing.
# expect: TypeError: Employee.__new__() missing 1 required positional argument: 'salary'
from collections import namedtuple
Employee = namedtuple("Employee", ["name", "role", "salary"])
e = Employee("ann", "dev", 100)
print(e, e._fields)
print(Employee._make(["bob", "ops", 90]))
print(e.salary * 2, e[1])
print(e._replace(role="lead"))
Employee("cid", "qa")
