# operator.itemgetter used as a sort key on records missing the field.
# expect: KeyError: 'age'
from operator import itemgetter
people = [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}]
print([p["name"] for p in sorted(people, key=itemgetter("age"))])
people.append({"name": "cid"})
print(len(people))
print([p.get('age') for p in people])
print(sorted(people, key=itemgetter("name"))[0])
print(sorted(people, key=itemgetter("age")))
