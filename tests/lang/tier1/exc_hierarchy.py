# The standard exception hierarchy: except clauses match subclasses; tuples of types.
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
         (KeyError, LookupError), (IndexError, LookupError), (RecursionError, RuntimeError),
         (NotImplementedError, RuntimeError), (UnboundLocalError, NameError),
         (StopIteration, Exception), (KeyboardInterrupt, Exception), (KeyboardInterrupt, BaseException),
         (Exception, BaseException), (ValueError, Exception), (AssertionError, Exception),
         (AttributeError, Exception), (TypeError, ValueError), (SystemExit, Exception), (bool, int)]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
def classify(fn):
    try:
        fn()
    except (KeyError, IndexError) as e:
        return "lookup: " + type(e).__name__
    except ArithmeticError as e:
        return "arith: " + type(e).__name__
    except (TypeError, ValueError):
        return "type-or-value"
    except Exception as e:
        return "other: " + type(e).__name__
    return "none"
print(classify(lambda: [][1]), classify(lambda: {}[1]), classify(lambda: 1 / 0))
print(classify(lambda: 2.0 ** 5000), classify(lambda: int("x")), classify(lambda: None + 1))
print(classify(lambda: undefined), classify(lambda: None), classify(lambda: next(iter(()))))
print(isinstance(KeyError("x"), LookupError), isinstance(ValueError(), (TypeError, ValueError)))
try:
    try:
        raise KeyError("inner")
    except IndexError:
        print("wrong handler")
except LookupError as e:
    print("outer handler got", repr(e))
