# Word frequency report over an embedded text.
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""
words = []
for raw in text.split():
    word = raw.strip(",.;:!?").lower()
    if word:
        words.append(word)
print(len(words), "words,", len(set(words)), "distinct")
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
ranking = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, count in ranking[:8]:
    print(f"{word:<12}{count:>3} {'#' * count}")
by_len = {}
for w in sorted(set(words)):
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, by_len[length])
print("longest:", max(words, key=len), "first 'season' at", words.index("season"))
