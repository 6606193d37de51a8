// SourceFile: the text of one module as the lexer sees it, and the map from byte offsets to
// (line, column) positions.
//
// Loading does what CPython's tokenizer does to the raw bytes before tokenizing: a UTF-8 byte
// order mark is skipped, "\r\n" and lone "\r" become "\n" (universal newlines), and a final "\n"
// is added when the last line lacks one. The source must be UTF-8 and free of NUL bytes; a
// violation is reported as CPython reports it (see `load_error`). Stitch reads every file as
// UTF-8: a file declaring another encoding ("# -*- coding: latin-1 -*-") that contains non-ASCII
// bytes is rejected as unsupported rather than decoded differently from CPython.
//
// Columns are counted in code points from the start of the line (CPython's caret convention).
// Column lookups are O(1) on ASCII lines; on other lines they count code points from the last
// position asked for on that line, so a left-to-right scan costs linear time overall. That cache
// makes a SourceFile single-threaded (one front end run owns it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/compiler/syntax_error.h"

namespace stitch::compiler {

class SourceFile {
 public:
  SourceFile(std::string_view raw_bytes, std::string filename);

  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  const std::string& filename() const { return filename_; }
  /// The normalized text (every line ends with '\n' unless the file is empty).
  std::string_view text() const { return text_; }

  /// Set when the raw bytes are not valid source (NUL byte, invalid UTF-8): nothing else about the
  /// file is meaningful then.
  const std::optional<SyntaxError>& load_error() const { return load_error_; }

  int line_count() const { return static_cast<int>(line_starts_.size()) - 1; }
  uint32_t line_start(int line) const { return line_starts_[static_cast<size_t>(line - 1)]; }
  /// Line `line` (1-based) without its newline; empty for lines past the end.
  std::string_view line_text(int line) const;
  /// Line `line` including its newline, like CPython's SyntaxError.text.
  std::string_view line_text_with_newline(int line) const;
  /// The line containing `byte_offset` (binary search).
  int line_of(uint32_t byte_offset) const;
  /// Code points between the start of `line` and `byte_offset` (which lies on that line).
  int column_of(int line, uint32_t byte_offset) const;
  /// UTF-8 bytes between the start of `line` and its code-point column `column` (columns past
  /// the end of the line count one byte each).
  int byte_column(int line, int column) const;
  /// The column CPython 3.11 reports in a SyntaxError for a code-point column: UTF-8 bytes, unless
  /// the file declares its encoding (then CPython converts to code points).
  int error_column(int line, int column) const {
    return has_encoding_declaration_ ? column : byte_column(line, column);
  }
  bool has_encoding_declaration() const { return has_encoding_declaration_; }

 private:
  void normalize(std::string_view raw);
  void index_lines();

  std::string filename_;
  std::string text_;
  std::optional<SyntaxError> load_error_;
  std::vector<uint32_t> line_starts_;  // one per line, plus text_.size() as a sentinel
  std::vector<bool> line_is_ascii_;
  bool has_encoding_declaration_ = false;
  mutable int cached_line_ = 0;
  mutable uint32_t cached_byte_ = 0;
  mutable int cached_column_ = 0;
};

}  // namespace stitch::compiler
