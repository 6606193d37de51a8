// Robustness of the front end and the bytecode compiler on bad input (issue 3): every prefix of
// every conformance program, seeded random byte mutations of them, and pathological nesting must
// each give a SyntaxError with a sane position or a clean compile -- never a crash, an assertion,
// a hang or a leak (leaks and memory errors are caught by the asan preset).
//
// The work is split into shards (one ctest test each) so that each stays well under a minute in
// the asan build. A watchdog thread aborts the process, naming the input, if one input runs for
// longer than kHangSeconds: an infinite loop fails the test instead of stalling ctest.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/compiler/bytecode/codegen.h"
#include "core/compiler/frontend.h"
#include "core/compiler/syntax_error.h"
#include "core/object/tests/object_test_support.h"

namespace stitch::compiler {
namespace {

constexpr int kPrefixShards = 24;
constexpr int kMutationShards = 4;
constexpr int kMutationsPerShard = 2500;
constexpr int kHangSeconds = 30;
#ifdef STITCH_SANITIZER_BUILD
constexpr double kSlowInputSeconds = 10.0;
#else
constexpr double kSlowInputSeconds = 2.0;
#endif

struct Program {
  std::string name;
  std::string text;
};

// tests/lang/tier1/*.py and tests/lang/tier2/**/*.py, sorted by path (the shards depend on it).
const std::vector<Program>& corpus() {
  static const std::vector<Program> programs = [] {
    namespace fs = std::filesystem;
    const fs::path root(STITCH_CONFORMANCE_DIR);
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(root / "tier1")) {
      if (entry.path().extension() == ".py") paths.push_back(entry.path());
    }
    for (const auto& entry : fs::recursive_directory_iterator(root / "tier2")) {
      if (entry.is_regular_file() && entry.path().extension() == ".py") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<Program> result;
    for (const fs::path& path : paths) {
      std::ifstream file(path, std::ios::binary);
      std::stringstream text;
      text << file.rdbuf();
      result.push_back({fs::relative(path, root).string(), text.str()});
    }
    return result;
  }();
  return programs;
}

// The input as a C++ string literal (for reproducing a failure), cut to `limit` bytes.
std::string quoted(std::string_view text, size_t limit = 400) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size() && i < limit; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\x%02x\"\"", c);
      out += escape;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += text.size() > limit ? "\"..." : "\"";
  return out;
}

// Aborts the process when one input takes longer than kHangSeconds.
class Watchdog {
 public:
  Watchdog() : thread_([this] { watch(); }) {}
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  void begin(const std::string& label, std::string_view input) {
    std::lock_guard lock(mutex_);
    label_ = label;
    input_ = quoted(input);
    started_ = std::chrono::steady_clock::now();
    busy_ = true;
  }
  void end() {
    std::lock_guard lock(mutex_);
    busy_ = false;
  }

 private:
  void watch() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      wake_.wait_for(lock, std::chrono::milliseconds(200));
      if (busy_ && std::chrono::steady_clock::now() - started_ > std::chrono::seconds(kHangSeconds)) {
        std::fprintf(stderr, "HANG: %s ran for more than %d s\ninput: %s\n", label_.c_str(), kHangSeconds,
                     input_.c_str());
        std::fflush(stderr);
        std::abort();
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool busy_ = false;
  std::string label_;
  std::string input_;
  std::chrono::steady_clock::time_point started_;
  std::thread thread_;
};

// A SyntaxError position is sane when it points into the file: the line exists (or is the one
// just past the end, where CPython reports some end-of-file errors) and the columns lie within
// their lines (1-based; one past the newline at most; 0 or -1 when unknown).
void expect_sane_position(const SyntaxError& error, const SourceFile& source, const std::string& label,
                          std::string_view input) {
  EXPECT_FALSE(error.message.empty()) << label << " " << quoted(input);
  if (error.line == 0) {  // no location at all: only for undecodable source
    EXPECT_TRUE(source.load_error().has_value()) << label << " " << error.summary() << " " << quoted(input);
    EXPECT_EQ(error.offset, 0) << label << " " << error.summary() << " " << quoted(input);
    return;
  }
  const int lines = std::max(source.line_count(), 1);
  auto width = [&](int line) { return static_cast<int>(source.line_text(line).size()); };
  EXPECT_GE(error.line, 1) << label << " " << error.summary() << " " << quoted(input);
  EXPECT_LE(error.line, lines + 1) << label << " " << error.summary() << " " << quoted(input);
  EXPECT_GE(error.offset, 0) << label << " " << error.summary() << " " << quoted(input);
  EXPECT_LE(error.offset, width(error.line) + 2)
      << label << " " << error.summary() << " line " << error.line << " " << quoted(input);
  if (error.end_line != 0) {
    EXPECT_GE(error.end_line, error.line) << label << " " << error.summary() << " " << quoted(input);
    EXPECT_LE(error.end_line, lines + 1) << label << " " << error.summary() << " " << quoted(input);
    EXPECT_GE(error.end_offset, -1) << label << " " << error.summary() << " " << quoted(input);
    EXPECT_LE(error.end_offset, width(error.end_line) + 2)
        << label << " " << error.summary() << " line " << error.end_line << " " << quoted(input);
  }
  // The report is built from the same fields: it must not trip over odd ones either.
  EXPECT_FALSE(format_syntax_error(error).empty());
}

class RobustnessTest : public stitch::testing::ObjectTest {
 protected:
  // Front end, then (when it accepts the input) the bytecode compiler.
  void check(std::string_view input, const std::string& label) {
    watchdog_.begin(label, input);
    auto started = std::chrono::steady_clock::now();
    FrontendResult frontend = run_frontend(input, "input.py");
    if (!frontend.ok()) {
      (frontend.source->load_error() ? undecodable_ : rejected_) += 1;
      expect_sane_position(*frontend.error, *frontend.source, label, input);
    } else {
      bytecode::CompileResult compiled = bytecode::compile_module(frontend);
      if (compiled.ok()) {
        compiled_ += 1;
        decref(compiled.code);
      } else {
        EXPECT_EQ(exec_state().exception, nullptr) << label << " " << compiled.error->summary() << " " << quoted(input);
        clear_exception();
        expect_sane_position(*compiled.error, *frontend.source, label, input);
      }
    }
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    EXPECT_LT(elapsed.count(), kSlowInputSeconds) << label << " " << quoted(input);
    watchdog_.end();
    if (HasFailure()) save_failing_input(input);
  }

  // The whole input of the first failure, for reproducing it with stitch-parse.
  static void save_failing_input(std::string_view input) {
    std::string path = ::testing::TempDir() + "stitch_robustness_failure.py";
    std::ofstream file(path, std::ios::binary);
    file.write(input.data(), static_cast<std::streamsize>(input.size()));
    std::printf("failing input saved to %s\n", path.c_str());
  }

  // "Kind: message (line, offset, end_line, end_offset)" from the front end, or "OK".
  static std::string error_of_frontend(std::string_view input) {
    FrontendResult result = run_frontend(input, "input.py");
    if (result.ok()) return "OK";
    const SyntaxError& e = *result.error;
    return e.summary() + " (" + std::to_string(e.line) + ", " + std::to_string(e.offset) + ", " +
           std::to_string(e.end_line) + ", " + std::to_string(e.end_offset) + ")";
  }

  void report_outcomes() const {
    std::printf("compiled %d, SyntaxError %d, undecodable %d\n", compiled_, rejected_, undecodable_);
  }

  Watchdog watchdog_;
  int compiled_ = 0;
  int rejected_ = 0;
  int undecodable_ = 0;
};

class PrefixRobustness : public RobustnessTest, public ::testing::WithParamInterface<int> {};
class MutationRobustness : public RobustnessTest, public ::testing::WithParamInterface<int> {};

TEST(RobustnessCorpus, IsFound) {
  EXPECT_GT(corpus().size(), 400u) << STITCH_CONFORMANCE_DIR;
}

// A run of prefix lengths [first, last] of one program: the unit of work of a prefix shard.
struct PrefixRun {
  const Program* program;
  size_t first;
  size_t last;
  double cost() const {  // the bytes the front end reads: the sum of the prefix lengths
    return (static_cast<double>(first) + static_cast<double>(last)) * static_cast<double>(last - first + 1) / 2;
  }
};

// The runs of each prefix shard. Checking every prefix of a program costs about its size
// squared, so long programs are cut into runs of kPrefixRunLength lengths, and the runs are dealt
// out most costly first, each to the least loaded shard.
constexpr size_t kPrefixRunLength = 1500;

std::vector<std::vector<PrefixRun>> prefix_shards() {
  std::vector<PrefixRun> runs;
  for (const Program& program : corpus()) {
    for (size_t first = 0; first <= program.text.size(); first += kPrefixRunLength) {
      runs.push_back({&program, first, std::min(first + kPrefixRunLength - 1, program.text.size())});
    }
  }
  std::sort(runs.begin(), runs.end(), [](const PrefixRun& a, const PrefixRun& b) {
    if (a.cost() != b.cost()) return a.cost() > b.cost();
    return a.program->name != b.program->name ? a.program->name < b.program->name : a.first < b.first;
  });
  std::vector<std::vector<PrefixRun>> shards(kPrefixShards);
  std::vector<double> load(kPrefixShards, 0.0);
  for (const PrefixRun& run : runs) {
    size_t lightest = static_cast<size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    shards[lightest].push_back(run);
    load[lightest] += run.cost() + 1000.0;  // plus a fixed cost per input
  }
  return shards;
}

// Every byte length of every program, spread over the shards.
TEST_P(PrefixRobustness, EveryPrefixOfEveryProgram) {
  static const std::vector<std::vector<PrefixRun>> shards = prefix_shards();
  for (const PrefixRun& run : shards[static_cast<size_t>(GetParam())]) {
    const Program& program = *run.program;
    for (size_t length = run.first; length <= run.last; ++length) {
      check(std::string_view(program.text).substr(0, length), program.name + " prefix " + std::to_string(length));
      if (HasFailure()) return;  // one reproducible failure is enough
    }
  }
  report_outcomes();
}

// Every length of every program is covered exactly once.
TEST(RobustnessCorpus, PrefixShardsCoverEveryLength) {
  size_t expected = 0;
  for (const Program& program : corpus()) expected += program.text.size() + 1;
  size_t covered = 0;
  for (const std::vector<PrefixRun>& shard : prefix_shards()) {
    for (const PrefixRun& run : shard) covered += run.last - run.first + 1;
  }
  EXPECT_EQ(covered, expected);
}

INSTANTIATE_TEST_SUITE_P(Shards, PrefixRobustness, ::testing::Range(0, kPrefixShards));

// Bytes worth trying: structure, layout, quotes, and bytes that are not valid UTF-8 or not allowed.
constexpr char kInterestingBytesRaw[] =
    "()[]{}:;,.=+-*/\\'\"#@!\n\r\t \f\x00\x01\x7f\x80\xbf\xc0\xc3\xe2\xed\xf0\xf4\xff";
constexpr std::string_view kInterestingBytes(kInterestingBytesRaw, sizeof kInterestingBytesRaw - 1);
// Fragments that tend to reach rarely used paths of the lexer and parser.
constexpr std::string_view kSnippets[] = {
    "(",      "[",      "{",       ")",       "]",      "}",        ":",        "\n",     "\n    ",   "\t",
    "\\\n",   "'",      "\"\"\"",  "'''",     "f'{",    "f\"{x!r:>{w}}\"", "}'", "lambda",  "lambda *a, **k: ",
    "yield",  "await ", "async ",  "def f(",  "class ", "global x\n", "nonlocal x\n", "return", "del ",  "*",
    "**",     ":=",     "->",      "...",     "0x",     "1e",       "1_",       "0o8",    "\xc3\xa9", "\xe2\x82\xac",
    "\\N{",   "\\x",    "\\u12",   "#",       "if ",    "else",     "elif ",    "try:\n", "except",  "finally",
    "with ",  "as ",    "for ",    " in ",    "not ",   "is ",      "match x:\n", "case ", "import ",  "from ",
    "@",      ";",      "=",       "+=",      ",",      "b'",       "r'",       "u'",     "rb'",      "0b",
    "!r}",    ":>{w}}", "=}",      "{x=!s:^{n}}", "f'''{", "f\"{f'{", "{{",   "}}",     "rf'{",     "'}\"",
};

// One to four edits. Most inputs get structural edits only (ASCII, so that the text still
// decodes and reaches the parser); one in eight also gets raw bytes (invalid UTF-8, NUL ...),
// which the source loader must reject cleanly.
std::string mutate(const std::string& original, std::mt19937& random) {
  std::string text = original;
  auto pick = [&](size_t bound) { return bound == 0 ? size_t{0} : static_cast<size_t>(random() % bound); };
  const bool raw_bytes = pick(8) == 0;
  const int edits = 1 + static_cast<int>(pick(4));
  for (int edit = 0; edit < edits; ++edit) {
    size_t at = pick(text.size() + 1);
    size_t kind = pick(7);
    if (!raw_bytes && kind <= 2) kind = 3 + pick(4);
    switch (kind) {
      case 0:  // overwrite one byte with any value
        if (at < text.size()) text[at] = static_cast<char>(pick(256));
        break;
      case 1:  // overwrite one byte with an interesting one
        if (at < text.size()) text[at] = kInterestingBytes[pick(kInterestingBytes.size())];
        break;
      case 2:  // insert an interesting byte
        text.insert(at, 1, kInterestingBytes[pick(kInterestingBytes.size())]);
        break;
      case 3:  // insert a snippet
        text.insert(at, kSnippets[pick(std::size(kSnippets))]);
        break;
      case 4:  // delete a short run
        text.erase(std::min(at, text.size()), 1 + pick(16));
        break;
      case 5: {  // duplicate a short run (repeats brackets, keywords, indentation ...)
        size_t length = std::min<size_t>(1 + pick(40), text.size() - std::min(at, text.size()));
        std::string run = text.substr(std::min(at, text.size()), length);
        for (size_t copies = 1 + pick(3); copies > 0; --copies) text.insert(at, run);
        break;
      }
      default: {  // deep nesting of one opener (rarely past the limits)
        static constexpr std::string_view kOpeners[] = {"(", "[", "{", "-", "not ", "lambda: ", "x if y else ", "f'{"};
        std::string_view opener = kOpeners[pick(std::size(kOpeners))];
        size_t depth = 1 + pick(pick(8) == 0 ? 3000 : 150);
        std::string run;
        for (size_t i = 0; i < depth; ++i) run += opener;
        text.insert(at, run);
        break;
      }
    }
  }
  return text;
}

// A longer local hunt: STITCH_ROBUSTNESS_MUTATIONS=<per shard> STITCH_ROBUSTNESS_SEED=<n>.
int environment_number(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::atoi(value) : fallback;
}

TEST_P(MutationRobustness, SeededRandomMutations) {
  const std::vector<Program>& programs = corpus();
  const int rounds = environment_number("STITCH_ROBUSTNESS_MUTATIONS", kMutationsPerShard);
  const unsigned seed = static_cast<unsigned>(environment_number("STITCH_ROBUSTNESS_SEED", 20261122));
  std::mt19937 random(seed + static_cast<unsigned>(GetParam()));
  for (int round = 0; round < rounds; ++round) {
    const Program& program = programs[random() % programs.size()];
    std::string input = mutate(program.text, random);
    check(input, program.name + " mutation " + std::to_string(GetParam()) + "/" + std::to_string(round));
    if (HasFailure()) return;
  }
  report_outcomes();
}

INSTANTIATE_TEST_SUITE_P(Shards, MutationRobustness, ::testing::Range(0, kMutationShards));

std::string repeat(std::string_view piece, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += piece;
  return out;
}

// Inputs the robustness runs found failing, kept as regression cases.
TEST_F(RobustnessTest, RegressionCases) {
  // An error in an f-string nested in a field was made relative to both fields: offset -21.
  check("print(f\"{f'{n}' * 2}\", f\"{'nested ' + f'{na;me}'}\")\n", "nested f-string error");
  check("x = f\"{f'{na;me}' + $}\"\n", "nested f-string error, then a bad character");
  // A dictionary key spanning lines and not followed by ':' had its end column reported on its
  // first line, past that line's end.
  check("d = {1: 2, (a,\n" + std::string(40, ' ') + "b) 3}\n", "multi-line dictionary key");
  check("{1:\"\"," + repeat("x if y else ", 333) + "x if y\n else " + repeat("x if y else ", 1330) + "\"\"}\n",
        "deep multi-line dictionary key");
}

// Deep nesting fails with a SyntaxError (CPython's tokenizer limit for brackets; for the rest,
// where CPython runs out of parser stack, Stitch's nesting limit) -- never a native stack overflow.
TEST_F(RobustnessTest, DeepNestingIsASyntaxError) {
  const std::string parens = repeat("(", 10000) + "x" + repeat(")", 10000) + "\n";
  EXPECT_EQ(error_of_frontend(parens), "SyntaxError: too many nested parentheses (1, 201, 1, 201)");
  EXPECT_EQ(error_of_frontend(repeat("[", 10000) + "\n"), "SyntaxError: too many nested parentheses (1, 201, 1, 201)");
  for (std::string_view opener : {"-", "not ", "lambda: ", "x if y else ", "await ", "*"}) {
    std::string source = repeat(opener, 10000) + "x\n";
    check(source, std::string("nested ") + std::string(opener));
    EXPECT_NE(error_of_frontend(source).find("SyntaxError: "), std::string::npos) << opener;
  }
  for (std::string_view chain : {"a+", "a.", "a[0]+", "f()", "a if b else "}) {
    std::string source = repeat(chain, 100000) + "a\n";
    check(source, std::string("chain ") + std::string(chain));
  }
  std::string blocks;
  for (int level = 0; level < 120; ++level) blocks += std::string(static_cast<size_t>(level), '\t') + "if x:\n";
  EXPECT_EQ(error_of_frontend(blocks + std::string(120, '\t') + "pass\n").substr(0, 53),
            "IndentationError: too many levels of indentation (101");
  check(repeat("f'{", 300) + "x" + repeat("}'", 300) + "\n", "nested f-strings");
  check(repeat("def f():\n", 1) + repeat("[", 150) + repeat("]", 150) + "\n", "brackets in a def");
  // Just inside the limits: accepted, and the recursive passes after the parser (scopes, checks,
  // code generation) must cope with the depth.
  for (std::string_view chain : {"a+", "a.", "a[0]+", "f()", "a**", "a<", "a and ", "a or "}) {
    std::string source = repeat(chain, 2990) + "a\n";
    check(source, std::string("long chain ") + std::string(chain));
  }
  for (std::string_view opener : {"-", "not ", "lambda: ", "x if y else ", "(", "[", "{1: ", "f'{"}) {
    std::string source = "x = " + repeat(opener, 199) + "x\n";
    check(source, std::string("deep ") + std::string(opener));
  }
  check(repeat("-", 990) + "x\n", "990 unary minus");
  check(repeat("lambda: ", 990) + "x\n", "990 lambdas");
  check("x = " + repeat("[i for i in ", 190) + "y" + repeat("]", 190) + "\n", "nested comprehensions");
  std::string functions;
  std::string loops;
  for (int level = 0; level < 99; ++level) {
    functions += std::string(static_cast<size_t>(level), ' ') + "def f" + std::to_string(level) + "(a):\n";
    loops += std::string(static_cast<size_t>(level), ' ') + "for i" + std::to_string(level) + " in x:\n";
  }
  check(functions + std::string(99, ' ') + "return a\n", "99 nested functions");
  check(loops + std::string(99, ' ') + "pass\n", "99 nested loops");  // too many statically nested blocks
  check(repeat("x = ", 100000) + "1\n", "long assignment chain");
  check(repeat("x, ", 100000) + "= y\n", "long target list");
  check("x = [" + repeat("1, ", 100000) + "]\n", "long list display");
  check("print(" + repeat("a, ", 100000) + ")\n", "many arguments");
}

}  // namespace
}  // namespace stitch::compiler
