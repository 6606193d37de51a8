// Micro-benchmarks for core/unicode: property lookup, the word-at-a-time UTF-8 helpers and the
// case conversions on ASCII vs non-ASCII text.
#include <benchmark/benchmark.h>

#include <string>

#include "core/unicode/char_database.h"
#include "core/unicode/string_case.h"
#include "core/unicode/string_predicates.h"
#include "core/unicode/utf8.h"

namespace stitch::unicode {
namespace {

std::string repeat(std::string_view piece, std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += piece;
  return text;
}

const std::string& ascii_text() {
  static const std::string text = repeat("The quick brown fox jumps over the lazy dog. ", 4096);
  return text;
}
const std::string& greek_text() {
  static const std::string text = repeat("Η γρήγορη καφέ αλεπού πηδάει ΠΆΝΩ ΑΠΌ ΣΚΎΛΟΣ. ", 4096);
  return text;
}

void BM_PropertiesBmp(benchmark::State& state) {
  char32_t c = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(properties(c));
    c = (c + 7919) & 0xFFFF;
  }
}
BENCHMARK(BM_PropertiesBmp);

void BM_ToUpperBmp(benchmark::State& state) {
  char32_t c = 0;
  char32_t out[kMaxCaseMappingLength];
  for (auto _ : state) {
    benchmark::DoNotOptimize(to_upper(c, out));
    c = (c + 7919) & 0xFFFF;
  }
}
BENCHMARK(BM_ToUpperBmp);

template <typename Function>
void run_over_text(benchmark::State& state, const std::string& text, Function function) {
  for (auto _ : state) benchmark::DoNotOptimize(function(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_IsAsciiAscii(benchmark::State& s) { run_over_text(s, ascii_text(), is_ascii); }
void BM_CountCodePointsGreek(benchmark::State& s) {
  run_over_text(s, greek_text(), count_code_points);
}
void BM_OffsetOfMiddleGreek(benchmark::State& s) {
  const std::size_t middle = count_code_points(greek_text()) / 2;
  run_over_text(s, greek_text(),
                [&](std::string_view text) { return utf8_offset_of_code_point(text, middle); });
}
void BM_UpperAscii(benchmark::State& s) { run_over_text(s, ascii_text(), upper); }
void BM_UpperGreek(benchmark::State& s) { run_over_text(s, greek_text(), upper); }
void BM_LowerGreek(benchmark::State& s) { run_over_text(s, greek_text(), lower); }
void BM_TitleAscii(benchmark::State& s) { run_over_text(s, ascii_text(), title); }
void BM_TitleGreek(benchmark::State& s) { run_over_text(s, greek_text(), title); }
void BM_IsPrintableAscii(benchmark::State& s) { run_over_text(s, ascii_text(), str_isprintable); }
void BM_IsPrintableGreek(benchmark::State& s) { run_over_text(s, greek_text(), str_isprintable); }
void BM_DecodeGreek(benchmark::State& s) {
  std::u32string out;
  run_over_text(s, greek_text(), [&](std::string_view text) {
    out.clear();
    return decode_utf8(text, out);
  });
}
BENCHMARK(BM_IsAsciiAscii);
BENCHMARK(BM_CountCodePointsGreek);
BENCHMARK(BM_OffsetOfMiddleGreek);
BENCHMARK(BM_DecodeGreek);
BENCHMARK(BM_UpperAscii);
BENCHMARK(BM_UpperGreek);
BENCHMARK(BM_LowerGreek);
BENCHMARK(BM_TitleAscii);
BENCHMARK(BM_TitleGreek);
BENCHMARK(BM_IsPrintableAscii);
BENCHMARK(BM_IsPrintableGreek);

}  // namespace
}  // namespace stitch::unicode
