// Loads the expected values that gen_unicode_tables.py --test-data wrote from CPython 3.11 (see
// write_test_data in the script for the line formats).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace stitch::unicode::testing {

/// Expectations for a run of code points [first, last]: identical once single-code-point
/// mappings are written as deltas.
struct CodePointRun {
  char32_t first;
  char32_t last;
  std::uint32_t properties;
  std::string upper, lower, title, casefold;  // "d<delta>" or dotted hex code points
  int decimal;
  int digit;
  std::string numeric;  // Python repr of the float, or "-"
};

/// A string-level case: function(input) == expected (S lines) or predicate(input) (P lines).
struct StringCase {
  std::string function;
  std::u32string input;
  std::u32string expected_text;  // S lines
  bool expected_truth = false;   // P lines
};

struct TestData {
  std::vector<CodePointRun> runs;
  std::vector<StringCase> conversions;
  std::vector<StringCase> predicates;
};

/// Parsed once per process; aborts the test (empty data) if the file is missing.
const TestData& test_data();

/// UTF-8 of a code point sequence (surrogates as three bytes, like str storage).
std::string to_utf8(const std::u32string& code_points);

}  // namespace stitch::unicode::testing
