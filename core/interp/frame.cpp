#include "core/interp/frame.h"

#include <cstdlib>
#include <cstring>
#include <new>

namespace stitch::interp {

namespace {
constexpr std::size_t kChunkBytes = 64 * 1024;

std::size_t frame_bytes(const CodeObject* code) {
  std::size_t slots = static_cast<std::size_t>(code->nlocalsplus + code->stacksize);
  std::size_t bytes = sizeof(Frame) + (slots == 0 ? 0 : (slots - 1) * sizeof(Object*));
  return (bytes + 15) & ~std::size_t{15};
}
}  // namespace

FrameStack::~FrameStack() {
  while (top_ != nullptr) {
    Chunk* previous = top_->previous;
    std::free(top_);
    top_ = previous;
  }
}

Frame* FrameStack::push(CodeObject* code) {
  std::size_t bytes = frame_bytes(code);
  if (top_ == nullptr || top_->used + bytes > top_->size) {
    std::size_t size = bytes > kChunkBytes ? bytes : kChunkBytes;
    auto* chunk = static_cast<Chunk*>(std::malloc(sizeof(Chunk) + size));
    if (chunk == nullptr) return nullptr;
    chunk->previous = top_;
    chunk->size = size;
    chunk->used = 0;
    top_ = chunk;
  }
  auto* frame = reinterpret_cast<Frame*>(top_->data + top_->used);
  top_->used += bytes;
  // The header and the locals start empty; value-stack slots are written before they are read.
  std::memset(static_cast<void*>(frame), 0,
              reinterpret_cast<char*>(frame->localsplus + code->nlocalsplus) - reinterpret_cast<char*>(frame));
  frame->code = code;
  frame->next_instr = code->bytecode;
  frame->stack_pointer = frame->stack_base();
  frame->below = top_frame_;
  top_frame_ = frame;
  ++depth_;
  return frame;
}

void FrameStack::pop(Frame* frame) {
  std::size_t bytes = frame_bytes(frame->code);
  top_frame_ = frame->below;
  top_->used -= bytes;
  --depth_;
  if (top_->used == 0 && top_->previous != nullptr) {
    // Keep one chunk for the next call; free the emptied one above it.
    Chunk* empty = top_;
    top_ = top_->previous;
    std::free(empty);
  }
}

}  // namespace stitch::interp
