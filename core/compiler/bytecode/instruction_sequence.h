// The compiler's intermediate form for one code object: a linear list of instructions with
// symbolic jump labels, plus the pseudo-instructions CPython 3.11's compiler uses to describe
// try blocks (SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH push a handler, POP_BLOCK pops it) and a
// direction-less JUMP. The assembler (assembler.h) turns it into words, a line table and an
// exception table; the pseudo-instructions never reach the bytecode.
//
// Every instruction carries the source location that was current when it was emitted; line -1
// marks an artificial instruction (the assembler gives it its predecessor's line when it has a
// single, fall-through predecessor, as CPython does).
#pragma once

#include <cstdint>
#include <vector>

#include "core/compiler/bytecode/opcodes.h"

namespace stitch::bytecode {

/// Operations above 0xff exist only in the instruction sequence.
enum PseudoOp : std::uint16_t {
  kSetupFinally = 0x100,  ///< handler gets: ... exc
  kSetupCleanup,          ///< handler gets: ... lasti exc
  kSetupWith,             ///< like kSetupCleanup, after BEFORE_WITH (the handler drops the enter result)
  kPopBlock,
  kJump,                  ///< becomes JUMP_FORWARD or JUMP_BACKWARD
};

struct Location {
  std::int32_t line = -1;
  std::int32_t end_line = -1;
  std::int32_t column = -1;
  std::int32_t end_column = -1;
  bool operator==(const Location&) const = default;
};

struct Instruction {
  std::uint16_t op;  ///< an Opcode value or a PseudoOp
  std::uint32_t arg = 0;
  int label = -1;    ///< jump target, for jumps and SETUP_*
  Location location;
};

class InstructionSequence {
 public:
  int new_label() {
    label_positions_.push_back(-1);
    return static_cast<int>(label_positions_.size()) - 1;
  }
  /// Places `label` before the next instruction emitted.
  void bind(int label) { label_positions_[static_cast<size_t>(label)] = static_cast<int>(instructions_.size()); }
  void emit(std::uint16_t op, std::uint32_t arg, Location location) {
    instructions_.push_back({op, arg, -1, location});
  }
  void emit_jump(std::uint16_t op, int label, Location location) {
    instructions_.push_back({op, 0, label, location});
  }

  /// Whether some label is placed at the current end (so the last instruction starts no block).
  bool label_at(int position) const {
    for (int placed : label_positions_) {
      if (placed == position) return true;
    }
    return false;
  }
  const std::vector<Instruction>& instructions() const { return instructions_; }
  std::vector<Instruction>& mutable_instructions() { return instructions_; }
  int label_position(int label) const { return label_positions_[static_cast<size_t>(label)]; }
  size_t label_count() const { return label_positions_.size(); }

 private:
  std::vector<Instruction> instructions_;
  std::vector<int> label_positions_;
};

inline bool is_pseudo(std::uint16_t op) { return op >= 0x100; }
inline bool is_jump(std::uint16_t op) {
  switch (op) {
    case kJump:
    case static_cast<std::uint16_t>(Opcode::JUMP_FORWARD):
    case static_cast<std::uint16_t>(Opcode::JUMP_BACKWARD):
    case static_cast<std::uint16_t>(Opcode::POP_JUMP_IF_FALSE):
    case static_cast<std::uint16_t>(Opcode::POP_JUMP_IF_TRUE):
    case static_cast<std::uint16_t>(Opcode::POP_JUMP_IF_NONE):
    case static_cast<std::uint16_t>(Opcode::POP_JUMP_IF_NOT_NONE):
    case static_cast<std::uint16_t>(Opcode::JUMP_IF_FALSE_OR_POP):
    case static_cast<std::uint16_t>(Opcode::JUMP_IF_TRUE_OR_POP):
    case static_cast<std::uint16_t>(Opcode::FOR_ITER):
    case static_cast<std::uint16_t>(Opcode::SEND):
      return true;
    default:
      return false;
  }
}

}  // namespace stitch::bytecode
