// The assembler: instruction sequence -> bytecode words, line table, exception table, stack size.
//
// Algorithm (CPython 3.11's assemble(), reorganised around a linear sequence):
//  1. Split the sequence into basic blocks: a block starts at a label or after a jump/terminator.
//  2. One worklist pass from the entry block computes, for every reachable block, its entry
//     stack depth and its handler stack (the active SETUP_* handlers). SETUP_X propagates its
//     handler block with depth + (1 for FINALLY, 2 for CLEANUP, 1 for WITH, whose enter result is
//     dropped) and the handler stack as it was *before* the push (the handler runs outside its
//     own try); POP_BLOCK pops. A block reached twice with different depths is a compiler bug
//     and reported as an error. The maximum depth seen is the stack size.
//  3. Unreachable blocks are dropped, and a JUMP to the block that follows is removed.
//  4. Layout: instruction sizes are fixed (24-bit opargs, no EXTENDED_ARG), so one pass assigns
//     offsets and a second encodes jumps relative to the word after the jump and its caches.
//     Conditional jumps must be forward (the instruction set has no backward forms): the code
//     generator only emits forward ones.
//  5. The exception table maps each run of instructions with the same innermost handler to it,
//     with depth = handler entry depth - 1 - push_lasti.
//  6. The line table has one entry per run of instructions with the same location.
// Invariant: the output has no pseudo-instructions and every jump lands on an instruction start.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/compiler/bytecode/instruction_sequence.h"
#include "core/object/code.h"

namespace stitch::bytecode {

struct AssembledCode {
  std::vector<std::uint32_t> bytecode;
  std::vector<LineTableEntry> lines;
  std::vector<ExceptionTableEntry> exception_table;
  std::int32_t stacksize = 0;
};

/// Stack effect of `op` with `arg`; `jumping` selects the effect along the jump edge.
int stack_effect(std::uint16_t op, std::uint32_t arg, bool jumping);

/// Assembles `sequence`; returns an empty string on success, else the (internal) error.
std::string assemble(const InstructionSequence& sequence, AssembledCode* out);

}  // namespace stitch::bytecode
