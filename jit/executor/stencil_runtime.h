// Runtime functions only stencils call (through their GOT), defined in jit_runtime.cpp.
#pragma once

#include "core/interp/frame.h"

namespace stitch::jit {

/// Where JIT code continues `frame` at frame->next_instr: the entry of its code's executor for
/// that instruction, or nullptr when the interpreter must (no executor yet: this counts towards
/// the code's warm-up and may compile it; a generator's frame; not an instruction start).
void* stencil_resume_address(interp::Frame* frame);

}  // namespace stitch::jit
