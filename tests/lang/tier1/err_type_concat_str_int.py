# Uncaught TypeError concatenating str and int.
# expect: TypeError: can only concatenate str (not "int") to str
count = 3
label = "items: " + str(count)
print(label)
print("items: %d" % count, f"items: {count}")
message = "total: "
for n in range(3):
    print(message + str(n))
print(message + count)
