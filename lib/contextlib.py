"""contextlib for Stitch: contextmanager, suppress, closing, nullcontext, ExitStack.
(redirect_stdout waits for print() to consult sys.stdout.)

@contextmanager turns a generator into a context manager with CPython's rules: the code before
the yield is __enter__, an exception in the with-block is thrown into the generator at the yield
(and is suppressed if the generator swallows it), and a generator that yields twice or does not
stop raises RuntimeError ("generator didn't stop", "generator didn't yield").
"""


class _GeneratorContextManager:
    def __init__(self, function, args, kwargs):
        self._generator = function(*args, **kwargs)
        self._function = function
        self._args = args
        self._kwargs = kwargs

    def __call__(self, function):
        # Used as a decorator: a fresh context manager per call.
        outer = self

        def inner(*args, **kwargs):
            with _GeneratorContextManager(outer._function, outer._args, outer._kwargs):
                return function(*args, **kwargs)
        return inner

    def __enter__(self):
        try:
            return next(self._generator)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            try:
                next(self._generator)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if exc_value is None:
            exc_value = exc_type()
        try:
            self._generator.throw(exc_value)
        except StopIteration as stop:
            return stop is not exc_value
        except RuntimeError as error:
            # PEP 479 turned a StopIteration raised in the block into RuntimeError: not ours.
            if error is exc_value:
                return False
            if isinstance(exc_value, StopIteration) and error.__cause__ is exc_value:
                return False
            raise
        except BaseException as error:
            if error is not exc_value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(function):
    def helper(*args, **kwargs):
        return _GeneratorContextManager(function, args, kwargs)
    helper.__name__ = getattr(function, "__name__", "helper")
    helper.__doc__ = getattr(function, "__doc__", None)
    helper.__wrapped__ = function
    return helper


class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc_value, traceback):
        return exc_type is not None and issubclass(exc_type, self._exceptions)


class closing:
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *exc_info):
        return None


class ExitStack:
    """Calls registered exit callbacks in reverse order, as nested with-statements would."""

    def __init__(self):
        self._callbacks = []

    def __enter__(self):
        return self

    def enter_context(self, manager):
        result = type(manager).__enter__(manager)
        self._callbacks.append(lambda *exc: type(manager).__exit__(manager, *exc))
        return result

    def callback(self, function, *args, **kwargs):
        self._callbacks.append(lambda *exc: function(*args, **kwargs))
        return function

    def push(self, exit_callback):
        exit_method = getattr(type(exit_callback), "__exit__", None)
        if exit_method is not None:
            self._callbacks.append(lambda *exc: exit_method(exit_callback, *exc))
        else:
            self._callbacks.append(exit_callback)
        return exit_callback

    def pop_all(self):
        stack = ExitStack()
        stack._callbacks = self._callbacks
        self._callbacks = []
        return stack

    def close(self):
        self.__exit__(None, None, None)

    def __exit__(self, exc_type, exc_value, traceback):
        suppressed = False
        pending = exc_value
        while self._callbacks:
            callback = self._callbacks.pop()
            try:
                if callback(type(pending) if pending is not None else None, pending,
                            pending.__traceback__ if pending is not None else None):
                    suppressed = True
                    pending = None
            except BaseException as error:
                if pending is not None and error is not pending:
                    error.__context__ = pending
                pending = error
                suppressed = False
        if pending is not None and pending is not exc_value:
            raise pending
        return suppressed or (exc_value is not None and pending is None)
