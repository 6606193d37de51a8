// The disassembler: CPython-`dis`-like text for a code object, for `stitch --dis` and the
// compiler's golden tests.
//
//   Disassembly of <code object f, file "x.py", line 1>:   (nested code objects only)
//     2           0 LOAD_FAST                0 (x)
//                 1 RETURN_VALUE
//
// Columns as in CPython 3.11's dis: the line number where a new line starts (blank lines before
// it), ">>" on jump targets, the offset (in words), the op name, the oparg and its meaning
// (constant repr, name, local, "to <offset>" for jumps, operator symbol). Cache words are not
// shown. Then the exception table, one entry per line: "start to end -> handler [depth] lasti",
// where `end` is the last instruction covered (inclusive, like dis). With `recursive`, the code
// objects among the constants follow, depth first.
#pragma once

#include <string>

#include "core/object/code.h"

namespace stitch::bytecode {

std::string disassemble(const CodeObject* code, bool recursive = true);

}  // namespace stitch::bytecode
