// The extractor, run as a library on objects assembled at build time.
#include <gtest/gtest.h>

#include "jit/backend/extractor/stencil_extractor.h"

namespace stitch::jit::extractor {
namespace {

const ExtractedHole* hole_at(const ExtractedStencil& stencil, uint32_t offset) {
  for (const ExtractedHole& hole : stencil.holes)
    if (hole.offset == offset) return &hole;
  return nullptr;
}

TEST(StencilExtractor, ExtractsEveryRelocationKindWithOffsetsAndAddends) {
  Result<ExtractedStencilSet> set = extract_stencils_from_file(STITCH_TEST_RELOCATIONS_OBJECT, "stitch_stencil_");
  ASSERT_TRUE(set.ok()) << set.error();
  ASSERT_EQ(set->stencils.size(), 1u) << "the non-prefixed helper must be ignored";
  const ExtractedStencil& stencil = set->stencils[0];
  EXPECT_EQ(stencil.name, "every_kind");
  EXPECT_EQ(stencil.code.size(), 0x35u);
  EXPECT_EQ(stencil.code[0], 0x48);
  EXPECT_EQ(stencil.code[1], 0xB8);
  ASSERT_EQ(stencil.holes.size(), 8u);

  struct Expected {
    uint32_t offset;
    RelocationKind kind;
    HoleValue value;
    const char* symbol;
    int64_t addend;
  };
  const Expected expected[] = {
      {0x02, RelocationKind::kAbsolute64, HoleValue::kOperand0, "STITCH_HOLE_OPERAND0", 0},
      {0x0b, RelocationKind::kAbsolute32, HoleValue::kOparg, "STITCH_HOLE_OPARG", 0},
      {0x12, RelocationKind::kAbsolute32Signed, HoleValue::kOperand1, "STITCH_HOLE_OPERAND1", 0},
      // .Lconstant is 8 bytes into .rodata.cst8, which became the data blob at offset 0.
      {0x19, RelocationKind::kPcRelative32, HoleValue::kData, ".Lconstant", -4 + 8},
      {0x20, RelocationKind::kGotPcRelative32Rex, HoleValue::kRuntimeSymbol, "stitch_runtime_object", -4},
      {0x26, RelocationKind::kGotPcRelative32, HoleValue::kRuntimeSymbol, "stitch_runtime_function", -4},
      {0x2c, RelocationKind::kPlt32, HoleValue::kTarget, "STITCH_HOLE_TARGET", -4},
      {0x31, RelocationKind::kPlt32, HoleValue::kContinue, "STITCH_HOLE_CONTINUE", -4},
  };
  for (const Expected& e : expected) {
    const ExtractedHole* hole = hole_at(stencil, e.offset);
    ASSERT_NE(hole, nullptr) << "no hole at offset " << e.offset;
    EXPECT_EQ(hole->kind, e.kind) << e.symbol;
    EXPECT_EQ(hole->value, e.value) << e.symbol;
    EXPECT_EQ(hole->symbol, e.symbol);
    EXPECT_EQ(hole->addend, e.addend) << e.symbol;
  }

  // Read-only data inlined: both quads of .rodata.cst8.
  ASSERT_EQ(stencil.data.size(), 16u);
  EXPECT_EQ(stencil.data[0], 0x11);
  EXPECT_EQ(stencil.data[8], 0x22);
  EXPECT_EQ(stencil.data_alignment, 8u);

  EXPECT_EQ(stencil.trailing_continue_jump_offset, 0x30);
  ASSERT_EQ(set->runtime_symbols.size(), 2u);
  EXPECT_EQ(set->runtime_symbols[0], "stitch_runtime_object");
  EXPECT_EQ(set->runtime_symbols[1], "stitch_runtime_function");
}

TEST(StencilExtractor, RendersAHeaderWithHoleTableAndMetadata) {
  Result<ExtractedStencilSet> set = extract_stencils_from_file(STITCH_TEST_RELOCATIONS_OBJECT, "stitch_stencil_");
  ASSERT_TRUE(set.ok()) << set.error();
  std::string header = render_stencil_header(*set, "test::ns", "extractor_relocations.o");
  EXPECT_NE(header.find("namespace test::ns {"), std::string::npos);
  EXPECT_NE(header.find("inline constexpr ::stitch::jit::Stencil stencil_every_kind = {\"every_kind\""),
            std::string::npos);
  EXPECT_NE(header.find("{0x26, ::stitch::jit::RelocationKind::kGotPcRelative32, "
                        "::stitch::jit::HoleValue::kRuntimeSymbol, 1, -4}"),
            std::string::npos)
      << header;
  EXPECT_NE(header.find("\"stitch_runtime_object\", \"stitch_runtime_function\", nullptr"), std::string::npos);
  EXPECT_NE(header.find("stencil_every_kind_data, 16, 8"), std::string::npos);
}

TEST(StencilExtractor, RejectsUnknownRelocationKindNamingStencilKindAndOffset) {
  Result<ExtractedStencilSet> set = extract_stencils_from_file(STITCH_TEST_TLS_OBJECT, "stitch_stencil_");
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().find("stencil 'thread_local_read': unsupported relocation R_X86_64_TPOFF32 at offset 0x6"),
            std::string::npos)
      << set.error();
}

TEST(StencilExtractor, FailsCleanlyOnMissingFileAndMissingPrefix) {
  Result<ExtractedStencilSet> missing = extract_stencils_from_file("/nonexistent/stencils.o", "stitch_stencil_");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().find("/nonexistent/stencils.o"), std::string::npos);

  Result<ExtractedStencilSet> none = extract_stencils_from_file(STITCH_TEST_RELOCATIONS_OBJECT, "no_such_prefix_");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().find("no function symbol starts with 'no_such_prefix_'"), std::string::npos);
}

}  // namespace
}  // namespace stitch::jit::extractor
