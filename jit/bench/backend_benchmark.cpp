// Micro-benchmarks of the backend: copy-and-patch speed and arena batch cost.
#include <benchmark/benchmark.h>

#include "../tests/toy_jit.h"

namespace stitch::jit::toy {
namespace {

// plan + copy + patch of a 27-instruction program into a heap buffer (no syscalls).
void BM_PatchBranchyProgram(benchmark::State& state) {
  std::vector<PatchInstruction> program = divisible_by_3_or_5_program();
  PatchEnvironment environment = toy_environment();
  std::vector<uint8_t> buffer(4096);
  for (auto _ : state) {
    Result<ExecutorLayout> layout = plan_executor(toy_stencils::stencil_shim, program, {});
    Status status = emit_executor(*layout, toy_stencils::stencil_shim, program, environment, {}, buffer.data(),
                                  reinterpret_cast<uint64_t>(buffer.data()));
    benchmark::DoNotOptimize(status.ok());
    benchmark::DoNotOptimize(buffer.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(program.size()));
}
BENCHMARK(BM_PatchBranchyProgram);

// A batch of N executors: writer, N x build_executor, seal (mprotect), then release all.
void BM_ArenaBatchBuildSealRelease(benchmark::State& state) {
  CodeArena arena;
  std::vector<PatchInstruction> program = divisible_by_3_or_5_program();
  const int batch = static_cast<int>(state.range(0));
  std::vector<CodeBlock> blocks;
  for (auto _ : state) {
    CodeWriter writer = arena.writer();
    blocks.clear();
    for (int i = 0; i < batch; ++i) blocks.push_back(*compile_toy(writer, program));
    if (!writer.seal().ok()) state.SkipWithError("seal failed");
    for (const CodeBlock& block : blocks) arena.release(block);
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_ArenaBatchBuildSealRelease)->Arg(1)->Arg(16);

// Running the JIT-compiled sum loop (N = 1000) for scale.
void BM_RunJittedSumLoop(benchmark::State& state) {
  CodeArena arena;
  CodeWriter writer = arena.writer();
  CodeBlock block = *compile_toy(writer, sum_program(false));
  (void)writer.seal();
  for (auto _ : state) benchmark::DoNotOptimize(run_toy(block, 1000));
  arena.release(block);
}
BENCHMARK(BM_RunJittedSumLoop);

}  // namespace
}  // namespace stitch::jit::toy
