#include "core/interp/suggestions.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/object/attribute_names.h"
#include "core/object/code.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/list.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/type.h"

namespace stitch::interp {

namespace {

constexpr std::size_t kMaxCandidates = 750;
constexpr std::size_t kMaxStringSize = 40;
constexpr std::size_t kMoveCost = 2;
constexpr std::size_t kCaseCost = 1;

std::size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

// One row of the distance matrix, updated in place; gives up (max_cost + 1) as soon as every
// entry of a row exceeds max_cost.
std::size_t levenshtein(std::string_view a, std::string_view b, std::size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  std::size_t row[kMaxStringSize];
  for (std::size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
  std::size_t result = 0;
  for (std::size_t b_index = 0; b_index < b.size(); ++b_index) {
    std::size_t distance = result = b_index * kMoveCost;
    std::size_t minimum = SIZE_MAX;
    for (std::size_t index = 0; index < a.size(); ++index) {
      std::size_t substitute = distance + substitution_cost(b[b_index], a[index]);
      distance = row[index];
      std::size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      row[index] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

std::string_view best_match(std::string_view name, const std::vector<std::string_view>& candidates) {
  if (candidates.size() >= kMaxCandidates) return {};
  std::string_view best;
  std::size_t best_distance = SIZE_MAX;
  for (std::string_view candidate : candidates) {
    if (candidate == name) continue;
    std::size_t max_distance = (name.size() + candidate.size() + 3) * kMoveCost / 6;
    max_distance = std::min(max_distance, best_distance - 1);
    std::size_t distance = levenshtein(name, candidate, max_distance);
    if (distance > max_distance) continue;
    if (best.empty() || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

void add_dict_keys(Object* dict, std::vector<std::string_view>& out) {
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  // Borrowed keys: the report runs with the program finished or the dict otherwise kept alive.
  while (dict_next(dict, &position, &key, &value)) {
    if (is_str(key)) out.push_back(str_view(key));
  }
}

std::string_view name_error_match(std::string_view name, Object* scope) {
  if (scope == nullptr || !is_tuple(scope) || as_tuple(scope)->size != 3) return {};
  auto* code = as_code(as_tuple(scope)->items[0]);
  std::vector<std::string_view> candidates;
  auto* locals = as_tuple(code->localsplus_names);
  for (std::int32_t i = 0; i < code->nlocals && i < locals->size; ++i) candidates.push_back(str_view(locals->items[i]));
  std::string_view match = best_match(name, candidates);
  for (int i = 1; match.empty() && i < 3; ++i) {
    candidates.clear();
    add_dict_keys(as_tuple(scope)->items[i], candidates);
    match = best_match(name, candidates);
  }
  return match;
}

}  // namespace

std::string suggestion_suffix(Object* exception) {
  if (!is_exception_instance(exception)) return "";
  auto* holder = static_cast<ExceptionObject*>(exception);
  if (holder->name == nullptr || !is_str(holder->name) || holder->obj == nullptr) return "";
  std::string_view name = str_view(holder->name);
  std::string_view match;
  if (is_subtype(type_of(exception), &name_error_type)) {
    match = name_error_match(name, holder->obj);
  } else if (is_subtype(type_of(exception), &attribute_error_type)) {
    std::vector<Object*> names;  // owned; dir(obj) order
    if (collect_attribute_names(holder->obj, names) < 0) clear_exception();
    Ref sorted = Ref::steal(sorted_name_list(names));
    if (!sorted) {
      clear_exception();
      return "";
    }
    std::vector<std::string_view> candidates;
    ListObject* list = as_list(sorted.get());
    for (std::int64_t i = 0; i < list_size(list); ++i) {
      Ref item = Ref::steal(list_item_ref(list, i));
      candidates.push_back(str_view(item.get()));  // the list keeps the str alive
    }
    std::string_view found = best_match(name, candidates);
    return found.empty() ? "" : ". Did you mean: '" + std::string(found) + "'?";
  }
  if (match.empty()) return "";
  return ". Did you mean: '" + std::string(match) + "'?";
}

}  // namespace stitch::interp
