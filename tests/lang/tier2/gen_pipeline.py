# Generator pipelines: each stage lazily pulls from the previous one.
lines = [
    "# comment",
    "alice,30,paris",
    "",
    "bob,25,berlin",
    "carol,35,paris",
    "  dave , 40 , rome  ",
    "# another",
]

def read(source):
    for line in source:
        print("read:", repr(line))
        yield line

def non_empty(rows):
    for row in rows:
        row = row.strip()
        if row and not row.startswith("#"):
            yield row

def parse(rows):
    for row in rows:
        name, age, city = (part.strip() for part in row.split(","))
        yield {"name": name, "age": int(age), "city": city}

def where(records, **conditions):
    for record in records:
        if all(record[k] == v for k, v in conditions.items()):
            yield record

pipeline = where(parse(non_empty(read(lines))), city="paris")
print("pipeline built")
for person in pipeline:
    print("->", person["name"], person["age"])
ages = (p["age"] for p in parse(non_empty(lines)))
print("total age", sum(ages))
def batched(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched(range(7), 3)))
