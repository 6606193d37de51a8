// The dispatch loop. One C++ function runs every Python frame of a thread's call chain: a call to
// a Python function pushes a frame and continues here (no native recursion); a return pops it.
//
// Registers: `frame` (current frame), `ip` (next instruction word), `sp` (value stack top, one
// past). They are written back to the frame before anything that may inspect or re-enter it
// (calls, errors). Errors jump to `error`, which records a traceback entry, looks the raising
// instruction up in the code's exception table and either jumps to the handler or unwinds.
//
// Not yet implemented ops raise SystemError naming the op (honest failure, never a wrong result).
#include <cstring>
#include <string>
#include <vector>

#include "core/compiler/bytecode/opcodes.h"
#include "core/interp/arguments.h"
#include "core/interp/eval_internal.h"
#include "core/interp/class_support.h"
#include "core/interp/fast_paths.h"
#include "core/interp/frame.h"
#include "core/interp/generator.h"
#include "core/interp/import_hooks.h"
#include "core/interp/interpreter.h"
#include "core/interp/traceback.h"
#include "core/interp/unpack.h"
#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/bool.h"
#include "core/object/call.h"
#include "core/object/code.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/list.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/set.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/str_format.h"
#include "core/object/tuple.h"

namespace stitch::interp {

using bytecode::Opcode;

namespace {

// Per-opcode tables from the one opcode list (core/compiler/bytecode/opcodes.h).
constexpr int kCacheWords[] = {
#define STITCH_CACHE_WORDS(name, caches, doc) caches,
    STITCH_OPCODES(STITCH_CACHE_WORDS)
#undef STITCH_CACHE_WORDS
};
constexpr const char* kOpcodeNames[] = {
#define STITCH_OPCODE_NAME(name, caches, doc) #name,
    STITCH_OPCODES(STITCH_OPCODE_NAME)
#undef STITCH_OPCODE_NAME
};
constexpr int cache_words(Opcode op) { return kCacheWords[static_cast<int>(op)]; }

std::atomic<int> python_recursion_limit{1000};

FrameStack& frame_stack() {
  thread_local FrameStack stack;
  return stack;
}

Object* name_at(CodeObject* code, std::uint32_t index) { return as_tuple(code->names)->items[index]; }
Object* local_name(CodeObject* code, std::uint32_t index) {
  return as_tuple(code->localsplus_names)->items[index];
}

// NameError, remembering where the name was looked up for the "Did you mean" hint.
void raise_name_error(Object* name, CodeObject* code, Object* globals, Object* builtins) {
  raise_error(&name_error_type, "name '" + std::string(str_view(name)) + "' is not defined");
  Ref scope = Ref::steal(tuple_pack({code, globals, builtins}));
  if (scope) set_missing_name_details(name, scope.get());
}

void raise_unbound_local(CodeObject* code, std::uint32_t index) {
  raise_error(&unbound_local_error_type, "cannot access local variable '" +
                                             std::string(str_view(local_name(code, index))) +
                                             "' where it is not associated with a value");
}

void raise_unbound_free(CodeObject* code, std::uint32_t index) {
  raise_error(&name_error_type, "cannot access free variable '" +
                                    std::string(str_view(local_name(code, index))) +
                                    "' where it is not associated with a value in enclosing scope");
}

// globals, then builtins. New reference, or nullptr (NameError set when missing).
Object* load_global(CodeObject* code, Object* globals, Object* builtins, Object* name) {
  Object* value = dict_get_item(globals, name);
  if (value != nullptr || has_exception()) return value;
  value = dict_get_item(builtins, name);
  if (value == nullptr && !has_exception()) raise_name_error(name, code, globals, builtins);
  return value;
}

// Clears every slot of a frame that is about to be popped.
void clear_frame(Frame* frame) {
  Object** end = frame->stack_pointer;
  for (Object** slot = frame->localsplus; slot < end; ++slot) xdecref(*slot);
  xdecref(frame->locals);
  xdecref(frame->function);
}

// Gives a finished frame's memory back: the thread's frame stack, or (for a generator's frame,
// whose slots are already cleared) its generator, which learns that it has finished.
void release_frame(Frame* frame) {
  if (frame->generator != nullptr) {
    mark_generator_frame_finished(frame->generator);
  } else {
    frame_stack().pop(frame);
  }
}

bool check_recursion(Frame* frame) {
  if (frame_stack().depth() + static_cast<std::size_t>(active_generator_frames()) > static_cast<std::size_t>(python_recursion_limit.load(std::memory_order_relaxed))) {
    raise_error(&recursion_error_type, "maximum recursion depth exceeded");
    return false;
  }
  return true;
}

// A frame for calling `function` with the given arguments, or nullptr (exception set).
Frame* push_function_frame(Object* function, Object* const* args, std::size_t nargs, Object* kwnames) {
  auto* code = as_code(as_function(function)->code);
  Frame* frame = frame_stack().push(code);
  if (frame == nullptr) {
    raise_error(&memory_error_type, "");
    return nullptr;
  }
  frame->function = new_ref(function);
  frame->globals = as_function(function)->globals;
  frame->builtins = as_function(function)->builtins;
  if (!bind_arguments(function, args, nargs, kwnames, frame->localsplus) || !check_recursion(frame)) {
    frame->stack_pointer = frame->localsplus + code->nlocalsplus;
    clear_frame(frame);
    frame_stack().pop(frame);
    return nullptr;
  }
  return frame;
}

const ExceptionTableEntry* find_handler(CodeObject* code, std::uint32_t offset) {
  for (const ExceptionTableEntry& entry : *code->exception_table) {
    if (offset >= entry.start && offset < entry.end) return &entry;
  }
  return nullptr;
}

Object* not_implemented_op(Opcode op) {
  return raise_error(&runtime_error_type,
                     std::string("Stitch: opcode ") + kOpcodeNames[static_cast<int>(op)] + " is not implemented yet");
}

Object* eval_frame(Frame* entry, bool throwing = false);

}  // namespace

Object* eval_resumed_frame(Frame* frame, bool throwing) { return eval_frame(frame, throwing); }
std::size_t thread_frame_depth() { return frame_stack().depth(); }
void clear_frame_slots(Frame* frame) { clear_frame(frame); }

int recursion_limit() { return python_recursion_limit.load(std::memory_order_relaxed); }
void set_recursion_limit(int limit) { python_recursion_limit.store(limit, std::memory_order_relaxed); }
int current_recursion_depth() { return static_cast<int>(frame_stack().depth()); }

Object* call_function(Object* function, Object* const* args, std::size_t nargs, Object* kwnames) {
  Frame* frame = push_function_frame(function, args, nargs, kwnames);
  if (frame == nullptr) return nullptr;
  frame->is_entry = true;
  return eval_frame(frame);
}

Frame* current_python_frame() { return frame_stack().top_frame(); }

Object* run_class_body(Object* function, Object* namespace_dict) {
  auto* code = as_code(as_function(function)->code);
  Frame* frame = frame_stack().push(code);
  if (frame == nullptr) return raise_error(&memory_error_type, "");
  frame->function = new_ref(function);
  frame->globals = as_function(function)->globals;
  frame->builtins = as_function(function)->builtins;
  frame->locals = new_ref(namespace_dict);
  frame->is_entry = true;
  if (!check_recursion(frame)) {
    clear_frame(frame);
    frame_stack().pop(frame);
    return nullptr;
  }
  return eval_frame(frame);
}

Object* run_module_code(Object* code_object, Object* globals, Object* builtins) {
  auto* code = as_code(code_object);
  Frame* frame = frame_stack().push(code);
  if (frame == nullptr) return raise_error(&memory_error_type, "");
  frame->globals = globals;
  frame->builtins = builtins;
  frame->locals = new_ref(globals);
  frame->is_entry = true;
  return eval_frame(frame);
}

namespace {

// `throwing`: resume `entry` (a generator's frame) by raising the exception in flight at the
// instruction it suspended on (generator.throw / close).
Object* eval_frame(Frame* entry, bool throwing) {
  Frame* frame = entry;
  CodeObject* code = frame->code;
  const std::uint32_t* ip = frame->next_instr;
  Object** sp = frame->stack_pointer;
  const std::uint32_t* this_instr = ip;
  Object* kwnames = nullptr;  // set by KW_NAMES for the next CALL (borrowed from consts)
  rt::ThreadState* thread = exec_state().thread;

#define PUSH(value) (*sp++ = (value))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])
#define GOTO_ERROR() goto error
#define CHECK(value) \
  if ((value) == nullptr) goto error
#define SKIP_CACHES(op) ip += cache_words(op)
#define SAVE() (frame->next_instr = ip, frame->stack_pointer = sp)
#define LOAD() (code = frame->code, ip = frame->next_instr, sp = frame->stack_pointer)
// Threaded dispatch: every op ends by decoding the next instruction and jumping straight to its
// label (one indirect jump per op, predicted per op), instead of returning to one shared switch.
// The switch stays as the loop's entry and catches an opcode with no label.
#define TARGET(name) \
  case Opcode::name: \
  TARGET_##name:
#define DISPATCH()                                  \
  do {                                              \
    this_instr = ip;                                \
    word = *ip++;                                   \
    op = bytecode::word_opcode(word);               \
    oparg = bytecode::word_oparg(word);             \
    SKIP_CACHES(op);                                \
    goto* kDispatchTable[static_cast<int>(op)];     \
  } while (0)
  static void* const kDispatchTable[] = {
#define STITCH_DISPATCH_LABEL(name, caches, doc) &&TARGET_##name,
      STITCH_OPCODES(STITCH_DISPATCH_LABEL)
#undef STITCH_DISPATCH_LABEL
  };

  std::uint32_t word;
  Opcode op;
  std::uint32_t oparg;
  if (throwing) {
    this_instr = ip - 1;
    goto error;
  }
  // Safepoint at every entry (calls through call_object, generator resumption): a recursion
  // without loops must still let pauses, merges and QSBR proceed. An interrupt seen here is
  // re-posted and raised at the next back-edge, where raising is always well defined.
  if (!thread->safepoint().is_ok()) thread->interrupt();
  for (;;) {
    this_instr = ip;
    word = *ip++;
    op = bytecode::word_opcode(word);
    oparg = bytecode::word_oparg(word);
    SKIP_CACHES(op);
    switch (op) {
      TARGET(NOP) DISPATCH();
      TARGET(POP_TOP) decref(POP()); DISPATCH();
      TARGET(PUSH_NULL) PUSH(nullptr); DISPATCH();
      TARGET(COPY) {
        Object* item = PEEK(oparg);
        PUSH(new_ref(item));
        DISPATCH();
      }
      TARGET(SWAP) {
        Object* top = TOP();
        TOP() = PEEK(oparg);
        PEEK(oparg) = top;
        DISPATCH();
      }
      TARGET(LOAD_CONST) PUSH(new_ref(as_tuple(code->consts)->items[oparg])); DISPATCH();
      TARGET(LOAD_FAST) {
        Object* value = frame->localsplus[oparg];
        if (value == nullptr) {
          raise_unbound_local(code, oparg);
          GOTO_ERROR();
        }
        PUSH(new_ref(value));
        DISPATCH();
      }
      TARGET(STORE_FAST) {
        Object* old = frame->localsplus[oparg];
        frame->localsplus[oparg] = POP();
        xdecref(old);
        DISPATCH();
      }
      TARGET(DELETE_FAST) {
        Object* old = frame->localsplus[oparg];
        if (old == nullptr) {
          raise_unbound_local(code, oparg);
          GOTO_ERROR();
        }
        frame->localsplus[oparg] = nullptr;
        decref(old);
        DISPATCH();
      }
      TARGET(MAKE_CELL) {
        Object* cell = cell_new(frame->localsplus[oparg]);
        CHECK(cell);
        xdecref(frame->localsplus[oparg]);
        frame->localsplus[oparg] = cell;
        DISPATCH();
      }
      TARGET(COPY_FREE_VARS) {
        auto* closure = as_tuple(as_function(frame->function)->closure);
        int first = code->nlocalsplus - static_cast<int>(oparg);
        for (std::uint32_t i = 0; i < oparg; ++i) frame->localsplus[first + i] = new_ref(closure->items[i]);
        DISPATCH();
      }
      TARGET(LOAD_CLOSURE) PUSH(new_ref(frame->localsplus[oparg])); DISPATCH();
      TARGET(LOAD_DEREF) {
        Object* value = as_cell(frame->localsplus[oparg])->value.load(std::memory_order_acquire);
        if (value == nullptr) {
          if (static_cast<int>(oparg) >= code->nlocals + code->ncells) raise_unbound_free(code, oparg);
          else raise_unbound_local(code, oparg);
          GOTO_ERROR();
        }
        PUSH(new_ref(value));
        DISPATCH();
      }
      TARGET(STORE_DEREF) {
        // Release: the value's contents happen-before any thread that loads it from the cell.
        Object* old = as_cell(frame->localsplus[oparg])->value.exchange(POP(), std::memory_order_acq_rel);
        xdecref(old);
        DISPATCH();
      }
      TARGET(LOAD_GLOBAL) {
        Object* value = load_global(code, frame->globals, frame->builtins, name_at(code, oparg >> 1));
        CHECK(value);
        if (oparg & 1) PUSH(nullptr);
        PUSH(value);
        DISPATCH();
      }
      TARGET(STORE_GLOBAL) {
        Object* value = POP();
        int status = dict_set_item(frame->globals, name_at(code, oparg), value);
        decref(value);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(LOAD_NAME) {
        Object* name = name_at(code, oparg);
        Object* value = dict_get_item(frame->locals, name);
        if (value == nullptr && !has_exception()) value = load_global(code, frame->globals, frame->builtins, name);
        CHECK(value);
        PUSH(value);
        DISPATCH();
      }
      TARGET(STORE_NAME) {
        Object* value = POP();
        int status = dict_set_item(frame->locals, name_at(code, oparg), value);
        decref(value);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(DELETE_NAME) {
        Object* name = name_at(code, oparg);
        if (dict_del_item(frame->locals, name) < 0) {
          clear_exception();
          raise_name_error(name, code, frame->globals, frame->builtins);
          GOTO_ERROR();
        }
        DISPATCH();
      }
      TARGET(LOAD_ATTR) {
        Object* owner = POP();
        Object* value = object_getattr(owner, name_at(code, oparg));
        decref(owner);
        CHECK(value);
        PUSH(value);
        DISPATCH();
      }
      TARGET(LOAD_METHOD) {
        // A function found on an instance's class is pushed with the instance as `self` (no bound
        // method object); anything else is pushed as [NULL, attribute].
        Object* owner = POP();
        Object* method = nullptr;
        Object* self_or_bound = nullptr;
        bool loaded = load_method(owner, name_at(code, oparg), &method, &self_or_bound);
        decref(owner);
        if (!loaded) GOTO_ERROR();
        PUSH(method);
        PUSH(self_or_bound);
        DISPATCH();
      }
      TARGET(LOAD_BUILD_CLASS) {
        Object* build_class = dict_get_item_str(frame->builtins, "__build_class__");
        if (build_class == nullptr) {
          if (!has_exception()) raise_error(&name_error_type, "__build_class__ not found");
          GOTO_ERROR();
        }
        PUSH(build_class);
        DISPATCH();
      }
      TARGET(SETUP_ANNOTATIONS) {
        // A module or class body with annotated names gets an __annotations__ dict (one that is
        // already there is kept), which the annotated assignments then fill.
        Object* existing = dict_get_item_str(frame->locals, "__annotations__");
        if (existing != nullptr) {
          decref(existing);
          DISPATCH();
        }
        if (has_exception()) GOTO_ERROR();
        Object* annotations = dict_new();
        CHECK(annotations);
        int status = dict_set_item_str(frame->locals, "__annotations__", annotations);
        decref(annotations);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(LOAD_CLASSDEREF) {
        // A class body reading a free variable: the class namespace wins over the enclosing cell.
        Object* name = local_name(code, oparg);
        Object* value = dict_get_item(frame->locals, name);
        if (value == nullptr && has_exception()) GOTO_ERROR();
        if (value == nullptr) {
          value = as_cell(frame->localsplus[oparg])->value.load(std::memory_order_acquire);
          if (value == nullptr) {
            raise_unbound_free(code, oparg);
            GOTO_ERROR();
          }
          incref(value);
        }
        PUSH(value);
        DISPATCH();
      }
      TARGET(BEFORE_WITH) {
        Object* manager = POP();
        Object* exit = nullptr;
        SAVE();
        Object* entered = with_enter(manager, &exit);
        decref(manager);
        CHECK(entered);
        PUSH(exit);
        PUSH(entered);
        DISPATCH();
      }
      TARGET(WITH_EXCEPT_START) {
        // Stack: exit, lasti, previous exception, exception.
        SAVE();
        Object* result = with_exit_on_exception(PEEK(4), TOP());
        CHECK(result);
        PUSH(result);
        DISPATCH();
      }
      TARGET(STORE_ATTR) {
        Object* owner = POP();
        Object* value = POP();
        int status = object_setattr(owner, name_at(code, oparg), value);
        decref(owner);
        decref(value);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(BINARY_SUBSCR) {
        Object* key = POP();
        Object* container = POP();
        Object* value = object_getitem(container, key);
        decref(key);
        decref(container);
        CHECK(value);
        PUSH(value);
        DISPATCH();
      }
      TARGET(STORE_SUBSCR) {
        Object* key = POP();
        Object* container = POP();
        Object* value = POP();
        int status = object_setitem(container, key, value);
        decref(key);
        decref(container);
        decref(value);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(DELETE_SUBSCR) {
        Object* key = POP();
        Object* container = POP();
        int status = object_delitem(container, key);
        decref(key);
        decref(container);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(BUILD_SLICE) {
        Object* step = oparg == 3 ? POP() : nullptr;
        Object* stop = POP();
        Object* start = POP();
        Object* slice = slice_new(start, stop, step != nullptr ? step : none());
        decref(start);
        decref(stop);
        xdecref(step);
        CHECK(slice);
        PUSH(slice);
        DISPATCH();
      }
      TARGET(BINARY_OP) {
        Object* right = POP();
        Object* left = POP();
        auto kind = static_cast<BinaryOp>(oparg & 0xff);
        Object* result = binary_op_fast(left, right, kind);
        if (result == nullptr && has_exception()) {  // MemoryError while boxing the result
          decref(left);
          decref(right);
          GOTO_ERROR();
        }
        if (result == nullptr && kind == BinaryOp::kAdd && str_concat_may_append(left, right)) {
          // `s = s + t` / `s += t` with s held only by this local and the stack: append in place
          // (amortized O(1), as CPython's unicode_concatenate), after dropping the local's reference.
          std::uint32_t next = ip[0];
          if (bytecode::word_opcode(next) == Opcode::STORE_FAST &&
              frame->localsplus[bytecode::word_oparg(next)] == left && str_is_appendable(left, 2)) {
            frame->localsplus[bytecode::word_oparg(next)] = nullptr;
            decref(left);
            result = str_append_unique(left, right);
            left = nullptr;
          }
        }
        if (result == nullptr && left != nullptr) {
          result = (oparg & bytecode::kInplaceFlag) ? inplace_op(left, right, kind) : binary_op(left, right, kind);
        }
        xdecref(left);
        decref(right);
        CHECK(result);
        PUSH(result);
        DISPATCH();
      }
      TARGET(UNARY_NEGATIVE)
      TARGET(UNARY_POSITIVE)
      TARGET(UNARY_INVERT) {
        Object* operand = POP();
        Object* result = op == Opcode::UNARY_NEGATIVE   ? unary_negative(operand)
                         : op == Opcode::UNARY_POSITIVE ? unary_positive(operand)
                                                        : unary_invert(operand);
        decref(operand);
        CHECK(result);
        PUSH(result);
        DISPATCH();
      }
      TARGET(UNARY_NOT) {
        Object* operand = POP();
        int truth = object_is_true(operand);
        decref(operand);
        if (truth < 0) GOTO_ERROR();
        PUSH(bool_from(!truth));
        DISPATCH();
      }
      TARGET(COMPARE_OP) {
        Object* right = POP();
        Object* left = POP();
        int fast = compare_fast(left, right, static_cast<CompareOp>(oparg));
        Object* result = fast >= 0 ? bool_from(fast == 1) : object_rich_compare(left, right, static_cast<CompareOp>(oparg));
        decref(left);
        decref(right);
        CHECK(result);
        PUSH(result);
        DISPATCH();
      }
      TARGET(IS_OP) {
        Object* right = POP();
        Object* left = POP();
        bool same = (left == right) != (oparg == 1);
        decref(left);
        decref(right);
        PUSH(bool_from(same));
        DISPATCH();
      }
      TARGET(CONTAINS_OP) {
        Object* container = POP();
        Object* item = POP();
        int found = object_contains(container, item);
        decref(container);
        decref(item);
        if (found < 0) GOTO_ERROR();
        PUSH(bool_from((found == 1) != (oparg == 1)));
        DISPATCH();
      }
      TARGET(JUMP_FORWARD) ip += oparg; DISPATCH();
      TARGET(JUMP_BACKWARD) {
        ip -= oparg;
        if (!thread->safepoint().is_ok()) {
          raise_error(&keyboard_interrupt_type, "");
          GOTO_ERROR();
        }
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_FALSE)
      TARGET(POP_JUMP_IF_TRUE) {
        Object* condition = POP();
        int truth = condition == py_true() ? 1 : condition == py_false() ? 0 : object_is_true(condition);
        decref(condition);
        if (truth < 0) GOTO_ERROR();
        if ((truth == 1) == (op == Opcode::POP_JUMP_IF_TRUE)) ip += oparg;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_NONE)
      TARGET(POP_JUMP_IF_NOT_NONE) {
        Object* value = POP();
        bool none_value = is_none(value);
        decref(value);
        if (none_value == (op == Opcode::POP_JUMP_IF_NONE)) ip += oparg;
        DISPATCH();
      }
      TARGET(JUMP_IF_FALSE_OR_POP)
      TARGET(JUMP_IF_TRUE_OR_POP) {
        int truth = object_is_true(TOP());
        if (truth < 0) GOTO_ERROR();
        if ((truth == 1) == (op == Opcode::JUMP_IF_TRUE_OR_POP)) {
          ip += oparg;
        } else {
          decref(POP());
        }
        DISPATCH();
      }
      TARGET(GET_ITER) {
        Object* iterable = POP();
        Object* iterator = object_get_iter(iterable);
        decref(iterable);
        CHECK(iterator);
        PUSH(iterator);
        DISPATCH();
      }
      TARGET(FOR_ITER) {
        if (is_generator(TOP())) {
          // Continue in the generator's frame; its yield or return comes back here.
          SAVE();
          Frame* resumed = nullptr;
          InlineResume outcome = resume_generator_inline(TOP(), nullptr, frame, Opcode::FOR_ITER, &resumed);
          if (outcome == InlineResume::kError) GOTO_ERROR();
          if (outcome == InlineResume::kEntered) {
            frame = resumed;
            LOAD();
            DISPATCH();
          }
          decref(POP());
          ip += oparg;
          DISPATCH();
        }
        Object* next = iter_next(TOP());
        if (next == nullptr) {
          if (has_exception()) {
            if (!exception_matches(&stop_iteration_type)) GOTO_ERROR();
            clear_exception();
          }
          decref(POP());
          ip += oparg;
          DISPATCH();
        }
        PUSH(next);
        DISPATCH();
      }
      TARGET(BUILD_TUPLE) {
        Object* tuple = tuple_new_uninitialized(oparg);
        CHECK(tuple);
        for (std::uint32_t i = oparg; i > 0; --i) as_tuple(tuple)->items[i - 1] = POP();
        PUSH(tuple);
        DISPATCH();
      }
      TARGET(BUILD_LIST) {
        Object* list = list_new(oparg);
        CHECK(list);
        Object** items = sp - oparg;
        for (std::uint32_t i = 0; i < oparg; ++i) {
          int status = list_append(list, items[i]);
          decref(items[i]);
          if (status < 0) {
            for (std::uint32_t j = i + 1; j < oparg; ++j) decref(items[j]);
            sp -= oparg;
            decref(list);
            GOTO_ERROR();
          }
        }
        sp -= oparg;
        PUSH(list);
        DISPATCH();
      }
      TARGET(BUILD_MAP) {
        Object* dict = dict_new();
        CHECK(dict);
        Object** items = sp - 2 * oparg;
        bool failed = false;
        for (std::uint32_t i = 0; i < oparg; ++i) {
          if (!failed && dict_set_item(dict, items[2 * i], items[2 * i + 1]) < 0) failed = true;
          decref(items[2 * i]);
          decref(items[2 * i + 1]);
        }
        sp -= 2 * oparg;
        if (failed) {
          decref(dict);
          GOTO_ERROR();
        }
        PUSH(dict);
        DISPATCH();
      }
      TARGET(BUILD_CONST_KEY_MAP) {
        Object* keys = POP();
        Object* dict = dict_new();
        bool failed = dict == nullptr;
        Object** values = sp - oparg;
        for (std::uint32_t i = 0; i < oparg; ++i) {
          if (!failed && dict_set_item(dict, as_tuple(keys)->items[i], values[i]) < 0) failed = true;
          decref(values[i]);
        }
        sp -= oparg;
        decref(keys);
        if (failed) {
          xdecref(dict);
          GOTO_ERROR();
        }
        PUSH(dict);
        DISPATCH();
      }
      TARGET(BUILD_SET) {
        Object* set = set_new(nullptr);
        bool failed = set == nullptr;
        Object** items = sp - oparg;
        for (std::uint32_t i = 0; i < oparg; ++i) {
          if (!failed && set_add(set, items[i]) < 0) failed = true;
          decref(items[i]);
        }
        sp -= oparg;
        if (failed) {
          xdecref(set);
          GOTO_ERROR();
        }
        PUSH(set);
        DISPATCH();
      }
      TARGET(SET_ADD) {
        Object* value = POP();
        int status = set_add(PEEK(oparg), value);
        decref(value);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(SET_UPDATE) {
        Object* iterable = POP();
        int status = set_update(PEEK(oparg), iterable);
        decref(iterable);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(DICT_UPDATE)
      TARGET(DICT_MERGE) {
        Object* mapping = POP();
        int status = dict_update(PEEK(oparg), mapping);
        decref(mapping);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(LIST_TO_TUPLE) {
        Object* list = POP();
        Object* tuple = call_object(&tuple_type, &list, 1, nullptr);
        decref(list);
        CHECK(tuple);
        PUSH(tuple);
        DISPATCH();
      }
      TARGET(CALL_FUNCTION_EX) {
        Object* kwargs = (oparg & 1) ? POP() : nullptr;
        Object* positional = POP();
        Object* callable = POP();
        Object* null_slot = POP();
        xdecref(null_slot);
        if (!is_tuple(positional)) {
          // f(*iterable): CPython converts any iterable (and names the callable on failure).
          Object* converted = call_object(&tuple_type, &positional, 1, nullptr);
          decref(positional);
          if (converted == nullptr) {
            decref(callable);
            xdecref(kwargs);
            GOTO_ERROR();
          }
          positional = converted;
        }
        if (kwargs != nullptr && !is_dict(kwargs)) {
          raise_error(&type_error_type, std::string(type_of(callable)->name) + " argument after ** must be a mapping, not " +
                                            type_of(kwargs)->name);
          decref(callable);
          decref(positional);
          decref(kwargs);
          GOTO_ERROR();
        }
        std::vector<Object*> arguments;
        auto* tuple = as_tuple(positional);
        for (std::int64_t i = 0; i < tuple->size; ++i) arguments.push_back(tuple->items[i]);
        Ref names;
        if (kwargs != nullptr && dict_size(kwargs) > 0) {
          names = Ref::steal(tuple_new_uninitialized(dict_size(kwargs)));
          std::int64_t position = 0, index = 0;
          Object* key = nullptr;
          Object* value = nullptr;
          while (names && dict_next(kwargs, &position, &key, &value)) {
            as_tuple(names.get())->items[index++] = new_ref(key);
            arguments.push_back(value);
          }
        }
        SAVE();
        Object* result = (kwargs != nullptr && dict_size(kwargs) > 0 && !names)
                             ? nullptr
                             : call_object(callable, arguments.data(), static_cast<std::size_t>(tuple->size), names.get());
        decref(callable);
        decref(positional);
        xdecref(kwargs);
        CHECK(result);
        PUSH(result);
        break;  // not DISPATCH(): an indirect goto may not leave the scope of `arguments`/`names`
      }
      TARGET(DELETE_ATTR) {
        Object* owner = POP();
        int status = object_setattr(owner, name_at(code, oparg), nullptr);
        decref(owner);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(DELETE_GLOBAL) {
        Object* name = name_at(code, oparg);
        if (dict_del_item(frame->globals, name) < 0) {
          clear_exception();
          raise_name_error(name, code, frame->globals, frame->builtins);
          GOTO_ERROR();
        }
        DISPATCH();
      }
      TARGET(DELETE_DEREF) {
        Object* old = as_cell(frame->localsplus[oparg])->value.exchange(nullptr, std::memory_order_acq_rel);
        if (old == nullptr) {
          raise_unbound_local(code, oparg);
          GOTO_ERROR();
        }
        decref(old);
        DISPATCH();
      }
      TARGET(LIST_APPEND) {
        Object* value = POP();
        int status = list_append(PEEK(oparg), value);
        decref(value);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(MAP_ADD) {
        Object* value = POP();
        Object* key = POP();
        int status = dict_set_item(PEEK(oparg), key, value);
        decref(key);
        decref(value);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(LIST_EXTEND) {
        Object* iterable = POP();
        int status = list_extend(PEEK(oparg), iterable);
        decref(iterable);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      TARGET(BUILD_STRING) {
        std::string text;
        for (std::uint32_t i = oparg; i > 0; --i) text += str_view(PEEK(i));
        for (std::uint32_t i = 0; i < oparg; ++i) decref(POP());
        Object* result = str_from_utf8(text);
        CHECK(result);
        PUSH(result);
        break;  // not DISPATCH(): an indirect goto may not leave the scope of `text`
      }
      TARGET(FORMAT_VALUE) {
        Object* spec = (oparg & 4) ? POP() : nullptr;
        Object* value = POP();
        Object* converted = value;
        if ((oparg & 3) == 1) converted = object_str(value);
        else if ((oparg & 3) == 2) converted = object_repr(value);
        else if ((oparg & 3) == 3) converted = object_ascii(value);
        else incref(converted);
        decref(value);
        if (converted == nullptr) {
          xdecref(spec);
          GOTO_ERROR();
        }
        Object* result = format_object(converted, spec != nullptr ? str_view(spec) : std::string_view());
        decref(converted);
        xdecref(spec);
        CHECK(result);
        PUSH(result);
        DISPATCH();
      }
      TARGET(UNPACK_SEQUENCE) {
        Object* sequence = POP();
        bool ok = unpack_iterable(sequence, oparg, false, 0, sp);
        decref(sequence);
        if (!ok) GOTO_ERROR();
        sp += oparg;
        DISPATCH();
      }
      TARGET(UNPACK_EX) {
        std::uint32_t before = oparg & 0xFF;
        std::uint32_t after = oparg >> 8;
        Object* sequence = POP();
        bool ok = unpack_iterable(sequence, before, true, after, sp);
        decref(sequence);
        if (!ok) GOTO_ERROR();
        sp += before + after + 1;
        DISPATCH();
      }
      TARGET(KW_NAMES) kwnames = as_tuple(code->consts)->items[oparg]; DISPATCH();
      TARGET(CALL) {
        // Stack: [method | null] [self | callable] args[oparg]  (CPython 3.11's layout). With a
        // method below, self is the first argument.
        Object** bottom = sp - oparg - 2;
        bool is_method = bottom[0] != nullptr;
        Object* callable = is_method ? bottom[0] : bottom[1];
        Object** arguments = is_method ? bottom + 1 : bottom + 2;
        std::size_t total = oparg + (is_method ? 1 : 0);
        std::size_t keyword_count = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
        std::size_t positional = total - keyword_count;
        Object* names = kwnames;
        kwnames = nullptr;
        SAVE();
        if (is_function(callable)) {
          Frame* callee = push_function_frame(callable, arguments, positional, names);
          for (Object** slot = bottom; slot < sp; ++slot) xdecref(*slot);
          sp = bottom;
          frame->stack_pointer = sp;
          if (callee == nullptr) GOTO_ERROR();
          callee->previous = frame;
          frame = callee;
          LOAD();
          if (!thread->safepoint().is_ok()) thread->interrupt();  // as at entry (see above)
          DISPATCH();
        }
        Object* result = call_object(callable, arguments, positional, names);
        for (Object** slot = bottom; slot < sp; ++slot) xdecref(*slot);
        sp = bottom;
        CHECK(result);
        PUSH(result);
        DISPATCH();
      }
      TARGET(MAKE_FUNCTION) {
        Object* code_object = POP();
        Object* closure = (oparg & bytecode::make_function::kClosure) ? POP() : nullptr;
        Object* annotations = (oparg & bytecode::make_function::kAnnotations) ? POP() : nullptr;
        Object* kwdefaults = (oparg & bytecode::make_function::kKwDefaults) ? POP() : nullptr;
        Object* defaults = (oparg & bytecode::make_function::kDefaults) ? POP() : nullptr;
        Object* function = function_new(code_object, frame->globals, frame->builtins,
                                        as_code(code_object)->qualname);
        decref(code_object);
        if (function == nullptr) {
          xdecref(annotations);
          xdecref(closure);
          xdecref(kwdefaults);
          xdecref(defaults);
          GOTO_ERROR();
        }
        as_function(function)->closure = closure;
        as_function(function)->kwdefaults = kwdefaults;
        as_function(function)->defaults = defaults;
        as_function(function)->annotations = annotations;
        PUSH(function);
        DISPATCH();
      }
      TARGET(RETURN_VALUE) {
        Object* value = POP();
        frame->stack_pointer = sp;
        Frame* finished = frame;
        bool leave = finished->is_entry;
        // Read before release: a stack frame's memory may go back to the allocator.
        bool finished_generator = finished->generator != nullptr;
        frame = finished->previous;
        clear_frame(finished);
        release_frame(finished);
        if (leave) return value;
        if (finished_generator) {
          // An inline generator returned: its FOR_ITER is exhausted, or its SEND has a result.
          Opcode resumed_by = finish_generator_inline(finished, false);
          LOAD();
          std::uint32_t site_oparg = bytecode::word_oparg(ip[-1 - cache_words(resumed_by)]);
          decref(POP());  // the iterator / receiver
          if (resumed_by == Opcode::SEND) {
            PUSH(value);
          } else {
            decref(value);
          }
          ip += site_oparg;
          DISPATCH();
        }
        LOAD();
        PUSH(value);
        DISPATCH();
      }
      TARGET(LOAD_ASSERTION_ERROR) PUSH(new_ref(&assertion_error_type)); DISPATCH();
      TARGET(RAISE_VARARGS) {
        if (oparg == 0) {
          // Bare `raise`: re-raise the exception being handled, with its traceback as it is.
          Object* handled = current_handled_exception();
          if (handled == nullptr) {
            raise_error(&runtime_error_type, "No active exception to reraise");
            GOTO_ERROR();
          }
          restore_exception(new_ref(handled));
          frame->stack_pointer = sp;
          goto unwind;
        }
        Object* cause = oparg == 2 ? POP() : nullptr;
        Object* raised = POP();
        Object* exception = raised;
        if (type_has_flag(type_of(raised), type_flags::kTypeSubclass)) {
          exception = call_object(raised, nullptr, 0, nullptr);
          decref(raised);
          if (exception == nullptr) {
            xdecref(cause);
            GOTO_ERROR();
          }
        }
        if (!is_exception_instance(exception)) {
          decref(exception);
          xdecref(cause);
          raise_error(&type_error_type, "exceptions must derive from BaseException");
          GOTO_ERROR();
        }
        if (cause != nullptr) {
          cause = exception_cause_from(cause);
          if (cause == nullptr) {
            decref(exception);
            GOTO_ERROR();
          }
          auto* holder = static_cast<ExceptionObject*>(exception);
          xdecref(holder->cause);
          holder->cause = nullptr;
          holder->suppress_context = true;
          if (is_none(cause)) {
            decref(cause);
          } else {
            holder->cause = cause;
          }
        }
        set_exception(exception);
        GOTO_ERROR();
      }
      TARGET(PUSH_EXC_INFO) {
        // The handler's exception becomes the handled one; the previous one waits on the stack
        // for POP_EXCEPT.
        Object* exception = TOP();
        HandledExceptionState* level = exec_state().handled;
        Object* previous = level->exception;
        level->exception = new_ref(exception);
        TOP() = previous != nullptr ? previous : new_ref(none());
        PUSH(exception);
        DISPATCH();
      }
      TARGET(POP_EXCEPT) {
        HandledExceptionState* level = exec_state().handled;
        Object* finished = level->exception;
        level->exception = POP();
        xdecref(finished);
        DISPATCH();
      }
      TARGET(CHECK_EXC_MATCH) {
        Object* type = POP();
        bool matches = type_has_flag(type_of(type), type_flags::kTypeSubclass) &&
                       is_subtype(type_of(TOP()), static_cast<TypeObject*>(type));
        if (!matches && is_tuple(type)) {
          for (std::int64_t i = 0; i < as_tuple(type)->size && !matches; ++i) {
            Object* candidate = as_tuple(type)->items[i];
            matches = type_has_flag(type_of(candidate), type_flags::kTypeSubclass) &&
                      is_subtype(type_of(TOP()), static_cast<TypeObject*>(candidate));
          }
        }
        decref(type);
        PUSH(bool_from(matches));
        DISPATCH();
      }
      TARGET(RERAISE) {
        // With oparg, the saved lasti sits oparg slots down (CPython uses it only for f_lasti);
        // the handler search uses this RERAISE's own offset, and unwinding drops the slots.
        Object* exception = POP();
        restore_exception(exception);
        frame->stack_pointer = sp;
        goto unwind;  // keeps the traceback as it is: no new entry for a re-raise
      }
      TARGET(RETURN_GENERATOR) {
        // The frame moves into a new generator object, which is returned to the caller.
        SAVE();
        Object* generator = generator_from_frame(frame);
        CHECK(generator);
        Frame* finished = frame;
        bool leave = finished->is_entry;
        frame = finished->previous;
        frame_stack().pop(finished);  // emptied by generator_from_frame: nothing to clear
        if (leave) return generator;
        LOAD();
        PUSH(generator);
        DISPATCH();
      }
      TARGET(YIELD_VALUE) {
        // A generator's frame always runs as the entry frame of its own resumption, so yielding
        // leaves this loop; the resumer pushes the sent value when it continues.
        Object* value = POP();
        SAVE();
        if (frame->is_entry) return value;
        Frame* suspended = frame;
        frame = suspended->previous;
        suspend_generator_inline(suspended);  // last touch: another thread may resume it now
        LOAD();
        PUSH(value);
        DISPATCH();
      }
      TARGET(GET_YIELD_FROM_ITER) {
        Object* iterable = POP();
        Object* iterator = yield_from_iterator(iterable);
        decref(iterable);
        CHECK(iterator);
        PUSH(iterator);
        DISPATCH();
      }
      TARGET(SEND) {
        if (is_generator(PEEK(2))) {
          Object* value = POP();
          SAVE();
          Frame* resumed = nullptr;
          InlineResume outcome = resume_generator_inline(TOP(), value, frame, Opcode::SEND, &resumed);
          if (outcome == InlineResume::kError) GOTO_ERROR();
          if (outcome == InlineResume::kEntered) {
            frame = resumed;
            LOAD();
            DISPATCH();
          }
          decref(POP());
          PUSH(new_ref(none()));
          ip += oparg;
          DISPATCH();
        }
        Object* value = POP();
        Object* result = nullptr;
        SAVE();
        SendStatus status = yield_from_send(TOP(), value, &result);
        decref(value);
        if (status == SendStatus::kError) GOTO_ERROR();
        if (status == SendStatus::kReturned) {
          decref(POP());
          ip += oparg;
        }
        PUSH(result);
        DISPATCH();
      }
      TARGET(IMPORT_NAME) {
        const ImportHooks* hooks = import_hooks();
        if (hooks == nullptr) {
          not_implemented_op(op);
          GOTO_ERROR();
        }
        Object* fromlist = POP();
        Object* level = POP();
        SAVE();
        Object* module = hooks->import_name(frame->builtins, frame->globals,
                                            frame->locals != nullptr ? frame->locals : none(),
                                            name_at(code, oparg), fromlist, level);
        decref(fromlist);
        decref(level);
        CHECK(module);
        PUSH(module);
        DISPATCH();
      }
      TARGET(IMPORT_FROM) {
        const ImportHooks* hooks = import_hooks();
        if (hooks == nullptr) {
          not_implemented_op(op);
          GOTO_ERROR();
        }
        SAVE();
        Object* value = hooks->import_from(frame->builtins, TOP(), name_at(code, oparg));
        CHECK(value);
        PUSH(value);
        DISPATCH();
      }
      TARGET(IMPORT_STAR) {
        const ImportHooks* hooks = import_hooks();
        Object* module = POP();
        SAVE();
        int status = hooks != nullptr ? hooks->import_star(module, frame->locals) : -1;
        if (hooks == nullptr) not_implemented_op(op);
        decref(module);
        if (status < 0) GOTO_ERROR();
        DISPATCH();
      }
      default:
        not_implemented_op(op);
        GOTO_ERROR();
    }
    continue;

  error:
    frame->stack_pointer = sp;
    add_traceback_entry(code, code_line_for_offset(code, static_cast<std::uint32_t>(this_instr - code->bytecode)));
  unwind:
    for (;;) {
      std::uint32_t offset = static_cast<std::uint32_t>(this_instr - code->bytecode);
      const ExceptionTableEntry* handler = find_handler(code, offset);
      if (handler != nullptr) {
        Object** base = frame->stack_base() + handler->depth;
        while (sp > base) xdecref(POP());
        if (handler->push_lasti) PUSH(int_from_int64(offset));
        PUSH(take_exception());
        ip = code->bytecode + handler->handler;
        break;
      }
      frame->stack_pointer = sp;
      Frame* finished = frame;
      bool leave = finished->is_entry;
      bool finished_generator = finished->generator != nullptr;  // read before release (see RETURN_VALUE)
      frame = finished->previous;
      clear_frame(finished);
      release_frame(finished);
      if (leave) return nullptr;
      // Frames are linked by CALL, or (generators run inline) by FOR_ITER or SEND: the caller
      // resumes right after that instruction and its caches.
      Opcode linked_by = finished_generator ? finish_generator_inline(finished, true) : Opcode::CALL;
      LOAD();
      this_instr = ip - 1 - cache_words(linked_by);
      add_traceback_entry(code, code_line_for_offset(code, static_cast<std::uint32_t>(this_instr - code->bytecode)));
    }
  }
#undef TARGET
#undef DISPATCH
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
}

}  // namespace

}  // namespace stitch::interp
