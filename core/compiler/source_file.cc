#include "core/compiler/source_file.h"

#include <algorithm>
#include <cstdio>

#include "core/compiler/unicode.h"

namespace stitch::compiler {

namespace {

// The encoding named by a PEP 263 declaration ("# -*- coding: latin-1 -*-") on the first or second
// line, lower-cased; empty when there is none.
std::string declared_encoding(std::string_view raw) {
  for (int line = 0; line < 2 && !raw.empty(); ++line) {
    size_t end = raw.find('\n');
    std::string_view text = raw.substr(0, end);
    size_t hash = text.find_first_not_of(" \t\f");
    if (hash == std::string_view::npos || text[hash] != '#') {
      if (hash != std::string_view::npos) return {};  // code: no declaration after it
    } else {
      size_t coding = text.find("coding", hash);
      if (coding != std::string_view::npos && coding + 6 < text.size() &&
          (text[coding + 6] == ':' || text[coding + 6] == '=')) {
        size_t begin = text.find_first_not_of(" \t", coding + 7);
        std::string name;
        for (size_t i = begin; i < text.size(); ++i) {
          char c = text[i];
          bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_' || c == '.';
          if (!word) break;
          name.push_back(c == '_' ? '-' : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
        return name;
      }
    }
    if (end == std::string_view::npos) break;
    raw.remove_prefix(end + 1);
  }
  return {};
}

bool is_utf8_name(const std::string& name) { return name == "utf-8" || name == "utf8" || name.rfind("utf-8-", 0) == 0; }

}  // namespace

SourceFile::SourceFile(std::string_view raw_bytes, std::string filename)
    : filename_(std::move(filename)) {
  if (raw_bytes.size() >= 3 && raw_bytes.substr(0, 3) == "\xEF\xBB\xBF") raw_bytes.remove_prefix(3);
  std::string encoding = declared_encoding(raw_bytes);
  has_encoding_declaration_ = !encoding.empty();
  bool has_non_ascii = false;
  for (char c : raw_bytes) has_non_ascii |= static_cast<unsigned char>(c) >= 0x80;
  if (!encoding.empty() && !is_utf8_name(encoding) && has_non_ascii) {
    // Decoding such a file as UTF-8 would silently change its strings.
    SyntaxError error;
    error.message = "source encoding '" + encoding + "' is not supported by Stitch (only UTF-8 is)";
    error.filename = filename_;
    load_error_ = std::move(error);
  }
  normalize(raw_bytes);
  index_lines();
}

void SourceFile::normalize(std::string_view raw) {
  text_.reserve(raw.size() + 1);
  for (size_t i = 0; i < raw.size();) {
    unsigned char byte = static_cast<unsigned char>(raw[i]);
    if (byte == '\r') {
      text_.push_back('\n');
      i += (i + 1 < raw.size() && raw[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (byte == 0 && !load_error_) {
      // CPython: the line up to the NUL byte is the error text, and no caret is printed.
      SyntaxError error;
      error.message = "source code cannot contain null bytes";
      error.filename = filename_;
      error.line = 1 + static_cast<int>(std::count(text_.begin(), text_.end(), '\n'));
      size_t line_begin = text_.rfind('\n');
      error.text = text_.substr(line_begin == std::string::npos ? 0 : line_begin + 1);
      error.end_line = error.line;
      load_error_ = std::move(error);
    }
    if (byte >= 0x80) {
      size_t length = valid_utf8_sequence_length(raw, i);
      if (length == 0) {
        if (!load_error_) {
          // CPython reports undecodable input without a source position.
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
          int line = 1 + static_cast<int>(std::count(text_.begin(), text_.end(), '\n'));
          SyntaxError error;
          error.message = "Non-UTF-8 code starting with '" + std::string(escaped) + "' in file " +
                          filename_ + " on line " + std::to_string(line) +
                          ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
          error.filename = filename_;
          load_error_ = std::move(error);
        }
        text_.push_back(static_cast<char>(byte));
        i += 1;
        continue;
      }
      text_.append(raw.substr(i, length));
      i += length;
      continue;
    }
    text_.push_back(static_cast<char>(byte));
    i += 1;
  }
  if (!text_.empty() && text_.back() != '\n') text_.push_back('\n');
}

void SourceFile::index_lines() {
  line_starts_.push_back(0);
  bool ascii = true;
  for (size_t i = 0; i < text_.size(); ++i) {
    unsigned char byte = static_cast<unsigned char>(text_[i]);
    if (byte >= 0x80) ascii = false;
    if (byte == '\n') {
      line_is_ascii_.push_back(ascii);
      ascii = true;
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
  if (text_.empty()) {
    line_starts_.push_back(0);
    line_is_ascii_.push_back(true);
  }
}

std::string_view SourceFile::line_text(int line) const {
  std::string_view with_newline = line_text_with_newline(line);
  if (!with_newline.empty() && with_newline.back() == '\n') with_newline.remove_suffix(1);
  return with_newline;
}

std::string_view SourceFile::line_text_with_newline(int line) const {
  if (line < 1 || line > line_count()) return {};
  uint32_t begin = line_starts_[static_cast<size_t>(line - 1)];
  uint32_t end = line_starts_[static_cast<size_t>(line)];
  return std::string_view(text_).substr(begin, end - begin);
}

int SourceFile::line_of(uint32_t byte_offset) const {
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end() - 1, byte_offset);
  return std::max(1, static_cast<int>(after - line_starts_.begin()));
}

int SourceFile::column_of(int line, uint32_t byte_offset) const {
  if (line < 1 || line > line_count()) return 0;
  uint32_t begin = line_starts_[static_cast<size_t>(line - 1)];
  if (byte_offset <= begin) return 0;
  if (line_is_ascii_[static_cast<size_t>(line - 1)]) return static_cast<int>(byte_offset - begin);
  uint32_t from = begin;
  int column = 0;
  if (cached_line_ == line && cached_byte_ <= byte_offset) {
    from = cached_byte_;
    column = cached_column_;
  }
  column += static_cast<int>(count_code_points(std::string_view(text_).substr(from, byte_offset - from)));
  cached_line_ = line;
  cached_byte_ = byte_offset;
  cached_column_ = column;
  return column;
}

int SourceFile::byte_column(int line, int column) const {
  if (line < 1 || line > line_count() || column <= 0) return column;
  if (line_is_ascii_[static_cast<size_t>(line - 1)]) return column;
  std::string_view text = line_text_with_newline(line);
  size_t bytes = 0;
  int seen = 0;
  while (seen < column && bytes < text.size()) {
    bytes += 1;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) bytes += 1;
    seen += 1;
  }
  return static_cast<int>(bytes) + (column - seen);
}

}  // namespace stitch::compiler
