# String slicing: start/stop/step, negatives, out-of-range bounds, reversal.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::3], s[::-1], s[::-2], s[8:2:-2], s[-1:-5:-1])
print(repr(s[5:2]), repr(s[20:]), s[-100:3], s[3:100], repr(s[10:]))
print(s[2:8:3], s[9:0:-3], s[:0:-1], repr(s[0:0:-1]), s[::-1][::-1] == s)
print(s[1:-1], s[-1:], s[:-1], s[::11], s[::-11])
t = "héllo wörld"
print(t[1:4], t[::-1], t[-5:], t[::2])
for start in (None, 0, 3, -3):
    for stop in (None, 5, -1):
        for step in (None, 1, 2, -1):
            print(start, stop, step, repr(s[start:stop:step]))
