#include "core/compiler/frontend.h"

#include "core/compiler/parser.h"
#include "core/compiler/semantic_checks.h"

namespace stitch::compiler {

FrontendResult run_frontend(std::string_view source_text, std::string filename) {
  FrontendResult result;
  result.source = std::make_unique<SourceFile>(source_text, std::move(filename));
  const SourceFile& source = *result.source;
  if (source.load_error()) {
    result.error = source.load_error();
    return result;
  }
  ParseResult parsed = parse_module(source);
  if (parsed.error) {
    result.error = std::move(parsed.error);
    return result;
  }
  if (auto error = check_future_imports(*parsed.module, source)) {
    result.error = std::move(error);
    return result;
  }
  ScopeResult scopes = analyze_scopes(*parsed.module, source);
  if (scopes.error) {
    result.error = std::move(scopes.error);
    return result;
  }
  if (auto error = check_semantics(*parsed.module, source)) {
    result.error = std::move(error);
    return result;
  }
  if (parsed.unsupported) {
    result.error = std::move(parsed.unsupported);
    return result;
  }
  result.module = std::move(parsed.module);
  result.scopes = std::move(scopes.table);
  return result;
}

}  // namespace stitch::compiler
