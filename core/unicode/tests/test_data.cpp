#include "test_data.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/unicode/utf8.h"

namespace stitch::unicode::testing {
namespace {

std::u32string parse_code_points(const std::string& field) {
  std::u32string result;
  if (field == "-") return result;
  std::stringstream parts(field);
  std::string part;
  while (std::getline(parts, part, '.')) {
    result.push_back(static_cast<char32_t>(std::stoul(part, nullptr, 16)));
  }
  return result;
}

TestData load() {
  TestData data;
  std::ifstream file(STITCH_UNICODE_TEST_DATA);
  std::string line;
  while (std::getline(file, line)) {
    std::istringstream fields(line);
    std::string kind;
    fields >> kind;
    if (kind == "C") {
      CodePointRun run;
      std::string first, last, properties;
      fields >> first >> last >> properties >> run.upper >> run.lower >> run.title >>
          run.casefold >> run.decimal >> run.digit >> run.numeric;
      run.first = static_cast<char32_t>(std::stoul(first, nullptr, 16));
      run.last = static_cast<char32_t>(std::stoul(last, nullptr, 16));
      run.properties = static_cast<std::uint32_t>(std::stoul(properties, nullptr, 16));
      data.runs.push_back(run);
    } else if (kind == "S" || kind == "P") {
      StringCase string_case;
      std::string input, expected;
      fields >> string_case.function >> input >> expected;
      string_case.input = parse_code_points(input);
      if (kind == "S") {
        string_case.expected_text = parse_code_points(expected);
        data.conversions.push_back(string_case);
      } else {
        string_case.expected_truth = expected == "1";
        data.predicates.push_back(string_case);
      }
    }
  }
  return data;
}

}  // namespace

const TestData& test_data() {
  static const TestData data = load();
  return data;
}

std::string to_utf8(const std::u32string& code_points) {
  std::string out;
  for (char32_t code_point : code_points) encode_utf8(code_point, out);
  return out;
}

}  // namespace stitch::unicode::testing
