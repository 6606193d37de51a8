# deltablue: an incremental one-way dataflow constraint solver in the style of
# the DeltaBlue algorithm (Freeman-Benson, Maloney and Borning). Variables are
# linked by constraints of different strengths; adding or removing a
# constraint re-plans only the part of the graph it affects, and an
# extracted plan re-executes the chosen methods when an input changes.
# Each iteration runs a chain test (a long chain of equalities driven from
# one end) and a projection test (many scale/offset constraints sharing two
# variables). All state lives in a Planner instance: no mutable globals.
# Size = number of rounds; round r uses a chain of 100 + r % 10 variables and
# as many projections. Result: a checksum of the variable values observed plus
# the number of marks the planners used.
# quick-size: 15
import sys
import time

DEFAULT_SIZE = 50
EXPECTED = {
    1: 229645,
    15: 3582770,
    25: 5992275,
    50: 12047525,
}

FORWARD = 1
BACKWARD = 2
NO_DIRECTION = 0


class Strength:
    """A constraint's priority; a lower value is a stronger constraint."""

    def __init__(self, value, name):
        self.value = value
        self.name = name

    def stronger_than(self, other):
        return self.value < other.value

    def weaker_than(self, other):
        return self.value > other.value

    def weakest_of(self, other):
        return self if self.weaker_than(other) else other

    def next_weaker(self):
        return STRENGTHS[self.value + 1]

    def __repr__(self):
        return f"Strength({self.name})"


STRENGTHS = [
    Strength(0, "required"),
    Strength(1, "strong preferred"),
    Strength(2, "preferred"),
    Strength(3, "strong default"),
    Strength(4, "normal"),
    Strength(5, "weak default"),
    Strength(6, "weakest"),
]
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = STRENGTHS


class SolverError(Exception):
    pass


class Variable:
    """A value plus the solver's bookkeeping: who determines it and how firmly."""

    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def attach(self, constraint):
        self.constraints.append(constraint)

    def detach(self, constraint):
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None

    def __repr__(self):
        return f"Variable({self.name}={self.value})"


class Constraint:
    """Base class: a relation between variables that the planner tries to satisfy."""

    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def install(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def satisfy(self, mark):
        """Picks a method and enforces it; returns the constraint it overrode, if any."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise SolverError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        output = self.output()
        overridden = output.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        output.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise SolverError("cycle encountered")
        output.mark = mark
        return overridden

    def uninstall(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    """A constraint on a single variable, satisfied by writing that variable."""

    def __init__(self, planner, variable, strength):
        Constraint.__init__(self, planner, strength)
        self.variable = variable
        self.satisfied = False
        self.install()

    def add_to_graph(self):
        self.variable.attach(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.variable.detach(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = (self.variable.mark != mark
                          and self.strength.stronger_than(self.variable.walk_strength))

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.variable

    def recalculate(self):
        self.variable.walk_strength = self.strength
        self.variable.stay = not self.is_input()
        if self.variable.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def execute(self):
        pass


class StayConstraint(UnaryConstraint):
    """Keeps a variable at its current value unless something stronger changes it."""


class EditConstraint(UnaryConstraint):
    """Marks a variable as an input that the program is about to change."""

    def is_input(self):
        return True


class BinaryConstraint(Constraint):
    """A constraint between two variables that can be enforced in either direction."""

    def __init__(self, planner, first, second, strength):
        Constraint.__init__(self, planner, strength)
        self.first = first
        self.second = second
        self.direction = NO_DIRECTION
        self.install()

    def add_to_graph(self):
        self.first.attach(self)
        self.second.attach(self)
        self.direction = NO_DIRECTION

    def remove_from_graph(self):
        self.first.detach(self)
        self.second.detach(self)
        self.direction = NO_DIRECTION

    def choose_method(self, mark):
        first, second, strength = self.first, self.second, self.strength
        if first.mark == mark:
            if second.mark != mark and strength.stronger_than(second.walk_strength):
                self.direction = FORWARD
            else:
                self.direction = NO_DIRECTION
            return
        if second.mark == mark:
            if first.mark != mark and strength.stronger_than(first.walk_strength):
                self.direction = BACKWARD
            else:
                self.direction = NO_DIRECTION
            return
        if first.walk_strength.weaker_than(second.walk_strength):
            self.direction = BACKWARD if strength.stronger_than(first.walk_strength) else NO_DIRECTION
        else:
            self.direction = FORWARD if strength.stronger_than(second.walk_strength) else NO_DIRECTION

    def is_satisfied(self):
        return self.direction != NO_DIRECTION

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.first if self.direction == FORWARD else self.second

    def output(self):
        return self.second if self.direction == FORWARD else self.first

    def recalculate(self):
        source, target = self.input(), self.output()
        target.walk_strength = self.strength.weakest_of(source.walk_strength)
        target.stay = source.stay
        if target.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NO_DIRECTION

    def inputs_known(self, mark):
        source = self.input()
        return source.mark == mark or source.stay or source.determined_by is None


class EqualityConstraint(BinaryConstraint):
    """second == first."""

    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """second == first * scale + offset, where scale and offset are variables too."""

    def __init__(self, planner, source, scale, offset, destination, strength):
        self.scale = scale
        self.offset = offset
        BinaryConstraint.__init__(self, planner, source, destination, strength)

    def add_to_graph(self):
        BinaryConstraint.add_to_graph(self)
        self.scale.attach(self)
        self.offset.attach(self)

    def remove_from_graph(self):
        BinaryConstraint.remove_from_graph(self)
        self.scale.detach(self)
        self.offset.detach(self)

    def mark_inputs(self, mark):
        BinaryConstraint.mark_inputs(self, mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.second.value = self.first.value * self.scale.value + self.offset.value
        else:
            self.first.value = (self.second.value - self.offset.value) // self.scale.value

    def recalculate(self):
        source, target = self.input(), self.output()
        target.walk_strength = self.strength.weakest_of(source.walk_strength)
        target.stay = source.stay and self.scale.stay and self.offset.stay
        if target.stay:
            self.execute()


class Plan:
    """An ordered list of constraints whose methods, run in order, propagate an edit."""

    def __init__(self):
        self.steps = []

    def add(self, constraint):
        self.steps.append(constraint)

    def __len__(self):
        return len(self.steps)

    def execute(self):
        for constraint in self.steps:
            constraint.execute()


class Planner:
    """Owns the marks and implements incremental addition and removal."""

    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        mark = self.new_mark()
        overridden = constraint.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, constraint):
        output = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(output)
        strength = REQUIRED
        while True:
            for candidate in unsatisfied:
                if candidate.strength is strength:
                    self.incremental_add(candidate)
            strength = strength.next_weaker()
            if strength is WEAKEST:
                break

    def add_propagate(self, constraint, mark):
        """Recomputes the walk strengths downstream of constraint; False on a cycle."""
        todo = [constraint]
        position = 0
        while position < len(todo):
            current = todo[position]
            position += 1
            if current.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            current.recalculate()
            self.collect_consumers(current.output(), todo)
        return True

    def remove_propagate_from(self, variable):
        """Clears what `variable` determined; returns the constraints left unsatisfied."""
        variable.determined_by = None
        variable.walk_strength = WEAKEST
        variable.stay = True
        unsatisfied = []
        todo = [variable]
        position = 0
        while position < len(todo):
            current = todo[position]
            position += 1
            for constraint in current.constraints:
                if not constraint.is_satisfied():
                    unsatisfied.append(constraint)
            determining = current.determined_by
            for constraint in current.constraints:
                if constraint is not determining and constraint.is_satisfied():
                    constraint.recalculate()
                    todo.append(constraint.output())
        return unsatisfied

    def collect_consumers(self, variable, into):
        """Appends the satisfied constraints that read `variable` (work-list order is FIFO)."""
        determining = variable.determined_by
        for constraint in variable.constraints:
            if constraint is not determining and constraint.is_satisfied():
                into.append(constraint)

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        position = 0
        while position < len(todo):
            constraint = todo[position]
            position += 1
            output = constraint.output()
            if output.mark != mark and constraint.inputs_known(mark):
                plan.add(constraint)
                output.mark = mark
                self.collect_consumers(output, todo)
        return plan

    def plan_for_edits(self, edits):
        return self.make_plan([c for c in edits if c.is_input() and c.is_satisfied()])

    def change(self, variable, new_value, repeats):
        edit = EditConstraint(self, variable, PREFERRED)
        plan = self.plan_for_edits([edit])
        for _ in range(repeats):
            variable.value = new_value
            plan.execute()
        edit.uninstall()


def check(condition, message):
    if not condition:
        raise SolverError(message)


def chain_test(length):
    """A chain v0 == v1 == ... == vN with a stay on vN, edited from v0."""
    planner = Planner()
    chain = [Variable(f"v{index}") for index in range(length + 1)]
    for index in range(length):
        EqualityConstraint(planner, chain[index], chain[index + 1], REQUIRED)
    StayConstraint(planner, chain[-1], STRONG_DEFAULT)
    edit = EditConstraint(planner, chain[0], PREFERRED)
    plan = planner.plan_for_edits([edit])
    checksum = len(plan)
    for value in range(100):
        chain[0].value = value
        plan.execute()
        check(chain[-1].value == value, "chain test propagated a wrong value")
        checksum += chain[length // 2].value
    edit.uninstall()
    return checksum + planner.current_mark


def projection_test(count):
    """`count` destinations dst_i == src_i * scale + offset, edited from both ends."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    source = destination = None
    destinations = []
    for index in range(count):
        source = Variable(f"src{index}", index)
        destination = Variable(f"dst{index}", index)
        destinations.append(destination)
        StayConstraint(planner, source, NORMAL)
        ScaleConstraint(planner, source, scale, offset, destination, REQUIRED)
    planner.change(source, 17, 10)
    check(destination.value == 1170, "projection test: forward propagation failed")
    planner.change(destination, 1050, 10)
    check(source.value == 5, "projection test: backward propagation failed")
    planner.change(scale, 5, 10)
    for index in range(count - 1):
        check(destinations[index].value == index * 5 + 1000, "projection test: scale change failed")
    planner.change(offset, 2000, 10)
    for index in range(count - 1):
        check(destinations[index].value == index * 5 + 2000, "projection test: offset change failed")
    return sum(variable.value for variable in destinations) + planner.current_mark


def main(n):
    checksum = 0
    for round_index in range(n):
        length = 100 + round_index % 10
        checksum += chain_test(length) + projection_test(length)
    return checksum


# ---- benchmark driver: identical in every program of bench/programs/ ----
def _bench_driver():
    options = {"--iterations": 5, "--warmup": 1, "--size": DEFAULT_SIZE}
    args = sys.argv[1:]
    if len(args) % 2 or any(flag not in options for flag in args[::2]):
        print(f"usage: {sys.argv[0]} [--iterations K] [--warmup W] [--size S]", file=sys.stderr)
        sys.exit(2)
    for flag, value in zip(args[::2], args[1::2]):
        options[flag] = int(value)
    size, warmup = options["--size"], options["--warmup"]
    if size not in EXPECTED:
        print(f"{sys.argv[0]}: no EXPECTED result for size {size} (known: {sorted(EXPECTED)})",
              file=sys.stderr)
        sys.exit(1)
    for index in range(warmup + options["--iterations"]):
        start = time.perf_counter()
        result = main(size)
        seconds = time.perf_counter() - start
        if result != EXPECTED[size]:
            print(f"{sys.argv[0]}: WRONG RESULT for size {size}: got {result!r}, "
                  f"expected {EXPECTED[size]!r}", file=sys.stderr)
            sys.exit(1)
        print(f"@@bench iter={index} warmup={1 if index < warmup else 0} seconds={seconds:.9f}")
    print("@@bench result=ok")


if __name__ == "__main__":
    _bench_driver()
