// Frames: one per running code object, allocated on the thread's frame stack (not the heap), with
// the locals, cells, free variables and value stack stored contiguously after the header:
//
//   Frame | localsplus[0 .. nlocalsplus) | value stack[0 .. stacksize)
//
// A Python-to-Python call pushes a frame and continues in the same dispatch loop, so Python
// recursion never recurses on the native stack. Generators keep their frame in their own heap
// object instead (RETURN_GENERATOR moves it there; `generator` then points at the owner).
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/object/code.h"
#include "core/object/object.h"

namespace stitch::interp {

struct Frame {
  CodeObject* code;          // borrowed: `function` (or the caller, for module code) keeps it alive
  Object* function;          // owned FunctionObject, or nullptr for module and class bodies
  Object* globals;           // borrowed from the function / module
  Object* builtins;          // borrowed
  Object* locals;            // owned dict for module and class bodies (LOAD_NAME), else nullptr
  Frame* previous;           // the caller's frame on this thread, or nullptr
  const std::uint32_t* next_instr;
  Object** stack_pointer;    // one past the top of the value stack
  bool is_entry;             // returning from this frame leaves the current eval loop
  Object* generator;         // the GeneratorObject this frame is embedded in, or nullptr (borrowed)
  Frame* below;              // the frame pushed before this one on this thread (any eval loop)
  Object* localsplus[1];     // nlocalsplus + stacksize slots

  Object** stack_base() { return localsplus + code->nlocalsplus; }
  std::uint32_t instruction_offset() const {
    return static_cast<std::uint32_t>(next_instr - code->bytecode);
  }
};

/// The per-thread stack that frames are carved from: a list of chunks, grown on demand.
class FrameStack {
 public:
  FrameStack() = default;
  ~FrameStack();
  FrameStack(const FrameStack&) = delete;
  FrameStack& operator=(const FrameStack&) = delete;

  /// A frame for `code` with every slot nullptr, or nullptr when out of memory.
  Frame* push(CodeObject* code);
  /// Releases the most recently pushed frame (its slots must already be cleared).
  void pop(Frame* frame);
  std::size_t depth() const { return depth_; }
  /// The most recently pushed frame (the running Python frame), or nullptr.
  Frame* top_frame() const { return top_frame_; }

 private:
  struct Chunk {
    Chunk* previous;
    std::size_t size;   // bytes of `data`
    std::size_t used;
    alignas(16) unsigned char data[1];
  };
  Chunk* top_ = nullptr;
  std::size_t depth_ = 0;
  Frame* top_frame_ = nullptr;
};

}  // namespace stitch::interp
