# An unknown __future__ feature is rejected at compile time.
# expect: SyntaxError: future feature telepathy is not defined
from __future__ import annotations
from __future__ import telepathy

class Mind:
    def read(self) -> str:
        return "nothing"

print(Mind().read())
print("never printed")
