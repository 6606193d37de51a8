// The bytecode instruction set.
//
// Encoding: a code object's bytecode is an array of 32-bit words. The low 8 bits of a word are the
// opcode, the high 24 bits its argument (oparg), so no EXTENDED_ARG is needed. Some instructions
// are followed by inline cache words (`cache_words` below) that the specializer fills in; the
// next instruction starts after them. Jump arguments count words, relative to the word after the
// jumping instruction and its caches (forward for JUMP_FORWARD/POP_JUMP_IF_*/FOR_ITER, backward
// for JUMP_BACKWARD). The specializer rewrites an opcode to one of its specialized variants with
// an atomic store of the whole word (oparg unchanged), and back when a guard fails.
//
// Semantics follow CPython 3.11's instructions of the same names (Python/bytecodes.c in later
// versions documents them); differences are noted per op. Stack effects are written
// "before -- after", top of stack on the right.
//
// Exceptions use a table (zero-cost try): entries {start, end, handler, depth, push_lasti} map an
// instruction range to a handler; on an exception the interpreter pops the value stack to `depth`,
// pushes the offset of the raising instruction if `push_lasti`, pushes the exception and jumps to
// `handler`. Line numbers come from a separate table (instruction offset -> line, end line, col).
#pragma once

#include <cstdint>

namespace stitch::bytecode {

// X(name, cache_words, stack effect documentation)
#define STITCH_OPCODES(X)                                                                          \
  X(NOP, 0, "--")                                                                                  \
  X(POP_TOP, 0, "value --")                                                                        \
  X(PUSH_NULL, 0, "-- null  (marks 'no self' below a callable)")                                   \
  X(COPY, 0, "item_n ... item_1 -- item_n ... item_1 item_n  (oparg = n >= 1)")                    \
  X(SWAP, 0, "item_n ... item_1 -- item_1 ... item_n  (oparg = n >= 2)")                           \
  X(LOAD_CONST, 0, "-- consts[oparg]")                                                             \
  X(LOAD_FAST, 0, "-- locals[oparg]  (UnboundLocalError if unset)")                                \
  X(STORE_FAST, 0, "value --")                                                                     \
  X(DELETE_FAST, 0, "--")                                                                          \
  X(LOAD_DEREF, 0, "-- cell value  (oparg indexes localsplus: cells, then free variables)")         \
  X(STORE_DEREF, 0, "value --")                                                                    \
  X(DELETE_DEREF, 0, "--")                                                                         \
  X(MAKE_CELL, 0, "--  (function entry: localsplus[oparg] becomes a cell holding its old value)")    \
  X(COPY_FREE_VARS, 0, "--  (function entry: copy the function's closure cells into the last oparg slots)") \
  X(LOAD_CLOSURE, 0, "-- cell  (the cell object itself, for MAKE_FUNCTION's closure tuple)")       \
  X(LOAD_CLASSDEREF, 0, "-- value  (class body: the class namespace first, then the cell)")        \
  X(LOAD_GLOBAL, 2, "-- [null] value  (oparg>>1 = name index; oparg&1: push null first)")         \
  X(STORE_GLOBAL, 0, "value --  (oparg = name index)")                                             \
  X(DELETE_GLOBAL, 0, "--")                                                                        \
  X(LOAD_NAME, 0, "-- value  (module/class body: locals dict, globals, builtins)")                 \
  X(STORE_NAME, 0, "value --")                                                                     \
  X(DELETE_NAME, 0, "--")                                                                          \
  X(LOAD_ATTR, 2, "owner -- value")                                                                \
  X(LOAD_METHOD, 2, "owner -- method self | null value  (method call without a bound object)")     \
  X(STORE_ATTR, 2, "value owner --")                                                               \
  X(DELETE_ATTR, 0, "owner --")                                                                    \
  X(BINARY_SUBSCR, 1, "container key -- value")                                                   \
  X(STORE_SUBSCR, 1, "value container key --")                                                     \
  X(DELETE_SUBSCR, 0, "container key --")                                                          \
  X(BUILD_SLICE, 0, "start stop [step] -- slice  (oparg = 2 or 3)")                                \
  X(BINARY_OP, 1, "left right -- result  (oparg = BinaryOpArg below)")                             \
  X(UNARY_NEGATIVE, 0, "value -- result")                                                          \
  X(UNARY_POSITIVE, 0, "value -- result")                                                          \
  X(UNARY_INVERT, 0, "value -- result")                                                            \
  X(UNARY_NOT, 0, "value -- bool")                                                                 \
  X(COMPARE_OP, 1, "left right -- result  (oparg = CompareOp: < <= == != > >=)")                   \
  X(IS_OP, 0, "left right -- bool  (oparg 1: is not)")                                             \
  X(CONTAINS_OP, 0, "item container -- bool  (oparg 1: not in)")                                  \
  X(JUMP_FORWARD, 0, "--")                                                                         \
  X(JUMP_BACKWARD, 0, "--  (a safepoint: eval breaker, QSBR quiescent state, OSR counter)")        \
  X(POP_JUMP_IF_FALSE, 0, "cond --")                                                               \
  X(POP_JUMP_IF_TRUE, 0, "cond --")                                                                \
  X(POP_JUMP_IF_NONE, 0, "value --")                                                               \
  X(POP_JUMP_IF_NOT_NONE, 0, "value --")                                                           \
  X(JUMP_IF_FALSE_OR_POP, 0, "cond -- cond | --  (keeps cond when jumping)")                       \
  X(JUMP_IF_TRUE_OR_POP, 0, "cond -- cond | --")                                                   \
  X(GET_ITER, 0, "iterable -- iterator")                                                           \
  X(FOR_ITER, 1, "iterator -- iterator next | --  (exhausted: pop and jump forward by oparg)")      \
  X(RETURN_VALUE, 0, "value --")                                                                   \
  X(BUILD_TUPLE, 0, "items[oparg] -- tuple")                                                       \
  X(BUILD_LIST, 0, "items[oparg] -- list")                                                         \
  X(BUILD_SET, 0, "items[oparg] -- set")                                                           \
  X(BUILD_MAP, 0, "keys_and_values[2*oparg] -- dict")                                              \
  X(BUILD_CONST_KEY_MAP, 0, "values[oparg] keys_tuple -- dict")                                    \
  X(BUILD_STRING, 0, "pieces[oparg] -- str")                                                       \
  X(LIST_APPEND, 0, "list ... value -- list ...  (list is oparg items below)")                     \
  X(SET_ADD, 0, "set ... value -- set ...")                                                        \
  X(MAP_ADD, 0, "dict ... key value -- dict ...")                                                  \
  X(LIST_EXTEND, 0, "list ... iterable -- list ...")                                               \
  X(SET_UPDATE, 0, "set ... iterable -- set ...")                                                  \
  X(DICT_UPDATE, 0, "dict ... mapping -- dict ...")                                                \
  X(DICT_MERGE, 0, "dict ... mapping -- dict ...  (call **kwargs: duplicate keys are TypeErrors)") \
  X(LIST_TO_TUPLE, 0, "list -- tuple")                                                             \
  X(UNPACK_SEQUENCE, 1, "seq -- items[oparg]  (last item on top)")                                 \
  X(UNPACK_EX, 0, "seq -- before, list, after  (oparg = before | after << 8)")                     \
  X(FORMAT_VALUE, 0, "value [spec] -- str  (oparg&3: 0 none, 1 str, 2 repr, 3 ascii; &4: spec)")   \
  X(KW_NAMES, 0, "--  (sets the keyword-name tuple consts[oparg] for the next CALL)")              \
  X(CALL, 3, "callable_or_null self_or_callable args[oparg] -- result  (CPython 3.11 layout)")     \
  X(CALL_FUNCTION_EX, 0, "null callable args_tuple [kwargs_dict] -- result  (oparg&1: kwargs)")    \
  X(MAKE_FUNCTION, 0, "[defaults] [kwdefaults] [annotations] [closure] code -- function")          \
  X(LOAD_BUILD_CLASS, 0, "-- __build_class__")                                                     \
  X(RAISE_VARARGS, 0, "[exc [cause]] --  (oparg 0: re-raise, 1: raise exc, 2: raise exc from cause)") \
  X(RERAISE, 0, "... exc --  (oparg n > 0: first restore lasti from the item n below exc)")       \
  X(PUSH_EXC_INFO, 0, "exc -- previous_handled exc")                                               \
  X(POP_EXCEPT, 0, "previous_handled --")                                                          \
  X(CHECK_EXC_MATCH, 0, "exc type -- exc bool")                                                    \
  X(LOAD_ASSERTION_ERROR, 0, "-- AssertionError")                                                  \
  X(BEFORE_WITH, 0, "manager -- exit enter_result")                                                \
  X(WITH_EXCEPT_START, 0, "exit lasti previous exc -- exit lasti previous exc result")             \
  X(IMPORT_NAME, 0, "level fromlist -- module  (oparg = name index)")                             \
  X(IMPORT_FROM, 0, "module -- module value")                                                      \
  X(IMPORT_STAR, 0, "module --")                                                                   \
  X(RETURN_GENERATOR, 0, "-- sent  (first op of a generator: return it; resumed, push the sent None)") \
  X(YIELD_VALUE, 0, "value -- sent")                                                               \
  X(GET_YIELD_FROM_ITER, 0, "iterable -- iterator")                                                \
  X(SEND, 0, "receiver value -- receiver yielded | result  (done: jump forward by oparg)")       \
  X(SETUP_ANNOTATIONS, 0, "--")

enum class Opcode : std::uint8_t {
#define STITCH_OPCODE_ENUM(name, caches, doc) name,
  STITCH_OPCODES(STITCH_OPCODE_ENUM)
#undef STITCH_OPCODE_ENUM
      kCount
};

/// BINARY_OP's oparg: the operator, and whether it is the in-place form (+= …).
/// Values match core/object/operators.h BinaryOp; in-place adds kInplaceFlag.
inline constexpr std::uint32_t kInplaceFlag = 0x100;

/// MAKE_FUNCTION's oparg flags.
namespace make_function {
inline constexpr std::uint32_t kDefaults = 0x01;     // a tuple of positional defaults
inline constexpr std::uint32_t kKwDefaults = 0x02;   // a dict of keyword-only defaults
inline constexpr std::uint32_t kAnnotations = 0x04;  // a dict (Stitch evaluates but may drop it)
inline constexpr std::uint32_t kClosure = 0x08;      // a tuple of cells
}  // namespace make_function

const char* opcode_name(Opcode op);
int opcode_cache_words(Opcode op);

inline constexpr std::uint32_t make_word(Opcode op, std::uint32_t oparg) {
  return static_cast<std::uint32_t>(op) | (oparg << 8);
}
inline constexpr Opcode word_opcode(std::uint32_t word) { return static_cast<Opcode>(word & 0xff); }
inline constexpr std::uint32_t word_oparg(std::uint32_t word) { return word >> 8; }

/// The word offset a jumping instruction goes to, or -1 for one that does not jump. `next` is the
/// offset of the following instruction (after the caches), from which jumps count.
inline constexpr std::int64_t jump_target_offset(Opcode op, std::uint32_t oparg, std::int64_t next) {
  switch (op) {
    case Opcode::JUMP_BACKWARD:
      return next - oparg;
    case Opcode::JUMP_FORWARD:
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE:
    case Opcode::POP_JUMP_IF_NOT_NONE:
    case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP:
    case Opcode::FOR_ITER:
    case Opcode::SEND:
      return next + oparg;
    default:
      return -1;
  }
}
inline constexpr std::uint32_t kMaxOparg = (1u << 24) - 1;

}  // namespace stitch::bytecode
