// The JIT as the interpreter sees it: install/remove it, retire every executor, and statistics.
//
// Executors across threads (ARCHITECTURE.md invariants 2, 3, 4):
//   * compile -> seal (read+execute) -> publish with a release CAS into code->executor from
//     nullptr; every thread loads it with acquire. Two threads compiling the same code at once
//     produce one installed executor; the loser's was never published, so its block goes back
//     to the arena at once.
//   * retirement (jit_reset(), or the code object being freed) unpublishes the executor; its
//     memory goes back to the arena only after a QSBR grace period, and threads report no
//     quiescent state while running JIT code (ThreadState::enter_native_code).
#pragma once

#include <cstdint>
#include <string>

#include "core/object/code.h"

namespace stitch::jit {

/// Installs the JIT for every interpreter loop started afterwards (process-wide; idempotent and
/// safe from several threads). Each runtime decides whether it uses it and its threshold
/// (rt::RuntimeConfig::jit_enabled / jit_threshold).
void jit_install();
/// Removes it (executors already installed stay until retired).
void jit_uninstall();
bool jit_installed();

/// Compiles `code` and installs its executor unless one is installed already. Returns whether an
/// executor is installed afterwards. Safe to call from many threads at once.
bool jit_compile_and_install(CodeObject* code);
/// Unpublishes every installed executor and retires it (freed after a grace period).
void jit_reset();

struct JitStatistics {
  std::uint64_t executors_compiled = 0;
  std::uint64_t executors_discarded = 0;  // lost an install race
  std::uint64_t compile_failures = 0;
  std::uint64_t instructions_compiled = 0;
  std::uint64_t deopt_instructions = 0;  // compiled as an exit to the interpreter
  std::uint64_t code_bytes = 0;
  std::uint64_t compile_nanoseconds = 0;
  std::uint64_t entries = 0;  // executor runs (each ends in one exit)
  std::uint64_t error_exits = 0;
  std::uint64_t retirements = 0;
  std::uint64_t live_executors = 0;
  std::string last_compile_failure;  // empty when nothing failed
};
JitStatistics jit_statistics();
/// The --jit-stats report.
std::string format_jit_statistics(const JitStatistics& statistics);

}  // namespace stitch::jit
