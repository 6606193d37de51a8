#include "core/compiler/bytecode/assembler.h"

#include <algorithm>
#include <bit>
#include <optional>

namespace stitch::bytecode {

namespace {

constexpr std::uint16_t op_code(Opcode op) { return static_cast<std::uint16_t>(op); }

bool is_terminator(std::uint16_t op) {
  switch (op) {
    case kJump:
    case op_code(Opcode::JUMP_FORWARD):
    case op_code(Opcode::JUMP_BACKWARD):
    case op_code(Opcode::RETURN_VALUE):
    case op_code(Opcode::RAISE_VARARGS):
    case op_code(Opcode::RERAISE):
      return true;
    default:
      return false;
  }
}

bool is_setup(std::uint16_t op) { return op == kSetupFinally || op == kSetupCleanup || op == kSetupWith; }

int instruction_words(std::uint16_t op) {
  if (op == kSetupFinally || op == kSetupCleanup || op == kSetupWith || op == kPopBlock) return 0;
  if (op == kJump) return 1;
  return 1 + opcode_cache_words(static_cast<Opcode>(op));
}

struct Block {
  int begin = 0;
  int end = 0;
  int depth = -1;                 // entry depth; -1: not reached
  std::vector<int> handlers;      // handler stack at entry (block indexes)
  int predecessors = 0;
  bool only_fallthrough = true;   // every predecessor falls through into it
  int handler_setup = -1;         // when this block is a handler: the SETUP op that installs it
  int offset = 0;                 // first word
};

}  // namespace

int stack_effect(std::uint16_t op, std::uint32_t arg, bool jumping) {
  const int n = static_cast<int>(arg);
  switch (op) {
    case kSetupFinally: return jumping ? 1 : 0;
    case kSetupCleanup: return jumping ? 2 : 0;
    case kSetupWith: return jumping ? 1 : 0;
    case kPopBlock:
    case kJump: return 0;
    default: break;
  }
  switch (static_cast<Opcode>(op)) {
    case Opcode::NOP: return 0;
    case Opcode::POP_TOP: return -1;
    case Opcode::PUSH_NULL: return 1;
    case Opcode::COPY: return 1;
    case Opcode::SWAP: return 0;
    case Opcode::LOAD_CONST:
    case Opcode::LOAD_FAST:
    case Opcode::LOAD_DEREF:
    case Opcode::LOAD_CLOSURE:
    case Opcode::LOAD_CLASSDEREF:
    case Opcode::LOAD_NAME: return 1;
    case Opcode::STORE_FAST:
    case Opcode::STORE_DEREF:
    case Opcode::STORE_GLOBAL:
    case Opcode::STORE_NAME: return -1;
    case Opcode::DELETE_FAST:
    case Opcode::DELETE_DEREF:
    case Opcode::DELETE_GLOBAL:
    case Opcode::DELETE_NAME:
    case Opcode::MAKE_CELL:
    case Opcode::COPY_FREE_VARS: return 0;
    case Opcode::LOAD_GLOBAL: return 1 + static_cast<int>(arg & 1);
    case Opcode::LOAD_ATTR: return 0;
    case Opcode::LOAD_METHOD: return 1;
    case Opcode::STORE_ATTR: return -2;
    case Opcode::DELETE_ATTR: return -1;
    case Opcode::BINARY_SUBSCR: return -1;
    case Opcode::STORE_SUBSCR: return -3;
    case Opcode::DELETE_SUBSCR: return -2;
    case Opcode::BUILD_SLICE: return 1 - n;
    case Opcode::BINARY_OP: return -1;
    case Opcode::UNARY_NEGATIVE:
    case Opcode::UNARY_POSITIVE:
    case Opcode::UNARY_INVERT:
    case Opcode::UNARY_NOT: return 0;
    case Opcode::COMPARE_OP:
    case Opcode::IS_OP:
    case Opcode::CONTAINS_OP: return -1;
    case Opcode::JUMP_FORWARD:
    case Opcode::JUMP_BACKWARD: return 0;
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE:
    case Opcode::POP_JUMP_IF_NOT_NONE: return -1;
    case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP: return jumping ? 0 : -1;
    case Opcode::GET_ITER: return 0;
    case Opcode::FOR_ITER: return jumping ? -1 : 1;
    case Opcode::RETURN_VALUE: return -1;
    case Opcode::BUILD_TUPLE:
    case Opcode::BUILD_LIST:
    case Opcode::BUILD_SET:
    case Opcode::BUILD_STRING: return 1 - n;
    case Opcode::BUILD_MAP: return 1 - 2 * n;
    case Opcode::BUILD_CONST_KEY_MAP: return -n;
    case Opcode::LIST_APPEND:
    case Opcode::SET_ADD: return -1;
    case Opcode::MAP_ADD: return -2;
    case Opcode::LIST_EXTEND:
    case Opcode::SET_UPDATE:
    case Opcode::DICT_UPDATE:
    case Opcode::DICT_MERGE: return -1;
    case Opcode::LIST_TO_TUPLE: return 0;
    case Opcode::UNPACK_SEQUENCE: return n - 1;
    case Opcode::UNPACK_EX: return static_cast<int>(arg & 0xff) + static_cast<int>(arg >> 8);
    case Opcode::FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case Opcode::KW_NAMES: return 0;
    case Opcode::CALL: return -(n + 1);
    case Opcode::CALL_FUNCTION_EX: return -2 - static_cast<int>(arg & 1);
    case Opcode::MAKE_FUNCTION: return -std::popcount(arg & 0xfu);
    case Opcode::LOAD_BUILD_CLASS: return 1;
    case Opcode::RAISE_VARARGS: return -n;
    case Opcode::RERAISE: return -1;
    case Opcode::PUSH_EXC_INFO: return 1;
    case Opcode::POP_EXCEPT: return -1;
    case Opcode::CHECK_EXC_MATCH: return 0;
    case Opcode::LOAD_ASSERTION_ERROR: return 1;
    case Opcode::BEFORE_WITH: return 1;
    case Opcode::WITH_EXCEPT_START: return 1;
    case Opcode::IMPORT_NAME: return -1;
    case Opcode::IMPORT_FROM: return 1;
    case Opcode::IMPORT_STAR: return -1;
    case Opcode::RETURN_GENERATOR: return 1;
    case Opcode::YIELD_VALUE: return 0;
    case Opcode::GET_YIELD_FROM_ITER: return 0;
    case Opcode::SEND: return jumping ? -1 : 0;
    case Opcode::SETUP_ANNOTATIONS: return 0;
    case Opcode::kCount: break;
  }
  return 0;
}

std::string assemble(const InstructionSequence& sequence, AssembledCode* out) {
  std::vector<Instruction> instrs = sequence.instructions();
  const int count = static_cast<int>(instrs.size());

  // 1. Basic blocks. A block starts at 0, at each label position and after each jump/terminator.
  std::vector<bool> starts(static_cast<size_t>(count) + 1, false);
  starts[0] = true;
  for (size_t label = 0; label < sequence.label_count(); ++label) {
    int position = sequence.label_position(static_cast<int>(label));
    if (position < 0) return "label used but never placed";
    starts[static_cast<size_t>(position)] = true;
  }
  for (int i = 0; i < count; ++i) {
    if (is_jump(instrs[static_cast<size_t>(i)].op) || is_terminator(instrs[static_cast<size_t>(i)].op)) {
      starts[static_cast<size_t>(i) + 1] = true;
    }
  }
  std::vector<Block> blocks;
  std::vector<int> block_at(static_cast<size_t>(count) + 1, -1);
  for (int i = 0; i <= count; ++i) {
    if (!starts[static_cast<size_t>(i)]) continue;
    if (!blocks.empty()) blocks.back().end = i;
    block_at[static_cast<size_t>(i)] = static_cast<int>(blocks.size());
    Block block;
    block.begin = i;
    block.end = count;
    blocks.push_back(std::move(block));
  }
  auto block_of_label = [&](int label) { return block_at[static_cast<size_t>(sequence.label_position(label))]; };

  // 2. Depths and handler stacks by a worklist pass.
  std::vector<int> instr_handler(static_cast<size_t>(count), -1);
  std::vector<int> worklist;
  std::string error;
  int max_depth = 0;
  auto reach = [&](int target, int depth, const std::vector<int>& handlers, bool fallthrough) {
    Block& block = blocks[static_cast<size_t>(target)];
    block.predecessors += 1;
    if (!fallthrough) block.only_fallthrough = false;
    if (depth < 0 && error.empty()) error = "negative stack depth";
    if (block.depth < 0) {
      block.depth = depth;
      block.handlers = handlers;
      worklist.push_back(target);
    } else if (block.depth != depth && error.empty()) {
      error = "inconsistent stack depth at block " + std::to_string(target);
    }
  };
  reach(0, 0, {}, true);
  blocks[0].predecessors = 0;
  while (!worklist.empty() && error.empty()) {
    int index = worklist.back();
    worklist.pop_back();
    Block& block = blocks[static_cast<size_t>(index)];
    int depth = block.depth;
    max_depth = std::max(max_depth, depth);
    std::vector<int> handlers = block.handlers;
    bool falls_through = true;
    for (int i = block.begin; i < block.end; ++i) {
      const Instruction& instr = instrs[static_cast<size_t>(i)];
      instr_handler[static_cast<size_t>(i)] = handlers.empty() ? -1 : handlers.back();
      if (is_setup(instr.op)) {
        int target = block_of_label(instr.label);
        blocks[static_cast<size_t>(target)].handler_setup = instr.op;
        reach(target, depth + stack_effect(instr.op, instr.arg, true), handlers, false);
        handlers.push_back(target);
        continue;
      }
      if (instr.op == kPopBlock) {
        if (handlers.empty()) {
          error = "POP_BLOCK without a handler";
          break;
        }
        handlers.pop_back();
        continue;
      }
      if (is_jump(instr.op)) {
        int jump_depth = depth + stack_effect(instr.op, instr.arg, true);
        max_depth = std::max(max_depth, jump_depth);
        reach(block_of_label(instr.label), jump_depth, handlers, false);
      }
      depth += stack_effect(instr.op, instr.arg, false);
      if (depth < 0) {
        error = "negative stack depth";
        break;
      }
      max_depth = std::max(max_depth, depth);
      if (is_terminator(instr.op)) {
        falls_through = false;
        break;
      }
    }
    if (falls_through && error.empty()) {
      if (index + 1 < static_cast<int>(blocks.size())) {
        reach(index + 1, depth, handlers, true);
      } else {
        error = "control falls off the end of the code";
      }
    }
  }
  if (!error.empty()) return error;

  // 3. Drop unreachable blocks and jumps to the next block.
  std::vector<int> order;
  for (int i = 0; i < static_cast<int>(blocks.size()); ++i) {
    if (blocks[static_cast<size_t>(i)].depth >= 0) order.push_back(i);
  }
  auto first_real_instruction = [&](size_t position) -> int {
    // The block index the next word belongs to, skipping empty and pseudo-only blocks.
    for (size_t k = position; k < order.size(); ++k) {
      const Block& b = blocks[static_cast<size_t>(order[k])];
      for (int i = b.begin; i < b.end; ++i) {
        if (instruction_words(instrs[static_cast<size_t>(i)].op) > 0) return order[k];
      }
    }
    return -1;
  };
  std::vector<bool> removed(static_cast<size_t>(count), false);
  for (size_t k = 0; k < order.size(); ++k) {
    Block& block = blocks[static_cast<size_t>(order[k])];
    if (block.end == block.begin) continue;
    Instruction& last = instrs[static_cast<size_t>(block.end) - 1];
    if (last.op != kJump) continue;
    int target = block_of_label(last.label);
    int target_real = first_real_instruction(static_cast<size_t>(std::find(order.begin(), order.end(), target) - order.begin()));
    if (target_real >= 0 && target_real == first_real_instruction(k + 1)) removed[static_cast<size_t>(block.end) - 1] = true;
  }

  // 4. Offsets, then encoding.
  int offset = 0;
  for (int index : order) {
    Block& block = blocks[static_cast<size_t>(index)];
    block.offset = offset;
    for (int i = block.begin; i < block.end; ++i) {
      if (!removed[static_cast<size_t>(i)]) offset += instruction_words(instrs[static_cast<size_t>(i)].op);
    }
  }
  // Empty blocks take the offset of the next non-empty one (computed above as the running offset).
  out->bytecode.clear();
  out->bytecode.reserve(static_cast<size_t>(offset));
  out->lines.clear();
  out->exception_table.clear();
  std::optional<Location> previous_location;
  int run_handler = -1;
  std::uint32_t run_start = 0;
  auto close_handler_run = [&](std::uint32_t end) {
    if (run_handler < 0 || end == run_start) return;
    const Block& handler = blocks[static_cast<size_t>(run_handler)];
    bool lasti = handler.handler_setup != kSetupFinally;
    out->exception_table.push_back({run_start, end, static_cast<std::uint32_t>(handler.offset),
                                    static_cast<std::uint16_t>(handler.depth - 1 - (lasti ? 1 : 0)), lasti});
  };
  for (int index : order) {
    const Block& block = blocks[static_cast<size_t>(index)];
    bool first_in_block = true;
    for (int i = block.begin; i < block.end; ++i) {
      if (removed[static_cast<size_t>(i)]) continue;
      Instruction instr = instrs[static_cast<size_t>(i)];
      int words = instruction_words(instr.op);
      if (words == 0) continue;
      auto here = static_cast<std::uint32_t>(out->bytecode.size());
      // Exception table runs.
      int handler = instr_handler[static_cast<size_t>(i)];
      if (handler != run_handler) {
        close_handler_run(here);
        run_handler = handler;
        run_start = here;
      }
      // Line numbers: an artificial instruction inherits from its fall-through predecessor.
      if (instr.location.line < 0 && previous_location.has_value() &&
          (!first_in_block || (block.predecessors == 1 && block.only_fallthrough))) {
        instr.location = *previous_location;
      }
      first_in_block = false;
      if (!previous_location.has_value() || !(*previous_location == instr.location)) {
        out->lines.push_back({here, instr.location.line, instr.location.end_line, instr.location.column,
                              instr.location.end_column});
      }
      previous_location = instr.location;
      // Encoding.
      std::uint16_t op = instr.op;
      std::uint32_t arg = instr.arg;
      if (instr.label >= 0) {
        int target = blocks[static_cast<size_t>(block_of_label(instr.label))].offset;
        int next = static_cast<int>(here) + words;
        if (op == kJump) op = op_code(target >= next ? Opcode::JUMP_FORWARD : Opcode::JUMP_BACKWARD);
        if (op == op_code(Opcode::JUMP_BACKWARD)) {
          if (target > next) return "JUMP_BACKWARD to a later instruction";
          arg = static_cast<std::uint32_t>(next - target);
        } else {
          if (target < next) return std::string("backward ") + opcode_name(static_cast<Opcode>(op));
          arg = static_cast<std::uint32_t>(target - next);
        }
      }
      if (arg > kMaxOparg) return "oparg too large";
      out->bytecode.push_back(make_word(static_cast<Opcode>(op), arg));
      for (int c = 1; c < words; ++c) out->bytecode.push_back(0);
    }
  }
  close_handler_run(static_cast<std::uint32_t>(out->bytecode.size()));
  out->stacksize = max_depth;
  return {};
}

}  // namespace stitch::bytecode
