#include "core/compiler/bytecode/disassembler.h"

#include <optional>
#include <set>
#include <vector>

#include "core/compiler/bytecode/opcodes.h"
#include "core/object/exec_state.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::bytecode {

namespace {

constexpr int kOpnameWidth = 20;
constexpr int kOpargWidth = 5;

struct Decoded {
  std::uint32_t offset;
  Opcode op;
  std::uint32_t arg;
};

bool takes_argument(Opcode op) {
  switch (op) {
    case Opcode::NOP:
    case Opcode::POP_TOP:
    case Opcode::PUSH_NULL:
    case Opcode::BINARY_SUBSCR:
    case Opcode::STORE_SUBSCR:
    case Opcode::DELETE_SUBSCR:
    case Opcode::UNARY_NEGATIVE:
    case Opcode::UNARY_POSITIVE:
    case Opcode::UNARY_INVERT:
    case Opcode::UNARY_NOT:
    case Opcode::GET_ITER:
    case Opcode::RETURN_VALUE:
    case Opcode::LIST_TO_TUPLE:
    case Opcode::LOAD_BUILD_CLASS:
    case Opcode::PUSH_EXC_INFO:
    case Opcode::POP_EXCEPT:
    case Opcode::CHECK_EXC_MATCH:
    case Opcode::LOAD_ASSERTION_ERROR:
    case Opcode::BEFORE_WITH:
    case Opcode::WITH_EXCEPT_START:
    case Opcode::IMPORT_STAR:
    case Opcode::RETURN_GENERATOR:
    case Opcode::YIELD_VALUE:
    case Opcode::GET_YIELD_FROM_ITER:
    case Opcode::SETUP_ANNOTATIONS:
      return false;
    default:
      return true;
  }
}

std::optional<std::uint32_t> jump_target(const Decoded& instruction) {
  std::uint32_t next = instruction.offset + 1 + static_cast<std::uint32_t>(opcode_cache_words(instruction.op));
  std::int64_t target = jump_target_offset(instruction.op, instruction.arg, next);
  if (target < 0) return std::nullopt;
  return static_cast<std::uint32_t>(target);
}

std::string repr_of(Object* object) {
  Object* text = object_repr(object);
  if (text == nullptr) {
    clear_exception();
    return "<repr failed>";
  }
  std::string result(str_view(text));
  decref(text);
  return result;
}

std::string tuple_item_text(Object* tuple, std::uint32_t index) {
  auto* items = as_tuple(tuple);
  if (index >= static_cast<std::uint64_t>(items->size)) return "<out of range>";
  return std::string(str_view(items->items[index]));
}

std::string argument_text(const CodeObject* code, const Decoded& instruction) {
  std::uint32_t arg = instruction.arg;
  if (auto target = jump_target(instruction)) return "to " + std::to_string(*target);
  switch (instruction.op) {
    case Opcode::LOAD_CONST:
    case Opcode::KW_NAMES: {
      auto* consts = as_tuple(code->consts);
      if (arg >= static_cast<std::uint64_t>(consts->size)) return "<out of range>";
      return repr_of(consts->items[arg]);
    }
    case Opcode::LOAD_NAME:
    case Opcode::STORE_NAME:
    case Opcode::DELETE_NAME:
    case Opcode::LOAD_ATTR:
    case Opcode::STORE_ATTR:
    case Opcode::DELETE_ATTR:
    case Opcode::LOAD_METHOD:
    case Opcode::STORE_GLOBAL:
    case Opcode::DELETE_GLOBAL:
    case Opcode::IMPORT_NAME:
    case Opcode::IMPORT_FROM:
      return tuple_item_text(code->names, arg);
    case Opcode::LOAD_GLOBAL:
      return std::string((arg & 1) ? "NULL + " : "") + tuple_item_text(code->names, arg >> 1);
    case Opcode::LOAD_FAST:
    case Opcode::STORE_FAST:
    case Opcode::DELETE_FAST:
    case Opcode::LOAD_DEREF:
    case Opcode::STORE_DEREF:
    case Opcode::DELETE_DEREF:
    case Opcode::MAKE_CELL:
    case Opcode::LOAD_CLOSURE:
    case Opcode::LOAD_CLASSDEREF:
      return tuple_item_text(code->localsplus_names, arg);
    case Opcode::COMPARE_OP: {
      static const char* const kSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
      return arg < 6 ? kSymbols[arg] : "?";
    }
    case Opcode::BINARY_OP: {
      std::string symbol = binary_op_symbol(static_cast<BinaryOp>(arg & 0xff));
      if (arg & kInplaceFlag) symbol += "=";
      return symbol;
    }
    case Opcode::FORMAT_VALUE: {
      static const char* const kConversions[] = {"", "str", "repr", "ascii"};
      std::string text = kConversions[arg & 3];
      if (arg & 4) text += text.empty() ? "with format" : ", with format";
      return text;
    }
    case Opcode::MAKE_FUNCTION: {
      static const char* const kFlags[] = {"defaults", "kwdefaults", "annotations", "closure"};
      std::string text;
      for (int bit = 0; bit < 4; ++bit) {
        if (!(arg & (1u << bit))) continue;
        if (!text.empty()) text += ", ";
        text += kFlags[bit];
      }
      return text;
    }
    default:
      return {};
  }
}

std::string pad_left(const std::string& text, size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}
std::string pad_right(const std::string& text, size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

std::string disassemble_one(const CodeObject* code) {
  std::vector<Decoded> instructions;
  for (std::uint32_t offset = 0; offset < static_cast<std::uint32_t>(code->bytecode_words);) {
    std::uint32_t word = code->bytecode[offset];
    Decoded decoded{offset, word_opcode(word), word_oparg(word)};
    instructions.push_back(decoded);
    offset += 1 + static_cast<std::uint32_t>(opcode_cache_words(decoded.op));
  }
  std::set<std::uint32_t> targets;
  for (const Decoded& instruction : instructions) {
    if (auto target = jump_target(instruction)) targets.insert(*target);
  }
  for (const ExceptionTableEntry& entry : *code->exception_table) targets.insert(entry.handler);
  std::int32_t max_line = 0;
  for (const LineTableEntry& entry : *code->lines) max_line = std::max(max_line, entry.line);
  size_t line_width = max_line >= 1000 ? std::to_string(max_line).size() : 3;
  size_t offset_width = code->bytecode_words >= 10000 ? std::to_string(code->bytecode_words).size() : 4;

  std::string out;
  std::int32_t previous_line = -1;
  for (const Decoded& instruction : instructions) {
    std::int32_t line = code_line_for_offset(code, instruction.offset);
    bool starts_line = line >= 0 && line != previous_line;
    if (line >= 0) previous_line = line;
    if (starts_line && instruction.offset > 0) out += "\n";
    std::string text = starts_line ? pad_left(std::to_string(line), line_width) : std::string(line_width, ' ');
    text += "     ";  // dis's separator, current-instruction column and separator
    text += targets.contains(instruction.offset) ? ">>" : "  ";
    text += " " + pad_left(std::to_string(instruction.offset), offset_width);
    text += " " + pad_right(opcode_name(instruction.op), kOpnameWidth);
    if (takes_argument(instruction.op)) {
      text += " " + pad_left(std::to_string(instruction.arg), kOpargWidth);
      std::string meaning = argument_text(code, instruction);
      if (!meaning.empty()) text += " (" + meaning + ")";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  if (!code->exception_table->empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionTableEntry& entry : *code->exception_table) {
      // `end` is exclusive in the table; dis prints the last instruction covered.
      std::uint32_t last = entry.start;
      for (const Decoded& instruction : instructions) {
        if (instruction.offset >= entry.start && instruction.offset < entry.end) last = instruction.offset;
      }
      out += "  " + std::to_string(entry.start) + " to " + std::to_string(last) + " -> " + std::to_string(entry.handler) +
             " [" + std::to_string(entry.depth) + "]" + (entry.push_lasti ? " lasti" : "") + "\n";
    }
  }
  return out;
}

}  // namespace

std::string disassemble(const CodeObject* code, bool recursive) {
  std::string out = disassemble_one(code);
  if (!recursive) return out;
  auto* consts = as_tuple(code->consts);
  for (std::int64_t i = 0; i < consts->size; ++i) {
    Object* constant = consts->items[i];
    if (type_of(constant) != &code_type) continue;
    out += "\nDisassembly of " + repr_of(constant) + ":\n";
    out += disassemble(static_cast<const CodeObject*>(constant), true);
  }
  return out;
}

}  // namespace stitch::bytecode
