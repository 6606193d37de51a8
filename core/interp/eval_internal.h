// What the rest of core/interp (generators) needs from the dispatch loop. Not for outside use.
#pragma once

#include <cstddef>

#include "core/interp/frame.h"
#include "core/object/object.h"

namespace stitch::interp {

/// Continues `frame` (a generator's frame, marked `is_entry`) where it suspended. `throwing`:
/// first raise the exception in flight at the suspended instruction. Returns the yielded or
/// returned value (the generator tells which), or nullptr with the exception set.
Object* eval_resumed_frame(Frame* frame, bool throwing);

/// Frames on the calling thread's frame stack (for the recursion limit).
std::size_t thread_frame_depth();

/// Drops every reference a frame holds (its slots up to the stack top, function, locals).
void clear_frame_slots(Frame* frame);

}  // namespace stitch::interp
