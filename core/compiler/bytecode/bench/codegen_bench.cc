// Compile throughput: the code generator alone (front end results prepared once), over the Tier 1
// conformance programs, and the disassembler over the resulting code objects.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/compiler/bytecode/codegen.h"
#include "core/compiler/bytecode/disassembler.h"
#include "core/compiler/frontend.h"
#include "core/object/builtin_types.h"
#include "core/object/code.h"
#include "core/object/exec_state.h"
#include "core/runtime/runtime.h"

namespace {

struct Environment {
  std::unique_ptr<stitch::rt::Runtime> runtime;
  std::vector<stitch::compiler::FrontendResult> programs;
  std::int64_t source_bytes = 0;

  Environment() {
    stitch::init_object_model();
    stitch::rt::RuntimeConfig config;
    config.object_dealloc = &stitch::dealloc_object;
    runtime = std::move(stitch::rt::Runtime::create(config).value());
    stitch::exec_state().thread = *runtime->attach_current_thread();
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(STITCH_CONFORMANCE_DIR) / "tier1")) {
      if (entry.path().extension() == ".py") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      std::ifstream file(path, std::ios::binary);
      std::stringstream text;
      text << file.rdbuf();
      auto result = stitch::compiler::run_frontend(text.str(), path.filename().string());
      if (!result.ok()) continue;
      source_bytes += static_cast<std::int64_t>(result.source->text().size());
      programs.push_back(std::move(result));
    }
  }
};

Environment& environment() {
  static Environment* env = new Environment();  // lives for the process (the runtime stays attached)
  return *env;
}

void BM_CompileTier1Corpus(benchmark::State& state) {
  Environment& env = environment();
  for (auto _ : state) {
    for (const auto& program : env.programs) {
      stitch::bytecode::CompileResult result = stitch::bytecode::compile_module(program);
      benchmark::DoNotOptimize(result.code);
      stitch::decref(result.code);
    }
  }
  state.SetBytesProcessed(state.iterations() * env.source_bytes);
  state.counters["modules"] = static_cast<double>(env.programs.size());
}
BENCHMARK(BM_CompileTier1Corpus)->Unit(benchmark::kMillisecond);

void BM_DisassembleTier1Corpus(benchmark::State& state) {
  Environment& env = environment();
  std::vector<stitch::Object*> codes;
  for (const auto& program : env.programs) codes.push_back(stitch::bytecode::compile_module(program).code);
  for (auto _ : state) {
    for (stitch::Object* code : codes) {
      std::string text = stitch::bytecode::disassemble(stitch::as_code(code));
      benchmark::DoNotOptimize(text.data());
    }
  }
  for (stitch::Object* code : codes) stitch::decref(code);
}
BENCHMARK(BM_DisassembleTier1Corpus)->Unit(benchmark::kMillisecond);

}  // namespace
