// The stencil extractor: reads a relocatable ELF x86-64 object compiled from a stencil source
// and turns every function named `<prefix><op>` into an ExtractedStencil (bytes + holes), then
// renders them as the C++ header `jit_stencils.h`.
//
// Algorithm: each stencil must live alone in its own section (-ffunction-sections) and start at
// offset 0 of it. Its bytes are the section contents; its holes are the relocations of that
// section. A relocation names a symbol, which decides the hole's value:
//   * STITCH_HOLE_<X>            -> the matching HoleValue (unknown X is an error);
//   * an undefined other symbol  -> a runtime symbol, resolved by name when patching;
//   * a defined symbol in a read-only data section (.rodata*) -> that section is copied into
//     the stencil's private data blob and the hole points into the blob (kData);
//   * anything else (writable data, thread-locals, other code, rodata that itself has
//     relocations) -> an error naming the stencil, the symbol and the offset.
// Any relocation kind outside RelocationKind fails with a message naming the stencil, the kind
// and the offset. The extractor is a build-time tool only: it is never linked into the runtime.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "jit/backend/backend_result.h"
#include "jit/backend/stencil.h"

namespace stitch::jit::extractor {

struct ExtractedHole {
  uint32_t offset;
  RelocationKind kind;
  HoleValue value;
  std::string symbol;  ///< The relocation's symbol name (runtime symbols are resolved by it).
  int64_t addend;      ///< For kData, already includes the offset inside the data blob.
};

struct ExtractedStencil {
  std::string name;  ///< Without the prefix.
  std::vector<uint8_t> code;
  uint32_t code_alignment = 1;
  std::vector<uint8_t> data;
  uint32_t data_alignment = 1;
  std::vector<ExtractedHole> holes;
  int32_t trailing_continue_jump_offset = -1;
};

struct ExtractedStencilSet {
  std::vector<ExtractedStencil> stencils;   ///< In symbol-table order.
  std::vector<std::string> runtime_symbols; ///< Distinct runtime symbol names, in first-use order.
};

/// Extracts every stencil whose symbol starts with `prefix` from the object file at `path`.
Result<ExtractedStencilSet> extract_stencils_from_file(const std::string& path,
                                                       std::string_view prefix);

/// Renders the set as a self-contained C++ header in namespace `cpp_namespace`.
std::string render_stencil_header(const ExtractedStencilSet& set, std::string_view cpp_namespace,
                                  std::string_view source_description);

/// Human-readable name of a relocation kind ("R_X86_64_PLT32").
const char* relocation_kind_name(RelocationKind kind);

}  // namespace stitch::jit::extractor
