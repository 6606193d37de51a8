# A tiny stack virtual machine: an assembler with labels, a VM with calls and frames,
# an expression compiler, and error handling with user exceptions. Ordinary Python style.
from collections import namedtuple, deque
from enum import Enum


class Op(Enum):
    PUSH = "push"
    POP = "pop"
    DUP = "dup"
    SWAP = "swap"
    ADD = "add"
    SUB = "sub"
    MUL = "mul"
    DIV = "div"
    MOD = "mod"
    LT = "lt"
    EQ = "eq"
    JMP = "jmp"
    JZ = "jz"
    LOAD = "load"
    STORE = "store"
    CALL = "call"
    RET = "ret"
    PRINT = "print"
    HALT = "halt"


Instruction = namedtuple("Instruction", ["op", "arg", "line"])


class VMError(Exception):
    def __init__(self, message, pc=None):
        super().__init__(message if pc is None else f"{message} (pc={pc})")
        self.pc = pc


class AssemblyError(VMError):
    pass


class Assembler:
    NEEDS_ARGUMENT = {Op.PUSH, Op.JMP, Op.JZ, Op.LOAD, Op.STORE, Op.CALL}

    def assemble(self, source):
        labels, pending = {}, []
        for line_no, raw in enumerate(source.strip().splitlines(), 1):
            line = raw.split(";")[0].strip()
            if not line:
                continue
            if line.endswith(":"):
                labels[line[:-1]] = len(pending)
                continue
            name, *rest = line.split()
            try:
                op = Op(name.lower())
            except ValueError:
                raise AssemblyError(f"line {line_no}: unknown instruction {name!r}") from None
            if (op in self.NEEDS_ARGUMENT) != bool(rest):
                raise AssemblyError(f"line {line_no}: bad operand count for {op.value}")
            pending.append((op, rest[0] if rest else None, line_no))
        program = []
        for op, arg, line_no in pending:
            if op in (Op.JMP, Op.JZ, Op.CALL):
                if arg not in labels:
                    raise AssemblyError(f"line {line_no}: undefined label {arg!r}")
                arg = labels[arg]
            elif op == Op.PUSH:
                arg = int(arg)
            program.append(Instruction(op, arg, line_no))
        return program


class Frame:
    def __init__(self, return_pc):
        self.return_pc = return_pc
        self.variables = {}


class VM:
    BINARY = {
        Op.ADD: lambda a, b: a + b,
        Op.SUB: lambda a, b: a - b,
        Op.MUL: lambda a, b: a * b,
        Op.LT: lambda a, b: int(a < b),
        Op.EQ: lambda a, b: int(a == b),
    }

    def __init__(self, program, max_steps=100000):
        self.program = program
        self.stack = []
        self.frames = [Frame(None)]
        self.output = []
        self.max_steps = max_steps
        self.steps = 0

    def pop(self, pc):
        if not self.stack:
            raise VMError("stack underflow", pc)
        return self.stack.pop()

    def run(self):
        pc = 0
        while pc < len(self.program):
            self.steps += 1
            if self.steps > self.max_steps:
                raise VMError("step limit exceeded", pc)
            ins = self.program[pc]
            pc += 1
            op = ins.op
            if op == Op.PUSH:
                self.stack.append(ins.arg)
            elif op == Op.POP:
                self.pop(pc - 1)
            elif op == Op.DUP:
                value = self.pop(pc - 1)
                self.stack += [value, value]
            elif op == Op.SWAP:
                b, a = self.pop(pc - 1), self.pop(pc - 1)
                self.stack += [b, a]
            elif op in self.BINARY:
                b, a = self.pop(pc - 1), self.pop(pc - 1)
                self.stack.append(self.BINARY[op](a, b))
            elif op in (Op.DIV, Op.MOD):
                b, a = self.pop(pc - 1), self.pop(pc - 1)
                if b == 0:
                    raise VMError("division by zero", pc - 1)
                self.stack.append(a // b if op == Op.DIV else a % b)
            elif op == Op.JMP:
                pc = ins.arg
            elif op == Op.JZ:
                if self.pop(pc - 1) == 0:
                    pc = ins.arg
            elif op == Op.LOAD:
                frame = self.frames[-1]
                if ins.arg not in frame.variables:
                    raise VMError(f"undefined variable {ins.arg!r}", pc - 1)
                self.stack.append(frame.variables[ins.arg])
            elif op == Op.STORE:
                self.frames[-1].variables[ins.arg] = self.pop(pc - 1)
            elif op == Op.CALL:
                if len(self.frames) > 200:
                    raise VMError("call stack overflow", pc - 1)
                self.frames.append(Frame(pc))
                pc = ins.arg
            elif op == Op.RET:
                frame = self.frames.pop()
                if frame.return_pc is None:
                    raise VMError("return from top level", pc - 1)
                pc = frame.return_pc
            elif op == Op.PRINT:
                self.output.append(self.pop(pc - 1))
            elif op == Op.HALT:
                break
        return self.output


class ExpressionCompiler:
    """Compiles infix integer expressions to VM code with the shunting-yard algorithm."""
    PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2}
    OPCODES = {"+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod"}

    def tokenize(self, text):
        number = ""
        for ch in text + " ":
            if ch.isdigit():
                number += ch
                continue
            if number:
                yield number
                number = ""
            if ch in self.PRECEDENCE or ch in "()":
                yield ch
            elif not ch.isspace():
                yield ch

    def compile(self, text):
        output, operators = [], deque()
        for token in self.tokenize(text):
            if token.isdigit():
                output.append(f"push {token}")
            elif token.isalpha():
                output.append(f"load {token}")
            elif token == "(":
                operators.append(token)
            elif token == ")":
                while operators[-1] != "(":
                    output.append(self.OPCODES[operators.pop()])
                operators.pop()
            else:
                while operators and operators[-1] != "(" and \
                        self.PRECEDENCE[operators[-1]] >= self.PRECEDENCE[token]:
                    output.append(self.OPCODES[operators.pop()])
                operators.append(token)
        while operators:
            output.append(self.OPCODES[operators.pop()])
        return "\n".join(output + ["print"])


FACTORIAL = """
    push 10
    store n
    push 1
    store acc
loop:
    load n
    jz done
    load acc
    load n
    mul
    store acc
    load n
    push 1
    sub
    store n
    jmp loop
done:
    load acc
    print
    halt
"""

SQUARES = """
    push 1
    call square     ; prints 1
    push 12
    call square
    push 7
    call square
    halt
square:
    dup
    mul
    print
    ret
"""


def run_source(source, label):
    try:
        program = Assembler().assemble(source)
        vm = VM(program)
        print(f"{label}: output={vm.run()} steps={vm.steps} stack={vm.stack}")
    except AssemblyError as e:
        print(f"{label}: assembly error: {e}")
    except VMError as e:
        print(f"{label}: runtime error: {e} [pc attribute {e.pc}]")


if __name__ == "__main__":
    run_source(FACTORIAL, "factorial")
    run_source(SQUARES, "squares")
    program = Assembler().assemble(FACTORIAL)
    print(program[0], len(program), program[-3].op.name, program[5].arg)
    compiler = ExpressionCompiler()
    for expr in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 % 4", "2 * (3 + 4) * (5 - 1)", "8 - 3 - 2"]:
        code = compiler.compile(expr)
        run_source(code, expr)
    print(compiler.compile("(a + 1) * b").splitlines())
    run_source("push 5\nstore a\npush 6\nstore b\n" + compiler.compile("(a + 1) * b"), "variables")
    run_source("push 1\npush 0\ndiv\nprint", "div0")
    run_source("add", "underflow")
    run_source("load ghost", "undefined")
    run_source("loop:\njmp loop", "infinite")
    run_source("jmp nowhere", "bad label")
    run_source("push", "missing operand")
    run_source("frobnicate 3", "unknown")
    run_source("ret", "toplevel ret")
    run_source("f:\ncall f", "recursion")
    ops = [op.value for op in Op]
    print(len(ops), ops[:5], Op("halt") is Op.HALT, Op.PUSH in Assembler.NEEDS_ARGUMENT)
