// The `stitch` command: runs a Python-subset program like `python3` does.
//
//   stitch [options] file.py [args…]      stitch [options] -c "code" [args…]
//   stitch --dis file.py                  stitch --version | -h
//   -X jit=on|off  (also STITCH_JIT=0|1)   -X jit-threshold=N   -X jit-stats (or --jit-stats)
//
// Exit status as Python's: 0, 1 for an uncaught exception or a syntax error, 2 for a usage error
// (including a script that can't be opened), n for sys.exit(n).
//
// The command links the core libraries directly, not the public C API (include/stitch): it needs
// what the API does not offer hosts: --dis, the exact CPython report of an uncaught exception or
// a syntax error on stderr, SystemExit's status, a SIGINT handler that interrupts the main thread
// (async-signal-safe), threading._shutdown at exit and --jit-stats.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/builtins/builtins_module.h"
#include "core/builtins/modules/native_module.h"
#include "core/import/importer.h"
#include "core/import/standard_library.h"
#include "core/compiler/bytecode/codegen.h"
#include "core/compiler/bytecode/disassembler.h"
#include "core/compiler/frontend.h"
#include "core/interp/interpreter.h"
#include "core/interp/traceback.h"
#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/runtime/runtime.h"
#include "jit/executor/jit_runtime.h"
#include "jit/executor/stitch_module.h"

namespace {

// SIGINT asks the main thread for a KeyboardInterrupt, as CPython does: the handler only sets the
// main thread's interrupt request bit (a lock-free atomic OR, async-signal-safe), and the
// interpreter raises at its next back-edge (JIT code leaves for the interpreter when a request is
// pending); time.sleep wakes up for it. Other threads never see it.
std::atomic<stitch::rt::ThreadState*> main_thread_state{nullptr};
bool uncaught_keyboard_interrupt = false;

extern "C" void request_keyboard_interrupt(int) {
  if (stitch::rt::ThreadState* thread = main_thread_state.load(std::memory_order_relaxed)) thread->interrupt();
}

void install_sigint_handler(stitch::rt::ThreadState* thread) {
  main_thread_state.store(thread, std::memory_order_relaxed);
  struct sigaction action = {};
  action.sa_handler = request_keyboard_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
}

constexpr const char* kUsage =
    "usage: stitch [option] ... [-c cmd | file] [arg] ...\n"
    "Options:\n"
    "  -c cmd        program passed in as string\n"
    "  -X jit=on|off enable or disable the JIT (also STITCH_JIT=1|0; default on)\n"
    "  -X jit-threshold=N  calls + loop iterations before a function is compiled (default 1000)\n"
    "  -X jit-stats, --jit-stats  print JIT statistics to stderr at exit\n"
    "  --dis         print the bytecode of the program instead of running it\n"
    "  --version     print the version and exit\n"
    "  -h, --help    print this help and exit\n";

struct Options {
  std::string program_path;
  std::string program_text;
  bool from_command = false;
  bool disassemble = false;
  bool jit = true;
  bool jit_stats = false;
  std::int32_t jit_threshold = 1000;
  std::vector<std::string> arguments;
};

int usage_error(const std::string& message) {
  std::fprintf(stderr, "stitch: %s\n%s", message.c_str(), kUsage);
  return 2;
}

// Returns -1 to go on, or an exit status.
int parse_options(int argc, char** argv, Options& options) {
  int i = 1;
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (arg == "--version") {
      std::puts("Stitch 0.1.0 (copy-and-patch jit)");
      return 0;
    }
    if (arg == "--dis") {
      options.disassemble = true;
      continue;
    }
    if (arg == "--jit-stats") {
      options.jit_stats = true;
      continue;
    }
    if (arg == "-X") {
      if (i + 1 >= argc) return usage_error("argument expected for the -X option");
      std::string value = argv[++i];
      if (value == "jit=on" || value == "jit=off") {
        options.jit = value == "jit=on";
      } else if (value == "jit-stats") {
        options.jit_stats = true;
      } else if (value.rfind("jit-threshold=", 0) == 0) {
        std::string number = value.substr(14);
        char* end = nullptr;
        long threshold = std::strtol(number.c_str(), &end, 10);
        if (number.empty() || *end != '\0' || threshold < 0 || threshold > 1000000000)
          return usage_error("-X jit-threshold needs a whole number from 0 to 1000000000, not '" + number + "'");
        options.jit_threshold = static_cast<std::int32_t>(threshold);
      } else {
        return usage_error("unknown -X option '" + value + "'");
      }
      continue;
    }
    if (arg == "-c") {
      if (i + 1 >= argc) return usage_error("Argument expected for the -c option");
      options.from_command = true;
      options.program_text = argv[++i];
      options.program_path = "<string>";
      options.arguments.push_back("-c");
      ++i;
      break;
    }
    if (!arg.empty() && arg[0] == '-' && arg != "-") return usage_error("unknown option " + arg);
    options.program_path = arg;
    options.arguments.push_back(arg);
    ++i;
    break;
  }
  for (; i < argc; ++i) options.arguments.push_back(argv[i]);
  if (options.program_path.empty()) return usage_error("no program given (interactive mode is not supported)");
  if (!options.from_command) {
    std::ifstream file(options.program_path, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "stitch: can't open file '%s': [Errno 2] No such file or directory\n",
                   options.program_path.c_str());
      return 2;
    }
    std::ostringstream text;
    text << file.rdbuf();
    options.program_text = text.str();
  }
  return -1;
}

// Prints an uncaught exception like Python and returns the exit status (SystemExit's code).
int report_uncaught(stitch::Object* exception) {
  using namespace stitch;
  if (is_subtype(type_of(exception), &system_exit_type)) {
    auto* args = as_tuple(static_cast<ExceptionObject*>(exception)->args);
    if (args->size == 0 || is_none(args->items[0])) return 0;
    Object* code = args->items[0];
    if (is_int(code) && int_is_small(code)) return static_cast<int>(as_int(code)->small);
    Ref text = Ref::steal(object_str(code));
    if (text) std::fprintf(stderr, "%s\n", std::string(str_view(text.get())).c_str());
    return 1;
  }
  if (is_subtype(type_of(exception), &keyboard_interrupt_type)) uncaught_keyboard_interrupt = true;
  std::fflush(stdout);
  std::string report = interp::format_exception_report(exception);
  std::fputs(report.c_str(), stderr);
  return 1;
}

// sys.path: the script's directory ('' for -c: the current directory), then STITCH_PATH's
// colon-separated entries, then the standard library's Python modules (stitch::imports::standard_library_dir)
// so a program's own modules shadow them, as in CPython.
std::vector<std::string> search_path(const Options& options) {
  std::vector<std::string> path;
  if (options.from_command) {
    path.emplace_back("");
  } else {
    std::error_code error;
    auto script = std::filesystem::absolute(options.program_path, error);
    path.push_back(script.lexically_normal().parent_path().string());
  }
  if (const char* extra = std::getenv("STITCH_PATH")) {
    std::string entries = extra;
    std::size_t start = 0;
    while (start <= entries.size()) {
      std::size_t colon = entries.find(':', start);
      if (colon == std::string::npos) colon = entries.size();
      if (colon > start) path.push_back(entries.substr(start, colon - start));
      start = colon + 1;
    }
  }
  std::string library = stitch::imports::standard_library_dir();
  if (!library.empty()) path.push_back(std::move(library));
  return path;
}

// The __main__ module, registered in sys.modules, and sys.argv set to the script arguments.
stitch::Object* make_main_module(const Options& options, stitch::Object* importer) {
  using namespace stitch;
  Ref module = Ref::steal(module_new("__main__"));
  if (!module) return nullptr;
  Object* dict = module_dict(module.get());
  auto* state = static_cast<imports::Importer*>(importer);
  if (!options.from_command) {
    // CPython 3.9+ makes the main script's __file__ absolute.
    std::error_code error;
    auto absolute = std::filesystem::absolute(options.program_path, error).lexically_normal();
    Ref file = Ref::steal(str_from_utf8(error ? options.program_path : absolute.string()));
    if (!file || dict_set_item_str(dict, "__file__", file.get()) < 0) return nullptr;
  } else {
    as_module(module.get())->is_builtin = true;
  }
  if (dict_set_item_str(dict, "__builtins__", state->builtins) < 0 ||
      dict_set_item_str(state->modules, "__main__", module.get()) < 0) {
    return nullptr;
  }
  Ref sys = Ref::steal(imports::import_absolute(state, "sys"));
  Ref argv = Ref::steal(list_new(0));
  if (!sys || !argv) return nullptr;
  for (const std::string& argument : options.arguments) {
    Ref text = Ref::steal(str_from_utf8(argument));
    if (!text || list_append(argv.get(), text.get()) < 0) return nullptr;
  }
  if (dict_set_item_str(module_dict(sys.get()), "argv", argv.get()) < 0) return nullptr;
  return module.release();
}

// CPython's threading._shutdown at exit: wait for every non-daemon thread (only if the program
// imported threading), then for their last native steps (detaching from the runtime).
void wait_for_threads(stitch::Object* importer) {
  using namespace stitch;
  auto* state = static_cast<imports::Importer*>(importer);
  Ref threading = Ref::steal(dict_get_item_str(state->modules, "threading"));
  if (threading) {
    Ref shutdown = Ref::steal(object_lookup_attr_text(threading.get(), "_shutdown"));
    if (shutdown) {
      Ref done = Ref::steal(call_object(shutdown.get(), nullptr, 0, nullptr));
      if (!done) {
        Ref exception = Ref::steal(take_exception());
        std::fflush(stdout);
        std::fputs("Exception ignored in: <module 'threading' (frozen)>\n", stderr);
        std::fputs(interp::format_exception_report(exception.get()).c_str(), stderr);
      }
    }
  }
  clear_exception();
  rt::ThreadState* thread = exec_state().thread;
  rt::DetachedScope detached(*thread);
  (void)builtins::wait_for_non_daemon_threads(std::chrono::seconds(10));
}

int run(const Options& options, stitch::rt::ThreadState* thread) {
  using namespace stitch;
  exec_state().thread = thread;
  compiler::FrontendResult front = compiler::run_frontend(options.program_text, options.program_path);
  if (!front.ok()) {
    std::fflush(stdout);
    std::fputs(compiler::format_syntax_error(*front.error).c_str(), stderr);
    return 1;
  }
  auto compiled = bytecode::compile_module(front);
  if (!compiled.code) {
    std::fputs(compiler::format_syntax_error(*compiled.error).c_str(), stderr);
    return 1;
  }
  Ref code = Ref::steal(compiled.code);
  if (options.disassemble) {
    std::fputs(bytecode::disassemble(as_code(code.get())).c_str(), stdout);
    return 0;
  }
  Ref builtins = Ref::steal(builtins::make_builtins_dict());
  if (!builtins) return report_uncaught(take_exception());
  Ref importer = Ref::steal(imports::importer_new(builtins.get(), search_path(options)));
  if (!importer) return report_uncaught(take_exception());
  Ref main_module = Ref::steal(make_main_module(options, importer.get()));
  if (!main_module) {
    Ref exception = Ref::steal(take_exception());
    imports::importer_shutdown(importer.get());
    return report_uncaught(exception.get());
  }
  Object* globals = module_dict(main_module.get());
  Ref result = Ref::steal(interp::run_module_code(code.get(), globals, builtins.get()));
  int status = 0;
  if (!result) {
    Ref exception = Ref::steal(take_exception());
    status = report_uncaught(exception.get());
  }
  wait_for_threads(importer.get());
  std::fflush(stdout);
  if (builtins::running_thread_count() > 0) {
    // Daemon threads still run code that uses the modules: tearing those down under them would
    // crash them, so leave as CPython does for daemons (they just stop with the process).
    std::fflush(stderr);
    std::_Exit(status);
  }
  // Module functions reference their globals, which reference them: clearing every module's
  // namespace breaks those cycles, as CPython does at shutdown (until the cycle collector exists).
  Ref cleared = Ref::steal(dict_method_clear(globals, nullptr, 0, nullptr));
  clear_exception();
  imports::importer_shutdown(importer.get());
  clear_exception();
  clear_all_classes();  // classes are cycles too (their MRO names them; methods point back)
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (const char* setting = std::getenv("STITCH_JIT")) {
    std::string value = setting;
    if (value != "0" && value != "1") return usage_error("STITCH_JIT must be 0 or 1, not '" + value + "'");
    options.jit = value == "1";
  }
  int early = parse_options(argc, argv, options);  // -X jit=… overrides STITCH_JIT
  if (early >= 0) return early;
  if (options.jit) stitch::jit::jit_install();
  stitch::jit::register_stitch_module();

  stitch::init_object_model();
  stitch::interp::init_interpreter();
  stitch::imports::init_import_system();
  stitch::builtins::register_native_modules();
  stitch::rt::RuntimeConfig config;
  config.object_dealloc = &stitch::dealloc_object;
  config.jit_enabled = options.jit;
  config.jit_threshold = options.jit_threshold;
  auto runtime = stitch::rt::Runtime::create(config);
  if (!runtime) {
    std::fprintf(stderr, "stitch: %s\n", runtime.error().message().c_str());
    return 1;
  }
  auto thread = (*runtime)->attach_current_thread("stitch");
  if (!thread) {
    std::fprintf(stderr, "stitch: %s\n", thread.error().message().c_str());
    return 1;
  }
  install_sigint_handler(*thread);
  int status = run(options, *thread);
  main_thread_state.store(nullptr, std::memory_order_relaxed);
  stitch::clear_exception();
  stitch::exec_state().thread = nullptr;
  (void)(*runtime)->detach_current_thread("stitch");
  (void)(*runtime)->shutdown(std::chrono::seconds(10));
  if (options.jit_stats) {
    std::fflush(stdout);
    std::fputs(stitch::jit::format_jit_statistics(stitch::jit::jit_statistics()).c_str(), stderr);
  }
  if (uncaught_keyboard_interrupt) {
    // CPython 3.8+ ends "killed by SIGINT" after an uncaught KeyboardInterrupt, so that shells and
    // parents see the signal.
    std::fflush(stderr);
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
  }
  return status;
}
