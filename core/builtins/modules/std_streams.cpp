#include "core/builtins/modules/std_streams.h"

#include <mutex>
#include <string>

#include "core/object/args.h"
#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/runtime/runtime.h"

namespace stitch::builtins {

TypeObject text_stream_type;

namespace {

struct TextStreamObject : Object {
  std::FILE* file;
  const char* name;  // "<stdout>"
};

TextStreamObject stdout_stream;
TextStreamObject stderr_stream;

TextStreamObject* as_stream(Object* object) { return static_cast<TextStreamObject*>(object); }

// stdio may block (a full pipe, another thread holding the FILE lock): the thread is detached
// meanwhile, so pauses and QSBR never wait for it. `text` is owned by the caller's live str.
void write_detached(std::FILE* stream, std::string_view text) {
  rt::ThreadState* thread = exec_state().thread;
  if (thread == nullptr || !thread->is_attached()) {
    std::fwrite(text.data(), 1, text.size(), stream);
    return;
  }
  rt::DetachedScope detached(*thread);
  std::fwrite(text.data(), 1, text.size(), stream);
}

void flush_detached(std::FILE* stream) {
  rt::ThreadState* thread = exec_state().thread;
  if (thread == nullptr || !thread->is_attached()) {
    std::fflush(stream);
    return;
  }
  rt::DetachedScope detached(*thread);
  std::fflush(stream);
}

Object* stream_write(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("write", kwnames) || !check_exactly_one_argument("TextIOWrapper.write", nargs)) return nullptr;
  if (!is_str(args[0])) {
    return raise_error(&type_error_type, std::string("write() argument must be str, not ") + type_of(args[0])->name);
  }
  std::string_view text = str_view(args[0]);
  write_detached(as_stream(self)->file, text);
  return int_from_int64(as_str(args[0])->length);
}

Object* stream_flush(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("flush", kwnames) || !check_no_arguments("TextIOWrapper.flush", nargs)) return nullptr;
  flush_detached(as_stream(self)->file);
  return new_ref(none());
}

Object* stream_repr(Object* self) {
  return str_from_utf8(std::string("<_io.TextIOWrapper name='") + as_stream(self)->name +
                       "' mode='w' encoding='utf-8'>");
}

const MethodDef stream_methods[] = {
    {"write", stream_write},
    {"flush", stream_flush},
    {nullptr, nullptr},
};

void init_stream(TextStreamObject& stream, std::FILE* file, const char* name) {
  stream.header.type = &text_stream_type;
  rc::make_immortal(&stream.header);
  stream.file = file;
  stream.name = name;
}

}  // namespace

Object* standard_output() { return &stdout_stream; }
Object* standard_error() { return &stderr_stream; }

std::FILE* standard_stream_file(Object* object) {
  if (object == &stdout_stream || object == &stderr_stream) return as_stream(object)->file;
  return nullptr;
}

int write_to_file_object(Object* file, std::string_view text) {
  if (std::FILE* stream = standard_stream_file(file)) {
    if (stream == stderr) flush_detached(stdout);  // keep the two in program order on a terminal
    write_detached(stream, text);
    return 0;
  }
  Ref write = Ref::steal(object_getattr(file, str_intern("write")));
  if (!write) return -1;
  Ref piece = Ref::steal(str_from_utf8(text));
  if (!piece) return -1;
  Object* argument = piece.get();
  Ref result = Ref::steal(call_object(write.get(), &argument, 1, nullptr));
  return result ? 0 : -1;
}

int flush_file_object(Object* file) {
  if (std::FILE* stream = standard_stream_file(file)) {
    flush_detached(stream);
    return 0;
  }
  Ref flush = Ref::steal(object_getattr(file, str_intern("flush")));
  if (!flush) return -1;
  Ref result = Ref::steal(call_object(flush.get(), nullptr, 0, nullptr));
  return result ? 0 : -1;
}

void init_std_streams() {
  static std::once_flag once;
  std::call_once(once, [] {
    init_static_type(text_stream_type, "TextIOWrapper", sizeof(TextStreamObject), &object_type, 0);
    text_stream_type.repr = stream_repr;
    text_stream_type.methods = stream_methods;
    init_stream(stdout_stream, stdout, "<stdout>");
    init_stream(stderr_stream, stderr, "<stderr>");
  });
}

}  // namespace stitch::builtins
