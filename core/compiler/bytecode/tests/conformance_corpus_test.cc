// Robustness: every Tier 1 and Tier 2 conformance program that passes the front end compiles,
// and its disassembly can be produced. The programs are read at test time.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/compiler/bytecode/tests/codegen_test_support.h"

namespace stitch::bytecode::testing {
namespace {

using CodegenCorpusTest = stitch::testing::ObjectTest;

std::vector<std::filesystem::path> programs_in(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".py") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

void compile_directory(const char* tier) {
  std::filesystem::path directory = std::filesystem::path(STITCH_CONFORMANCE_DIR) / tier;
  std::vector<std::filesystem::path> paths = programs_in(directory);
  ASSERT_FALSE(paths.empty()) << directory;
  int compiled = 0;
  for (const auto& path : paths) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    compiler::FrontendResult frontend = compiler::run_frontend(text.str(), path.filename().string());
    if (!frontend.ok()) continue;  // syntax-error programs stop in the front end
    CompileResult result = compile_module(frontend);
    ASSERT_TRUE(result.ok()) << path << ": " << result.error->summary();
    std::string listing = disassemble(as_code(result.code));
    EXPECT_NE(listing.find("RETURN_VALUE"), std::string::npos) << path;
    decref(result.code);
    ++compiled;
  }
  EXPECT_GT(compiled, static_cast<int>(paths.size()) / 2);
}

TEST_F(CodegenCorpusTest, Tier1ProgramsCompile) { compile_directory("tier1"); }
TEST_F(CodegenCorpusTest, Tier2ProgramsCompile) { compile_directory("tier2"); }

}  // namespace
}  // namespace stitch::bytecode::testing
