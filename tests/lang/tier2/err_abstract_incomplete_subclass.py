# A subclass that forgets some abstract methods stays abstract (methods listed sorted).
# expect: TypeError: Can't instantiate abstract class Lazy with abstract methods load, save
from abc import ABC, abstractmethod
class Storage(ABC):
    @abstractmethod
    def save(self, data): ...
    @abstractmethod
    def load(self): ...
    @abstractmethod
    def name(self): ...
class Lazy(Storage):
    def name(self):
        return "lazy"
print(sorted(Lazy.__abstractmethods__))
Lazy()
