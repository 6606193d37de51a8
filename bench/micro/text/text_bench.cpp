// Micro-benchmarks of the hot conversions: repr/format of floats, int formatting and parsing.
#include <benchmark/benchmark.h>

#include <string>

#include "core/text/float_text.h"
#include "core/text/format.h"
#include "core/text/int_text.h"
#include "core/text/numeric_hash.h"
#include "core/text/parse_number.h"

namespace stitch::text {
namespace {

const double kDoubles[] = {0.1, 1.0 / 3.0, 123456.789, 1e-7, 6.02214076e23, 2.5, -17.125, 1e300};

void BM_FloatRepr(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(float_repr(kDoubles[i++ & 7]));
}
BENCHMARK(BM_FloatRepr);

void BM_FormatFloatFixed2(benchmark::State& state) {
  Expected<FormatSpec> spec = parse_format_spec(".2f", FormatSubject::kFloat);
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(format_float(kDoubles[i++ & 6], *spec));
}
BENCHMARK(BM_FormatFloatFixed2);

void BM_FormatIntGrouped(benchmark::State& state) {
  Expected<FormatSpec> spec = parse_format_spec(">20,", FormatSubject::kInt);
  int64_t value = 1234567890123;
  for (auto _ : state) benchmark::DoNotOptimize(format_int(value++, *spec));
}
BENCHMARK(BM_FormatIntGrouped);

void BM_IntToDecimal(benchmark::State& state) {
  int64_t value = 1234567890123;
  for (auto _ : state) benchmark::DoNotOptimize(int_to_decimal(value++));
}
BENCHMARK(BM_IntToDecimal);

void BM_ParseFormatSpec(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_format_spec("*^+#20_.3f", FormatSubject::kFloat));
}
BENCHMARK(BM_ParseFormatSpec);

void BM_ParseIntSmall(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_int("  -123_456_789 ", 10));
}
BENCHMARK(BM_ParseIntSmall);

void BM_ParseIntBig(benchmark::State& state) {
  std::string text(100, '7');
  for (auto _ : state) benchmark::DoNotOptimize(parse_int(text, 10));
}
BENCHMARK(BM_ParseIntBig);

void BM_ParseFloat(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_float(" 3.141592653589793 "));
}
BENCHMARK(BM_ParseFloat);

void BM_HashDouble(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(hash_double(kDoubles[i++ & 7]));
}
BENCHMARK(BM_HashDouble);

}  // namespace
}  // namespace stitch::text
