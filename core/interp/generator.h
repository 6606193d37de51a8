// Generator objects: a suspended Python frame plus the state machine that resumes it.
//
// A generator function's call runs the code's prefix on the thread's frame stack until
// RETURN_GENERATOR, which moves the frame (locals, cells, value stack) into a new GeneratorObject
// and returns that. From then on the frame lives inside the generator, never on a frame stack, so
// any thread may resume it: resuming runs the frame as the entry frame of a nested eval loop on
// the resuming thread (one native level per active resumption, counted against the recursion
// limit), and YIELD_VALUE leaves that loop with the frame saved in place.
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
  Frame frame;          // last: the frame's slots extend past the end of the struct
};

extern TypeObject generator_type;

inline bool is_generator(const Object* object) { return type_of(object) == &generator_type; }

/// RETURN_GENERATOR: a new generator that takes over every reference `frame` (on the frame
/// stack, registers saved) holds, leaving it empty; or nullptr with the exception set.
Object* generator_from_frame(Frame* frame);

/// Called by the eval loop when a generator's frame returned or raised.
inline void mark_generator_frame_finished(Object* generator) {
  static_cast<GeneratorObject*>(generator)->frame_finished = true;
}

enum class SendStatus { kYielded, kReturned, kError };

/// generator.send(value) (value borrowed): kYielded/kReturned with `*result` a new reference,
/// or kError with the exception set. An exhausted generator returns None.
SendStatus generator_send(Object* generator, Object* value, Object** result);

/// `yield from` over any iterator: sends `value` to `receiver` (a generator, or any iterator
/// via __next__ for None and .send() otherwise). A StopIteration becomes kReturned.
SendStatus yield_from_send(Object* receiver, Object* value, Object** result);

/// GET_YIELD_FROM_ITER: a generator is its own iterator; anything else goes through iter().
Object* yield_from_iterator(Object* iterable);

void init_generator_type();

}  // namespace stitch::interp
