// sys.stdout and sys.stderr: process-wide, immortal text streams over the C stdio FILEs (the same
// FILEs print() writes to, so their output interleaves in program order). Writes of one call go
// out in one fwrite, which stdio locks, so concurrent writers never interleave within a call.
#pragma once

#include <cstdio>
#include <string_view>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch::builtins {

extern TypeObject text_stream_type;

/// The immortal sys.stdout / sys.stderr objects (borrowed; they are never freed).
Object* standard_output();
Object* standard_error();

/// The FILE behind `object` if it is one of the standard streams, else nullptr.
std::FILE* standard_stream_file(Object* object);

/// Writes `text` to `file` (an object with a write method, or a standard stream). 0 or -1.
int write_to_file_object(Object* file, std::string_view text);
/// file.flush() (fflush for the standard streams). 0 or -1.
int flush_file_object(Object* file);

void init_std_streams();

}  // namespace stitch::builtins
