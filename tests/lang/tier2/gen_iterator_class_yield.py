# Classes whose __iter__ is a generator function; reversed() via __reversed__.
class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)

    def __iter__(self):
        for index, song in enumerate(self.songs, 1):
            yield f"{index}. {song}"

    def __reversed__(self):
        for song in self.songs[::-1]:
            yield song

    def __len__(self):
        return len(self.songs)


p = Playlist("intro", "verse", "chorus")
for entry in p:
    print(entry)
print(list(p), len(p))
print(list(reversed(p)))
it = iter(p)
print(type(it).__name__, next(it))
class Range2D:
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
    def __iter__(self):
        for r in range(self.rows):
            for c in range(self.cols):
                yield r, c
    def __contains__(self, pos):
        r, c = pos
        return 0 <= r < self.rows and 0 <= c < self.cols
grid = Range2D(2, 3)
print(list(grid), (1, 2) in grid, (2, 0) in grid)
print(dict.fromkeys(grid, 0).__len__(), max(grid))
