# is* predicates on typical and edge-case strings.
samples = ["abc", "ABC", "Abc", "abc123", "123", "12.5", "-5", "", " ", "\t\n", "a b",
           "ß", "½", "²", "Ⅻ", "٣", "_", "Title Case", "UPPER1", "lower!"]
print("sample isdigit isalpha isspace isalnum isupper islower istitle isdecimal isnumeric")
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isalnum(), s.isupper(),
          s.islower(), s.istitle(), s.isdecimal(), s.isnumeric())
print("abc".isidentifier(), "1abc".isidentifier(), "_x1".isidentifier(), "a-b".isidentifier())
print("hello".isascii(), "héllo".isascii(), "".isascii(), "abc\x7f".isprintable(), "abc".isprintable())
text = "Room 101, floor 3, building B"
print([w for w in text.replace(",", "").split() if w.isdigit()])
print(sum(c.isupper() for c in text), sum(c.isspace() for c in text))
