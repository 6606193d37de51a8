# Uncaught ValueError from str.index.
# expect: ValueError: substring not found
text = "the quick brown fox"
for word in ["quick", "fox", "the"]:
    print(word, text.index(word), text.find(word))
print(text.find("dog"))
print(text.count("o"), text.rfind("o"), text.find("o", 13))
print("dog" in text, text.startswith("the"))
print(text.index("brown", 5, 20))
print(text.index("dog"))
