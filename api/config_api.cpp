// stitch_config: string keys so options can be added without breaking the ABI (PEP 741's model).
// Every key has one kind (int or string); the wrong setter, an unknown key or a value out of range
// is a STITCH_E_CONFIG error naming the key and what it accepts.
#include <climits>
#include <cstring>
#include <string>

#include "api/api_internal.h"

using stitch::api::fail;
using stitch::api::guarded;
using stitch::api::succeed;

namespace {

constexpr std::int64_t kMaxJitThreshold = 1000000000;
constexpr std::int64_t kMinStackSize = 64 * 1024;
constexpr std::int64_t kMaxStackSize = std::int64_t{1} << 30;

constexpr const char* kKnownKeys = "abort_on_misuse, jit, jit_threshold, module_path, recursion_limit, stack_size";

bool is_int_key(const std::string& key) {
  return key == "recursion_limit" || key == "jit" || key == "jit_threshold" || key == "stack_size" ||
         key == "abort_on_misuse";
}
bool is_string_key(const std::string& key) { return key == "module_path"; }

stitch_status check_key(const char* function, const char* key, bool want_int) {
  if (key == nullptr) return fail(function, STITCH_E_INVALID_ARGUMENT, "the key is null");
  std::string name = key;
  if (!is_int_key(name) && !is_string_key(name)) {
    return fail(function, STITCH_E_CONFIG, "unknown key '" + name + "' (known keys: " + kKnownKeys + ")");
  }
  if (want_int && is_string_key(name)) {
    return fail(function, STITCH_E_CONFIG, "key '" + name + "' takes a string (use stitch_config_set_string)");
  }
  if (!want_int && is_int_key(name)) {
    return fail(function, STITCH_E_CONFIG, "key '" + name + "' takes an integer (use stitch_config_set_int)");
  }
  return STITCH_OK;
}

}  // namespace

extern "C" {

stitch_status stitch_config_new(stitch_config** out) {
  return guarded("stitch_config_new", [&] {
    if (out == nullptr) return fail("stitch_config_new", STITCH_E_INVALID_ARGUMENT, "out is null");
    *out = new stitch_config;
    return succeed();
  });
}

stitch_status stitch_config_set_int(stitch_config* config, const char* key, int64_t value) {
  constexpr const char* kFunction = "stitch_config_set_int";
  return guarded(kFunction, [&] {
    if (config == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the config is null");
    if (stitch_status status = check_key(kFunction, key, true); status != STITCH_OK) return status;
    std::string name = key;
    std::string got = " (got " + std::to_string(value) + ")";
    if (name == "recursion_limit") {
      if (value < 1 || value > INT_MAX) {
        return fail(kFunction, STITCH_E_CONFIG, "recursion_limit must be between 1 and 2147483647" + got);
      }
      config->recursion_limit = value;
    } else if (name == "jit") {
      if (value != 0 && value != 1) return fail(kFunction, STITCH_E_CONFIG, "jit must be 0 or 1" + got);
      config->jit = value;
    } else if (name == "jit_threshold") {
      // The CLI's -X jit-threshold range; the code objects' warm-up counters are 32-bit.
      if (value < 0 || value > kMaxJitThreshold) {
        return fail(kFunction, STITCH_E_CONFIG, "jit_threshold must be between 0 and 1000000000" + got);
      }
      config->jit_threshold = value;
    } else if (name == "stack_size") {
      // Below 64 KiB a script thread overflows its C stack before the recursion limit can help.
      if (value != 0 && (value < kMinStackSize || value > kMaxStackSize)) {
        return fail(kFunction, STITCH_E_CONFIG,
                    "stack_size must be 0 (the system default) or between 65536 and 1073741824 bytes" + got);
      }
      config->stack_size = value;
    } else {
      if (value != 0 && value != 1) return fail(kFunction, STITCH_E_CONFIG, "abort_on_misuse must be 0 or 1" + got);
      config->abort_on_misuse = value;
    }
    return succeed();
  });
}

stitch_status stitch_config_set_string(stitch_config* config, const char* key, const char* value) {
  constexpr const char* kFunction = "stitch_config_set_string";
  return guarded(kFunction, [&] {
    if (config == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the config is null");
    if (stitch_status status = check_key(kFunction, key, false); status != STITCH_OK) return status;
    if (value == nullptr) return fail(kFunction, STITCH_E_CONFIG, "the value of 'module_path' is null");
    // module_path: directories separated by ':' searched before the standard library.
    std::vector<std::string> entries;
    std::string text = value;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t colon = text.find(':', start);
      if (colon == std::string::npos) colon = text.size();
      if (colon > start) entries.push_back(text.substr(start, colon - start));
      start = colon + 1;
    }
    config->module_path = std::move(entries);
    config->has_module_path = true;
    return succeed();
  });
}

void stitch_config_free(stitch_config* config) { delete config; }

}  // extern "C"
