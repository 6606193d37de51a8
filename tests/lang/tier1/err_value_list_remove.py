# Uncaught ValueError removing a missing list element.
# expect: ValueError: list.remove(x): x not in list
queue = ["a", "b", "c", "b"]
for item in ["b", "c", "b"]:
    queue.remove(item)
    print("removed", item, "->", queue)
print("z" in queue, queue.count("a"))
print("remove deletes the first match only")
queue.remove("z")
print("never printed")
