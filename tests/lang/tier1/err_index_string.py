# Uncaught string index out of range.
# expect: IndexError: string index out of range
word = "stitch"
print(word[0], word[-1], word[len(word) - 1])
print("valid indices:", list(range(len("stitch"))))
print("negative:", "stitch"[-6], "stitch"[-1])
print("slices never fail:", repr("stitch"[10:20]))
for i in range(0, 10, 2):
    print(i, word[i])
print("never printed")
