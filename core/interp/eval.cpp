// The dispatch loop. One C++ function runs every Python frame of a thread's call chain: a call to
// a Python function pushes a frame and continues here (no native recursion); a return pops it.
//
// Registers: `frame` (current frame), `ip` (next instruction word), `sp` (value stack top, one
// past). They are written back to the frame before anything that may inspect or re-enter it
// (calls, errors). Errors jump to `error`, which records a traceback entry, looks the raising
// instruction up in the code's exception table and either jumps to the handler or unwinds.
//
// Op bodies are the shared definitions of ops/*.h (RUN/BRANCH); the cases written out here are
// the ops that change which frame runs or own C++ objects. JIT executors are entered at a frame's
// start, after a return into it and at back-edges (jit_interface.h); they hand back the frame
// they stopped in. Ops not implemented raise RuntimeError naming the op (never a wrong result).
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
#include "core/interp/jit_interface.h"
#include "core/interp/ops/ops.h"
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
#include "core/runtime/runtime.h"

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

FrameStack& frame_stack() {
  thread_local FrameStack stack;
  return stack;
}

using ops::load_global;
using ops::name_at;
using ops::raise_name_error;
using ops::raise_unbound_local;
using ops::raise_unbound_free;

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
  if (frame_stack().depth() + static_cast<std::size_t>(active_generator_frames()) >
      static_cast<std::size_t>(recursion_limit())) {
    raise_error(&recursion_error_type, "maximum recursion depth exceeded");
    return false;
  }
  return true;
}

// A frame for calling `function` with the given arguments, or nullptr (exception set). The
// frame takes `function_reference`, a reference to `function` that the caller hands over (the
// CALL's callable slot), or takes a new one if it is null.
Frame* push_function_frame(Object* function, Object* const* args, std::size_t nargs, Object* kwnames,
                           Object* function_reference = nullptr) {
  auto* code = as_code(as_function(function)->code);
  Frame* frame = frame_stack().push(code);
  if (frame == nullptr) {
    xdecref(function_reference);
    raise_error(&memory_error_type, "");
    return nullptr;
  }
  frame->function = function_reference != nullptr ? function_reference : new_ref(function);
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

// CALL of a Python function: pushes and links the callee's frame, dropping the caller's call
// slots (`frame->next_instr` must already point after the CALL). Returns the callee, or nullptr
// with an exception set; either way `frame->stack_pointer` is the caller's new stack top.
[[gnu::always_inline]] inline Frame* call_python_function(Frame* frame, Object** sp, std::uint32_t oparg,
                                                        Object* kwnames) {
  Object** bottom = sp - oparg - 2;
  Object** callable_slot = bottom[0] != nullptr ? bottom : bottom + 1;
  Object** arguments = callable_slot + 1;
  std::size_t total = oparg + (bottom[0] != nullptr ? 1 : 0);
  std::size_t positional = total - (kwnames != nullptr ? as_tuple(kwnames)->size : 0);
  // The callable slot's reference moves into the frame: one incref and one decref fewer per
  // call, which for a deferred (per-thread counted) function are two out-of-line calls.
  Object* callable = *callable_slot;
  *callable_slot = nullptr;
  Frame* callee = push_function_frame(callable, arguments, positional, kwnames, callable);
  for (Object** slot = bottom; slot < sp; ++slot) xdecref(*slot);
  frame->stack_pointer = bottom;
  if (callee != nullptr) callee->previous = frame;
  return callee;
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

int recursion_limit() {
  rt::ThreadState* thread = exec_state().thread;
  return thread != nullptr ? thread->runtime().recursion_limit() : rt::RuntimeConfig{}.recursion_limit;
}
void set_recursion_limit(int limit) {
  if (rt::ThreadState* thread = exec_state().thread; thread != nullptr) thread->runtime().set_recursion_limit(limit);
}
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

Frame* jit_call_python(Frame* frame, Object** sp, std::uint32_t oparg) {
  return call_python_function(frame, sp, oparg, nullptr);
}

Frame* jit_return(Frame* frame, Object** sp) {
  Object* value = *--sp;
  frame->stack_pointer = sp;
  Frame* caller = frame->previous;
  clear_frame(frame);
  release_frame(frame);
  *caller->stack_pointer++ = value;
  return caller;
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
  // The JIT only if this runtime wants it (one load from the thread state, once per frame entry).
  const JitHooks* jit = thread->jit_enabled() ? jit_hooks() : nullptr;
  void* executor = nullptr;  // the one JIT_ENTRY_POINT chose

#define PUSH(value) (*sp++ = (value))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])
#define GOTO_ERROR() goto error
#define CHECK(value) \
  if ((value) == nullptr) goto error
#define SKIP_CACHES(op) ip += cache_words(op)
#define SAVE() (frame->next_instr = ip, frame->stack_pointer = sp)
// An op from ops/*.h: on failure to the error path, else on to the next instruction.
#define RUN(op_call)   \
  do {                 \
    if (!(op_call)) GOTO_ERROR(); \
    DISPATCH();        \
  } while (0)
// Where executors are entered: a frame's start, a return into it, a back-edge (OSR).
#define JIT_ENTRY_POINT()                                                                   \
  do {                                                                                      \
    if (jit != nullptr && frame->generator == nullptr &&                                    \
        (executor = jit_executor_to_enter(jit, thread->jit_threshold(), code)) != nullptr)  \
      goto enter_jit;                                                                       \
  } while (0)
#define BRANCH(op_call)                              \
  do {                                               \
    ops::Branch taken = (op_call);                   \
    if (taken == ops::Branch::kError) GOTO_ERROR();  \
    if (taken == ops::Branch::kJump) ip += oparg;    \
    DISPATCH();                                      \
  } while (0)
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
  // re-posted and raised at the next back-edge or Python call.
  if (!thread->safepoint().is_ok()) thread->interrupt();
  if (ip == code->bytecode) JIT_ENTRY_POINT();
  for (;;) {
    this_instr = ip;
    word = *ip++;
    op = bytecode::word_opcode(word);
    oparg = bytecode::word_oparg(word);
    SKIP_CACHES(op);
    switch (op) {
      TARGET(NOP) DISPATCH();
      TARGET(POP_TOP) RUN(ops::pop_top(frame, sp, oparg));
      TARGET(PUSH_NULL) RUN(ops::push_null(frame, sp, oparg));
      TARGET(COPY) RUN(ops::copy(frame, sp, oparg));
      TARGET(SWAP) RUN(ops::swap(frame, sp, oparg));
      TARGET(LOAD_CONST) RUN(ops::load_const(frame, sp, oparg));
      TARGET(LOAD_FAST) RUN(ops::load_fast(frame, sp, oparg));
      TARGET(STORE_FAST) RUN(ops::store_fast(frame, sp, oparg));
      TARGET(DELETE_FAST) RUN(ops::delete_fast(frame, sp, oparg));
      TARGET(MAKE_CELL) RUN(ops::make_cell(frame, sp, oparg));
      TARGET(COPY_FREE_VARS) RUN(ops::copy_free_vars(frame, sp, oparg));
      TARGET(LOAD_CLOSURE) RUN(ops::load_closure(frame, sp, oparg));
      TARGET(LOAD_DEREF) RUN(ops::load_deref(frame, sp, oparg));
      TARGET(STORE_DEREF) RUN(ops::store_deref(frame, sp, oparg));
      TARGET(LOAD_GLOBAL) RUN(ops::load_global(frame, sp, oparg));
      TARGET(STORE_GLOBAL) RUN(ops::store_global(frame, sp, oparg));
      TARGET(LOAD_NAME) RUN(ops::load_name(frame, sp, oparg));
      TARGET(STORE_NAME) RUN(ops::store_name(frame, sp, oparg));
      TARGET(DELETE_NAME) {
        Object* name = name_at(code, oparg);
        if (dict_del_item(frame->locals, name) < 0) {
          clear_exception();
          raise_name_error(name, code, frame->globals, frame->builtins);
          GOTO_ERROR();
        }
        DISPATCH();
      }
      TARGET(LOAD_ATTR) RUN(ops::load_attr(frame, sp, oparg));
      TARGET(LOAD_METHOD) RUN(ops::load_method(frame, sp, oparg));
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
        Object* name = as_tuple(code->localsplus_names)->items[oparg];
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
      TARGET(STORE_ATTR) RUN(ops::store_attr(frame, sp, oparg));
      TARGET(BINARY_SUBSCR) RUN(ops::binary_subscr(frame, sp, oparg));
      TARGET(STORE_SUBSCR) RUN(ops::store_subscr(frame, sp, oparg));
      TARGET(DELETE_SUBSCR) RUN(ops::delete_subscr(frame, sp, oparg));
      TARGET(BUILD_SLICE) RUN(ops::build_slice(frame, sp, oparg));
      TARGET(BINARY_OP) RUN(ops::binary_op(frame, sp, oparg, *ip));
      TARGET(UNARY_NEGATIVE) RUN(ops::unary<unary_negative>(frame, sp, oparg));
      TARGET(UNARY_POSITIVE) RUN(ops::unary<unary_positive>(frame, sp, oparg));
      TARGET(UNARY_INVERT) RUN(ops::unary<unary_invert>(frame, sp, oparg));
      TARGET(UNARY_NOT) RUN(ops::unary_not(frame, sp, oparg));
      TARGET(COMPARE_OP) RUN(ops::compare_op(frame, sp, oparg));
      TARGET(IS_OP) RUN(ops::is_op(frame, sp, oparg));
      TARGET(CONTAINS_OP) RUN(ops::contains_op(frame, sp, oparg));
      TARGET(JUMP_FORWARD) ip += oparg; DISPATCH();
      TARGET(JUMP_BACKWARD) {
        ip -= oparg;
        if (!thread->safepoint().is_ok()) {
          raise_error(&keyboard_interrupt_type, "");
          GOTO_ERROR();
        }
        JIT_ENTRY_POINT();
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_FALSE) BRANCH(ops::pop_jump_if(frame, sp, false));
      TARGET(POP_JUMP_IF_TRUE) BRANCH(ops::pop_jump_if(frame, sp, true));
      TARGET(POP_JUMP_IF_NONE) BRANCH(ops::pop_jump_if_none(frame, sp, true));
      TARGET(POP_JUMP_IF_NOT_NONE) BRANCH(ops::pop_jump_if_none(frame, sp, false));
      TARGET(JUMP_IF_FALSE_OR_POP) BRANCH(ops::jump_if_or_pop(frame, sp, false));
      TARGET(JUMP_IF_TRUE_OR_POP) BRANCH(ops::jump_if_or_pop(frame, sp, true));
      TARGET(GET_ITER) RUN(ops::get_iter(frame, sp, oparg));
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
        BRANCH(ops::for_iter(frame, sp));
      }
      TARGET(BUILD_TUPLE) RUN(ops::build_tuple(frame, sp, oparg));
      TARGET(BUILD_LIST) RUN(ops::build_list(frame, sp, oparg));
      TARGET(BUILD_MAP) RUN(ops::build_map(frame, sp, oparg));
      TARGET(BUILD_CONST_KEY_MAP) RUN(ops::build_const_key_map(frame, sp, oparg));
      TARGET(BUILD_SET) RUN(ops::build_set(frame, sp, oparg));
      TARGET(SET_ADD) RUN(ops::add_to_container<set_add>(frame, sp, oparg));
      TARGET(SET_UPDATE) RUN(ops::add_to_container<set_update>(frame, sp, oparg));
      TARGET(DICT_UPDATE)
      TARGET(DICT_MERGE) RUN(ops::add_to_container<dict_update>(frame, sp, oparg));
      TARGET(LIST_TO_TUPLE) RUN(ops::list_to_tuple(frame, sp, oparg));
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
      TARGET(DELETE_ATTR) RUN(ops::delete_attr(frame, sp, oparg));
      TARGET(DELETE_GLOBAL) {
        Object* name = name_at(code, oparg);
        if (dict_del_item(frame->globals, name) < 0) {
          clear_exception();
          raise_name_error(name, code, frame->globals, frame->builtins);
          GOTO_ERROR();
        }
        DISPATCH();
      }
      TARGET(DELETE_DEREF) RUN(ops::delete_deref(frame, sp, oparg));
      TARGET(LIST_APPEND) RUN(ops::add_to_container<list_append>(frame, sp, oparg));
      TARGET(MAP_ADD) RUN(ops::map_add(frame, sp, oparg));
      TARGET(LIST_EXTEND) RUN(ops::add_to_container<list_extend>(frame, sp, oparg));
      TARGET(BUILD_STRING) {
        std::string text;
        for (std::uint32_t i = oparg; i > 0; --i) text += str_view(PEEK(i));
        for (std::uint32_t i = 0; i < oparg; ++i) decref(POP());
        Object* result = str_from_utf8(text);
        CHECK(result);
        PUSH(result);
        break;  // not DISPATCH(): an indirect goto may not leave the scope of `text`
      }
      TARGET(FORMAT_VALUE) RUN(ops::format_value(frame, sp, oparg));
      TARGET(UNPACK_SEQUENCE) RUN(ops::unpack_sequence(frame, sp, oparg));
      TARGET(UNPACK_EX) RUN(ops::unpack_ex(frame, sp, oparg));
      TARGET(KW_NAMES) kwnames = as_tuple(code->consts)->items[oparg]; DISPATCH();
      TARGET(CALL) {
        Object* names = kwnames;
        kwnames = nullptr;
        SAVE();
        Object* callable = ops::call_target(sp, oparg);
        if (!is_function(callable)) RUN(ops::call_object_on_stack(sp, oparg, names));
        // A Python function: push its frame and continue here (no native recursion).
        Frame* callee = call_python_function(frame, sp, oparg, names);
        sp = frame->stack_pointer;
        if (callee == nullptr) GOTO_ERROR();
        frame = callee;
        LOAD();
        // A call is a safepoint. An interrupt raises in the callee before its first instruction
        // (CPython's RESUME does the same), so recursion without loops can be interrupted too.
        if (!thread->safepoint().is_ok()) {
          this_instr = ip;
          raise_error(&keyboard_interrupt_type, "");
          goto error;
        }
        JIT_ENTRY_POINT();
        DISPATCH();
      }
      TARGET(MAKE_FUNCTION) RUN(ops::make_function(frame, sp, oparg));
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
        JIT_ENTRY_POINT();
        DISPATCH();
      }
      TARGET(LOAD_ASSERTION_ERROR) RUN(ops::load_assertion_error(frame, sp, oparg));
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

  enter_jit: {
    SAVE();
    JitExit exit = jit->run(executor, frame, thread);
    frame = static_cast<Frame*>(thread->jit_frame);  // calls and returns may have changed it
    LOAD();
    if (exit == JitExit::kError) {
      this_instr = ip;
      goto error;
    }
    continue;  // the loop's head dispatches frame->next_instr
  }

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
#undef JIT_ENTRY_POINT
#undef RUN
#undef BRANCH
#undef DISPATCH
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
}

}  // namespace

}  // namespace stitch::interp
