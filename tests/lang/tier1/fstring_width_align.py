# Width, fill and alignment for strings and numbers in f-strings.
s, i, x = "ab", 42, 3.5
print(f"[{s:5}] [{s:<5}] [{s:>5}] [{s:^5}] [{s:^6}]")
print(f"[{i:5}] [{i:<5}] [{i:>5}] [{i:^5}] [{i:=5}] [{-i:=6}]")
print(f"[{x:8}] [{x:<8}] [{x:^8}] [{-x:=8}] [{x:08}] [{-x:08}]")
print(f"[{s:*<5}] [{s:*>5}] [{s:*^7}] [{i:0>5}] [{i:x<5}] [{i:.^9}]")
print(f"[{s:1}] [{'longer text':4}] [{i:1}] [{i:0}]")
print(f"[{'é':-^5}] [{'日本':*^6}] [{True:>6}] [{None!s:>6}]")
print(f"[{i:05}] [{-i:05}] [{i:+05}] [{x:+08.2f}] [{-x:010.3f}]")
print(f"[{i:{'<'}{6}}] [{s:{'#'}>{4}}]")
rows = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, 100.125)]
for name, count, ratio in rows:
    print(f"|{name:<8}|{count:>5}|{ratio:>9.3f}|{name:^9}|")
print(f"[{'':>3}] [{'':*^4}] [{0:^3}]")
