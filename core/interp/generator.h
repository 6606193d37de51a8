// Generator objects: a suspended Python frame plus the state machine that resumes it.
//
// A generator function's call runs the code's prefix on the thread's frame stack until
// RETURN_GENERATOR, which moves the frame (locals, cells, value stack) into a new GeneratorObject
// and returns that. From then on the frame lives inside the generator, never on a frame stack, so
// any thread may resume it. FOR_ITER and SEND (for loops, `yield from`) resume it inline: its
// frame is linked above the caller's in the same eval loop, and YIELD_VALUE/RETURN_VALUE/an
// exception unlink it and continue the caller, so generator chains cost no native recursion.
// Resumptions from native code (next(), send(), throw(), close(), list(gen) ...) run the frame
// as the entry frame of a nested eval loop instead, whose YIELD_VALUE leaves that loop. Active
// generator frames count against the recursion limit; native levels are also capped.
//
// States (one atomic byte): created -> running -> suspended -> running -> ... -> completed.
// Every resumption first claims the generator with a compare-and-swap from created/suspended to
// running, so when two threads call next() at once exactly one wins and the other gets
// "ValueError: generator already executing". The claim is an acquire and the store that ends a
// run (suspended/completed) a release, so the frame's contents written by one runner are visible
// to the next runner on another thread. Only the thread holding the claim touches the frame.
//
// Each generator has its own level of the handled-exception stack (gi_exc_state): linked on top
// of the resumer's while it runs, unlinked when it yields, cleared when it finishes.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/compiler/bytecode/opcodes.h"
#include "core/interp/frame.h"
#include "core/object/exec_state.h"
#include "core/object/type.h"

namespace stitch::interp {

enum class GeneratorState : std::uint8_t { kCreated, kSuspended, kRunning, kCompleted };

struct GeneratorObject : Object {
  std::atomic<GeneratorState> state;
  bool frame_finished;  // the frame returned or raised, and its slots are cleared
  Object* name;         // str (__name__), owned
  Object* qualname;     // str (__qualname__), owned
  HandledExceptionState exc_state;
  bytecode::Opcode resumed_by;  // while running inline: the caller's FOR_ITER or SEND
  Frame frame;          // last: the frame's slots extend past the end of the struct
};

extern TypeObject generator_type;

inline bool is_generator(const Object* object) { return type_of(object) == &generator_type; }
inline GeneratorObject* as_generator(Object* object) { return static_cast<GeneratorObject*>(object); }

/// RETURN_GENERATOR: a new generator that takes over every reference `frame` (on the frame
/// stack, registers saved) holds, leaving it empty; or nullptr with the exception set.
Object* generator_from_frame(Frame* frame);

/// Called by the eval loop when a generator's frame returned or raised.
inline void mark_generator_frame_finished(Object* generator) {
  static_cast<GeneratorObject*>(generator)->frame_finished = true;
}

enum class SendStatus { kYielded, kReturned, kError };

// ---- Inline resumption: FOR_ITER and SEND over a generator continue in the same eval loop ----
// The caller's frame stays below, keeping the generator alive (it is the FOR_ITER iterator or
// the SEND receiver); the generator's frame is linked above it with `is_entry` false. When that
// frame yields, returns or raises, the loop unlinks it with the functions below and continues
// the caller after its FOR_ITER/SEND, so a chain of generators costs no native recursion.

enum class InlineResume { kEntered, kExhausted, kError };

/// Claims `generator` and links its frame above `caller`, with `value` (owned; nullptr for None)
/// sent in. kExhausted: it had already finished (nothing linked). kError: exception set
/// ("generator already executing", the just-started rule, the recursion limit).
InlineResume resume_generator_inline(Object* generator, Object* value, Frame* caller, bytecode::Opcode resumed_by,
                                     Frame** resumed);
/// YIELD_VALUE in an inline frame (registers saved): unlinks it and ends the claim. The frame
/// may run on another thread right after: the caller must not touch it again.
void suspend_generator_inline(Frame* frame);
/// The inline frame returned or raised (slots cleared). `raised`: apply PEP 479 to the exception
/// in flight. Returns the op that resumed it (FOR_ITER or SEND), whose oparg says where to go.
bytecode::Opcode finish_generator_inline(Frame* frame, bool raised);
/// Generator frames active on this thread (inline or not), for the recursion limit.
int active_generator_frames();

/// generator.send(value) (value borrowed): kYielded/kReturned with `*result` a new reference,
/// or kError with the exception set. An exhausted generator returns None.
SendStatus generator_send(Object* generator, Object* value, Object** result);

/// generator.throw() with the exception to throw already in flight; results as generator_send.
/// A generator suspended in `yield from` forwards it to the delegate (GeneratorExit, with
/// `close_on_generator_exit`, closes the delegate instead).
SendStatus generator_throw(Object* generator, bool close_on_generator_exit, Object** result);

/// generator.close(): throws GeneratorExit in at the suspension point. True when the generator
/// finished (or already had); false with the exception set ("generator ignored GeneratorExit").
bool generator_close(Object* generator);

/// `yield from` over any iterator: sends `value` to `receiver` (a generator, or any iterator
/// via __next__ for None and .send() otherwise). A StopIteration becomes kReturned.
SendStatus yield_from_send(Object* receiver, Object* value, Object** result);

/// GET_YIELD_FROM_ITER: a generator is its own iterator; anything else goes through iter().
Object* yield_from_iterator(Object* iterable);

void init_generator_type();

}  // namespace stitch::interp
