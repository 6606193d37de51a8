#include "core/compiler/bytecode/opcodes.h"

namespace stitch::bytecode {

namespace {
constexpr const char* kNames[] = {
#define STITCH_OPCODE_NAME(name, caches, doc) #name,
    STITCH_OPCODES(STITCH_OPCODE_NAME)
#undef STITCH_OPCODE_NAME
};
constexpr int kCacheWords[] = {
#define STITCH_OPCODE_CACHES(name, caches, doc) caches,
    STITCH_OPCODES(STITCH_OPCODE_CACHES)
#undef STITCH_OPCODE_CACHES
};
}  // namespace

const char* opcode_name(Opcode op) {
  auto index = static_cast<unsigned>(op);
  return index < static_cast<unsigned>(Opcode::kCount) ? kNames[index] : "<invalid>";
}

int opcode_cache_words(Opcode op) {
  auto index = static_cast<unsigned>(op);
  return index < static_cast<unsigned>(Opcode::kCount) ? kCacheWords[index] : 0;
}

}  // namespace stitch::bytecode
