// The random module: `random.Random` objects wrapping the CPython-exact RandomEngine
// (core/builtins/random), and the module-level functions, which are bound methods of one shared
// instance (as in Lib/random.py).
//
// Threads: each Random object has a mutex guarding its engine, a leaf lock held only while the
// engine computes (never while user code runs: sequence reads and writes happen after the random
// numbers were drawn, in CPython's order), so concurrent calls on the module-level generator are
// safe and every call consumes a contiguous run of the generator's output.
#include <cmath>
#include <string>
#include <vector>

#include "core/builtins/modules/native_module.h"
#include "core/builtins/random/random_engine.h"
#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/list.h"
#include "core/object/number_convert.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/sync/mutex.h"

namespace stitch::builtins {

namespace {

TypeObject random_type;

struct RandomObject : Object {
  sync::Mutex mutex;
  random::RandomEngine engine STITCH_GUARDED_BY(mutex);
};

RandomObject* as_random(Object* object) { return static_cast<RandomObject*>(object); }

// Runs `draw(engine)` under the object's lock and returns its result.
template <class Draw>
auto with_engine(Object* self, Draw draw) {
  RandomObject* random = as_random(self);
  random->mutex.lock(sync::LockMode::kDontDetach);
  auto result = draw(random->engine);
  random->mutex.unlock();
  return result;
}

Object* raise_random_error(const random::RandomError& error) {
  return raise_error(error.kind == random::ErrorKind::kIndexError ? &index_error_type : &value_error_type,
                     error.message);
}

Object* int_from_result(const random::IntResult& result) {
  return result.is_small() ? int_from_int64(result.small()) : int_from_mpz(result.big());
}

// An int argument as an IntArg (valid while `object` lives).
random::IntArg int_arg(Object* object) {
  if (int_is_small(object)) return random::IntArg(as_int(object)->small);
  return random::IntArg(&as_int(object)->big);
}

// randrange's argument conversion (3.11): ints as they are; integral floats accepted; others fail
// like int(x), non-integral values with "non-integer arg 1 for randrange()".
Ref randrange_int(Object* value, const char* which) {
  if (is_int(value)) return Ref::borrow(value);
  Ref converted = Ref::steal(int_from_object(value, nullptr));
  if (!converted) return converted;
  int equal = object_rich_compare_bool(converted.get(), value, CompareOp::kEq);
  if (equal < 0) return Ref();
  if (equal == 0) {
    raise_error(&value_error_type, std::string("non-integer ") + which + " for randrange()");
    return Ref();
  }
  return converted;
}

// ---- seeding ----

int seed_engine(Object* self, Object* seed) {
  if (seed == nullptr || is_none(seed)) {
    bool seeded = with_engine(self, [](random::RandomEngine& engine) { return engine.seed_from_system_entropy(); });
    if (!seeded) raise_error(&runtime_error_type, "random.seed(): the OS gave no entropy");
    return seeded ? 0 : -1;
  }
  Ref value;
  if (is_int(seed)) {
    value = Ref::borrow(seed);
  } else if (is_float(seed)) {
    Hash hash = object_hash(seed);  // CPython seeds floats with hash(x)
    if (hash == -1 && has_exception()) return -1;
    value = Ref::steal(int_from_int64(hash));
  } else if (is_str(seed)) {
    raise_error(&not_implemented_error_type, "Stitch: random.seed() of a str is not supported yet");
    return -1;
  } else {
    raise_error(&type_error_type, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    return -1;
  }
  if (!value) return -1;
  random::IntArg argument = int_arg(value.get());
  with_engine(self, [&](random::RandomEngine& engine) {
    engine.seed(argument);
    return 0;
  });
  return 0;
}

Object* random_seed(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* seed = nargs > 0 ? args[0] : nullptr;
  std::int64_t keywords = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  for (std::int64_t i = 0; i < keywords; ++i) {
    std::string_view name = str_view(as_tuple(kwnames)->items[i]);
    if (name == "a") {
      seed = args[nargs + static_cast<std::size_t>(i)];
    } else if (name != "version") {
      return raise_error(&type_error_type, "Random.seed() got an unexpected keyword argument '" + std::string(name) + "'");
    }
  }
  if (nargs > 2) return raise_error(&type_error_type, "Random.seed() takes from 1 to 3 positional arguments but " + std::to_string(nargs + 1) + " were given");
  if (seed_engine(self, seed) < 0) return nullptr;
  return new_ref(none());
}

// ---- numbers ----

Object* random_random(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("Random.random", kwnames) || !check_no_arguments("Random.random", nargs)) return nullptr;
  return float_from_double(with_engine(self, [](random::RandomEngine& engine) { return engine.random(); }));
}

Object* random_getrandbits(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("getrandbits", kwnames) || !check_exactly_one_argument("Random.getrandbits", nargs)) return nullptr;
  if (!is_int(args[0])) {
    return raise_error(&type_error_type, std::string("'") + type_of(args[0])->name + "' object cannot be interpreted as an integer");
  }
  if (!int_is_small(args[0])) return raise_error(&overflow_error_type, "Python int too large to convert to C int");
  std::int64_t bits = as_int(args[0])->small;
  auto result = with_engine(self, [&](random::RandomEngine& engine) { return engine.getrandbits(bits); });
  if (!result) return raise_random_error(result.error());
  return int_from_result(*result);
}

// randrange(start, stop=None, step=1)
Object* random_randrange(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* values[3] = {nargs > 0 ? args[0] : nullptr, nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr};
  std::int64_t keywords = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  for (std::int64_t i = 0; i < keywords; ++i) {
    std::string_view name = str_view(as_tuple(kwnames)->items[i]);
    int slot = name == "start" ? 0 : name == "stop" ? 1 : name == "step" ? 2 : -1;
    if (slot < 0) {
      return raise_error(&type_error_type, "Random.randrange() got an unexpected keyword argument '" + std::string(name) + "'");
    }
    values[slot] = args[nargs + static_cast<std::size_t>(i)];
  }
  if (nargs > 3) return raise_error(&type_error_type, "Random.randrange() takes from 2 to 4 positional arguments but " + std::to_string(nargs + 1) + " were given");
  if (values[0] == nullptr) return raise_error(&type_error_type, "Random.randrange() missing 1 required positional argument: 'start'");
  if (values[1] != nullptr && is_none(values[1])) values[1] = nullptr;
  Ref start = randrange_int(values[0], "arg 1");
  if (!start) return nullptr;
  if (values[1] == nullptr) {
    if (values[2] != nullptr) return raise_error(&type_error_type, "Missing a non-None stop argument");
    random::IntArg stop = int_arg(start.get());
    auto result = with_engine(self, [&](random::RandomEngine& engine) { return engine.randrange(stop); });
    if (!result) return raise_random_error(result.error());
    return int_from_result(*result);
  }
  Ref stop = randrange_int(values[1], "stop");
  if (!stop) return nullptr;
  Ref step = values[2] != nullptr ? randrange_int(values[2], "step") : Ref::steal(int_from_int64(1));
  if (!step) return nullptr;
  random::IntArg low = int_arg(start.get()), high = int_arg(stop.get()), stride = int_arg(step.get());
  auto result = with_engine(self, [&](random::RandomEngine& engine) { return engine.randrange(low, high, stride); });
  if (!result) return raise_random_error(result.error());
  return int_from_result(*result);
}

Object* random_randint(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("randint", kwnames)) return nullptr;
  if (nargs != 2) {
    return raise_error(&type_error_type, nargs < 2 ? "Random.randint() missing " + std::to_string(2 - nargs) +
                                                         " required positional argument" + (nargs == 0 ? "s: 'a' and 'b'" : ": 'b'")
                                                   : "Random.randint() takes 3 positional arguments but " + std::to_string(nargs + 1) + " were given");
  }
  if (!is_int(args[0]) || !is_int(args[1])) {
    // randint(a, b) is randrange(a, b + 1): let randrange's conversions and messages apply.
    Ref upper = Ref::steal(binary_op(args[1], int_from_int64(1), BinaryOp::kAdd));
    if (!upper) return nullptr;
    Object* forwarded[] = {args[0], upper.get()};
    return random_randrange(self, forwarded, 2, nullptr);
  }
  random::IntArg low = int_arg(args[0]), high = int_arg(args[1]);
  auto result = with_engine(self, [&](random::RandomEngine& engine) { return engine.randint(low, high); });
  if (!result) return raise_random_error(result.error());
  return int_from_result(*result);
}

Object* random_uniform(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("uniform", kwnames)) return nullptr;
  if (nargs != 2) return raise_error(&type_error_type, "Random.uniform() takes 3 positional arguments but " + std::to_string(nargs + 1) + " were given");
  double bounds[2];
  for (int i = 0; i < 2; ++i) {
    if (is_float(args[i])) {
      bounds[i] = float_value(args[i]);
    } else if (is_int(args[i])) {
      if (!int_as_double(args[i], &bounds[i])) return nullptr;
    } else {
      return raise_error(&type_error_type, std::string("unsupported operand type(s) for -: '") + type_of(args[1])->name +
                                               "' and '" + type_of(args[0])->name + "'");
    }
  }
  return float_from_double(with_engine(self, [&](random::RandomEngine& engine) { return engine.uniform(bounds[0], bounds[1]); }));
}

// ---- sequences ----

Object* item_at(Object* sequence, std::size_t index) {
  Ref position = Ref::steal(int_from_int64(static_cast<std::int64_t>(index)));
  return position ? object_getitem(sequence, position.get()) : nullptr;
}

Object* random_choice(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("choice", kwnames)) return nullptr;
  if (nargs != 1) return raise_error(&type_error_type, "Random.choice() takes 2 positional arguments but " + std::to_string(nargs + 1) + " were given");
  std::int64_t length = object_length(args[0]);
  if (length < 0) return nullptr;
  auto index = with_engine(self, [&](random::RandomEngine& engine) { return engine.choice_index(static_cast<std::size_t>(length)); });
  if (!index) return raise_random_error(index.error());
  return item_at(args[0], *index);
}

Object* random_shuffle(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("shuffle", kwnames)) return nullptr;
  if (nargs != 1) return raise_error(&type_error_type, "Random.shuffle() takes 2 positional arguments but " + std::to_string(nargs + 1) + " were given");
  Object* sequence = args[0];
  std::int64_t length = object_length(sequence);
  if (length < 0) return nullptr;
  // Draw every swap partner first (Lib/random.py's order: i from n-1 down to 1), then swap.
  std::vector<std::size_t> partners = with_engine(self, [&](random::RandomEngine& engine) {
    std::vector<std::size_t> drawn;
    for (std::size_t i = static_cast<std::size_t>(length); i-- > 1;) drawn.push_back(static_cast<std::size_t>(engine.randbelow(i + 1)));
    return drawn;
  });
  std::size_t i = static_cast<std::size_t>(length);
  for (std::size_t j : partners) {
    --i;
    Ref a = Ref::steal(item_at(sequence, i));
    Ref b = a ? Ref::steal(item_at(sequence, j)) : Ref();
    if (!b) return nullptr;
    Ref index_i = Ref::steal(int_from_int64(static_cast<std::int64_t>(i)));
    Ref index_j = Ref::steal(int_from_int64(static_cast<std::int64_t>(j)));
    if (!index_i || !index_j || object_setitem(sequence, index_i.get(), b.get()) < 0 ||
        object_setitem(sequence, index_j.get(), a.get()) < 0) {
      return nullptr;
    }
  }
  return new_ref(none());
}

bool is_sequence(Object* object) {
  return is_list(object) || is_tuple(object) || is_str(object) ||
         (type_of(object)->getitem != nullptr && type_of(object)->length != nullptr &&
          type_of(object)->getitem != dict_type.getitem);
}

// sample(population, k, *, counts=None) (counts is not supported yet)
Object* random_sample(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* population = nargs > 0 ? args[0] : nullptr;
  Object* count = nargs > 1 ? args[1] : nullptr;
  std::int64_t keywords = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  for (std::int64_t i = 0; i < keywords; ++i) {
    std::string_view name = str_view(as_tuple(kwnames)->items[i]);
    if (name == "k") {
      count = args[nargs + static_cast<std::size_t>(i)];
    } else if (name == "counts") {
      return raise_error(&not_implemented_error_type, "Stitch: random.sample(counts=...) is not supported yet");
    } else {
      return raise_error(&type_error_type, "Random.sample() got an unexpected keyword argument '" + std::string(name) + "'");
    }
  }
  if (population == nullptr || count == nullptr) {
    return raise_error(&type_error_type, std::string("Random.sample() missing 1 required positional argument: '") +
                                             (population == nullptr ? "population" : "k") + "'");
  }
  if (!is_sequence(population)) {
    return raise_error(&type_error_type, "Population must be a sequence.  For dicts or sets, use sorted(d).");
  }
  if (!is_int(count)) {
    return raise_error(&type_error_type, std::string("'") + type_of(count)->name + "' object cannot be interpreted as an integer");
  }
  std::int64_t length = object_length(population);
  if (length < 0) return nullptr;
  std::int64_t k = int_is_small(count) ? as_int(count)->small : -1;
  auto indices = with_engine(self, [&](random::RandomEngine& engine) {
    return engine.sample_indices(static_cast<std::size_t>(length), k);
  });
  if (!indices) return raise_random_error(indices.error());
  Ref result = Ref::steal(list_new(static_cast<std::int64_t>(indices->size())));
  if (!result) return nullptr;
  for (std::size_t index : *indices) {
    Ref item = Ref::steal(item_at(population, index));
    if (!item || list_append(result.get(), item.get()) < 0) return nullptr;
  }
  return result.release();
}

// choices(population, weights=None, *, cum_weights=None, k=1): Lib/random.py 3.11's algorithm.
Object* random_choices(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* population = nargs > 0 ? args[0] : nullptr;
  Object* weights = nargs > 1 ? args[1] : nullptr;
  Object* cumulative = nullptr;
  Object* count = nullptr;
  std::int64_t keywords = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  for (std::int64_t i = 0; i < keywords; ++i) {
    std::string_view name = str_view(as_tuple(kwnames)->items[i]);
    Object* value = args[nargs + static_cast<std::size_t>(i)];
    if (name == "weights") weights = value;
    else if (name == "cum_weights") cumulative = value;
    else if (name == "k") count = value;
    else if (name == "population") population = value;
    else return raise_error(&type_error_type, "Random.choices() got an unexpected keyword argument '" + std::string(name) + "'");
  }
  if (population == nullptr) return raise_error(&type_error_type, "Random.choices() missing 1 required positional argument: 'population'");
  if (weights != nullptr && is_none(weights)) weights = nullptr;
  if (cumulative != nullptr && is_none(cumulative)) cumulative = nullptr;
  std::int64_t k = 1;
  if (count != nullptr) {
    if (!is_int(count) || !int_is_small(count)) {
      return raise_error(&type_error_type, std::string("'") + type_of(count)->name + "' object cannot be interpreted as an integer");
    }
    k = as_int(count)->small;
  }
  std::int64_t length = object_length(population);
  if (length < 0) return nullptr;
  Ref result = Ref::steal(list_new(k > 0 ? k : 0));
  if (!result) return nullptr;
  std::vector<std::size_t> picks;
  if (weights == nullptr && cumulative == nullptr) {
    double n = static_cast<double>(length);
    picks = with_engine(self, [&](random::RandomEngine& engine) {
      std::vector<std::size_t> drawn;
      for (std::int64_t i = 0; i < k; ++i) drawn.push_back(static_cast<std::size_t>(std::floor(engine.random() * n)));
      return drawn;
    });
  } else {
    if (weights != nullptr && cumulative != nullptr) {
      return raise_error(&type_error_type, "Cannot specify both weights and cumulative weights");
    }
    std::vector<double> totals;
    Ref iterator = Ref::steal(object_get_iter(weights != nullptr ? weights : cumulative));
    if (!iterator) return nullptr;
    double running = 0.0;
    while (Object* raw = iter_next(iterator.get())) {
      Ref item = Ref::steal(raw);
      double value = 0;
      if (is_float(item.get())) value = float_value(item.get());
      else if (is_int(item.get())) {
        if (!int_as_double(item.get(), &value)) return nullptr;
      } else {
        return raise_error(&type_error_type, std::string("unsupported operand type(s) for +: 'float' and '") + type_of(item.get())->name + "'");
      }
      running = weights != nullptr ? running + value : value;
      totals.push_back(running);
    }
    if (has_exception()) return nullptr;
    if (static_cast<std::int64_t>(totals.size()) != length) {
      return raise_error(&value_error_type, "The number of weights does not match the population");
    }
    if (totals.empty()) return raise_error(&index_error_type, "list index out of range");
    double total = totals.back();
    if (total <= 0.0) return raise_error(&value_error_type, "Total of weights must be greater than zero");
    if (!std::isfinite(total)) return raise_error(&value_error_type, "Total of weights must be finite");
    picks = with_engine(self, [&](random::RandomEngine& engine) {
      std::vector<std::size_t> drawn;
      for (std::int64_t i = 0; i < k; ++i) {
        double target = engine.random() * total;
        // bisect_right(cum_weights, target, 0, n - 1)
        std::size_t low = 0, high = totals.size() - 1;
        while (low < high) {
          std::size_t middle = (low + high) / 2;
          if (target < totals[middle]) high = middle;
          else low = middle + 1;
        }
        drawn.push_back(low);
      }
      return drawn;
    });
  }
  for (std::size_t index : picks) {
    Ref item = Ref::steal(item_at(population, index));
    if (!item || list_append(result.get(), item.get()) < 0) return nullptr;
  }
  return result.release();
}

Object* random_gauss(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("gauss", kwnames) || !check_argument_range("gauss", nargs, 0, 2)) return nullptr;
  double parameters[2] = {0.0, 1.0};
  for (std::size_t i = 0; i < nargs; ++i) {
    if (is_float(args[i])) parameters[i] = float_value(args[i]);
    else if (!is_int(args[i]) || !int_as_double(args[i], &parameters[i])) {
      if (!has_exception()) raise_error(&type_error_type, std::string("must be real number, not ") + type_of(args[i])->name);
      return nullptr;
    }
  }
  return float_from_double(with_engine(self, [&](random::RandomEngine& engine) { return engine.gauss(parameters[0], parameters[1]); }));
}

const MethodDef random_methods[] = {
    {"seed", random_seed},         {"random", random_random},       {"getrandbits", random_getrandbits},
    {"randrange", random_randrange}, {"randint", random_randint},   {"uniform", random_uniform},
    {"choice", random_choice},     {"shuffle", random_shuffle},     {"sample", random_sample},
    {"choices", random_choices},   {"gauss", random_gauss},
    {nullptr, nullptr},
};

void random_dealloc(Object* object) STITCH_NO_THREAD_SAFETY_ANALYSIS {
  using Engine = random::RandomEngine;
  as_random(object)->engine.~Engine();  // nobody else can hold the lock of a dying object
  free_object_memory(object);
}

Object* random_new(Object* seed) STITCH_NO_THREAD_SAFETY_ANALYSIS {
  auto* random = allocate<RandomObject>(&random_type);
  if (random == nullptr) return nullptr;
  // The header is already set up by allocate(): construct only the members.
  new (&random->mutex) sync::Mutex();
  new (&random->engine) random::RandomEngine();
  return random;
}

// Random(x=None)
Object* random_new_instance(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("Random", kwnames)) return nullptr;
  if (nargs > 1) {
    return raise_error(&type_error_type, "Random.__init__() takes from 1 to 2 positional arguments but " +
                                             std::to_string(nargs + 1) + " were given");
  }
  Ref random = Ref::steal(random_new(nullptr));
  if (!random || seed_engine(random.get(), nargs == 1 ? args[0] : nullptr) < 0) return nullptr;
  return random.release();
}

void init_random_type() {
  static std::once_flag once;
  std::call_once(once, [] {
    init_static_type(random_type, "Random", sizeof(RandomObject), &object_type, 0);
    random_type.dealloc = random_dealloc;
    random_type.methods = random_methods;
    random_type.new_instance = random_new_instance;
  });
}

}  // namespace

int init_random_module(Object* module, Object*) {
  init_random_type();
  Ref instance = Ref::steal(random_new(nullptr));
  if (!instance || seed_engine(instance.get(), nullptr) < 0) return -1;
  for (const MethodDef* method = random_methods; method->name != nullptr; ++method) {
    if (add_module_value(module, method->name, builtin_function_new(method, instance.get(), "Random")) < 0) return -1;
  }
  return add_module_value(module, "Random", new_ref(&random_type));
}

}  // namespace stitch::builtins
