# Passing a keyword-only argument positionally.
# expect: TypeError: resize() takes 1 positional argument but 2 were given
def resize(image, *, width=100, height=None):
    height = height if height is not None else width
    return f"{image} -> {width}x{height}"
print(resize("cat.png"))
print(resize("dog.png", width=20))
print(resize("fox.png", height=5, width=10))
print(resize.__kwdefaults__)
print(resize("owl.png", 300))
