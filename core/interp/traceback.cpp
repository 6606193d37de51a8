#include "core/interp/traceback.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "core/interp/suggestions.h"
#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/code.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/str.h"

namespace stitch::interp {

namespace {

TypeObject traceback_type;

void traceback_dealloc(Object* object) {
  auto* entry = static_cast<TracebackObject*>(object);
  xdecref(entry->next);
  xdecref(entry->code);
  free_object_memory(object);
}

// Line `line` (1-based) of `filename`, stripped of indentation, or "" when unreadable.
std::string source_line(const std::string& filename, std::int32_t line) {
  std::ifstream file(filename);
  std::string text;
  for (std::int32_t i = 1; i <= line && std::getline(file, text); ++i) {
    if (i == line) {
      std::size_t start = text.find_first_not_of(" \t\f");
      std::size_t end = text.find_last_not_of(" \t\r\n");
      return start == std::string::npos ? "" : text.substr(start, end - start + 1);
    }
  }
  return "";
}

}  // namespace

void add_traceback_entry(Object* code, std::int32_t line) {
  Object* exception = exec_state().exception;
  if (exception == nullptr || !is_exception_instance(exception)) return;
  auto* holder = static_cast<ExceptionObject*>(exception);
  incref(exception);
  auto* entry = allocate<TracebackObject>(&traceback_type);
  if (entry == nullptr) {
    set_exception(exception);  // out of memory: keep the original exception, minus this entry
    return;
  }
  decref(exception);
  entry->next = holder->traceback;
  entry->code = new_ref(code);
  entry->line = line;
  holder->traceback = entry;
}

namespace {

std::string format_one_exception(Object* exception);

// The chain first, oldest exception first, as CPython's traceback printing does: the cause
// (`raise ... from`), or else the context (raised while handling) unless suppressed. `seen`
// stops cycles.
std::string format_chain(Object* exception, std::vector<Object*>& seen) {
  seen.push_back(exception);
  auto* holder = static_cast<ExceptionObject*>(exception);
  auto unseen = [&seen](Object* link) {
    return link != nullptr && std::find(seen.begin(), seen.end(), link) == seen.end();
  };
  std::string report;
  if (holder->cause != nullptr) {
    if (unseen(holder->cause)) {
      report += format_chain(holder->cause, seen);
      report += "\nThe above exception was the direct cause of the following exception:\n\n";
    }
  } else if (holder->context != nullptr && !holder->suppress_context && unseen(holder->context)) {
    report += format_chain(holder->context, seen);
    report += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  return report + format_one_exception(exception);
}

}  // namespace

std::string format_exception_report(Object* exception, bool with_chain) {
  if (!with_chain) return format_one_exception(exception);
  std::vector<Object*> seen;
  return format_chain(exception, seen);
}

namespace {

std::string format_one_exception(Object* exception) {
  std::string report;
  auto* holder = static_cast<ExceptionObject*>(exception);
  if (holder->traceback != nullptr) {
    report += "Traceback (most recent call last):\n";
    for (Object* link = holder->traceback; link != nullptr;
         link = static_cast<TracebackObject*>(link)->next) {
      auto* entry = static_cast<TracebackObject*>(link);
      auto* code = as_code(entry->code);
      std::string filename(str_view(code->filename));
      report += "  File \"" + filename + "\", line " + std::to_string(entry->line) + ", in " +
                std::string(str_view(code->name)) + "\n";
      std::string text = source_line(filename, entry->line);
      if (!text.empty()) report += "    " + text + "\n";
    }
  }
  Ref summary = Ref::steal(exception_summary(exception));
  if (summary) {
    report += str_view(summary.get());
    report += suggestion_suffix(exception);
  } else {
    clear_exception();
    report += type_of(exception)->name;
  }
  report += "\n";
  return report;
}

}  // namespace

bool is_traceback(const Object* object) { return type_of(object) == &traceback_type; }

void init_traceback_type() {
  init_static_type(traceback_type, "traceback", sizeof(TracebackObject), &object_type, 0);
  traceback_type.dealloc = traceback_dealloc;
}

}  // namespace stitch::interp
