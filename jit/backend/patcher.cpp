// Patcher implementation. See patcher.h for the layout, the peephole and GOT relaxation.
#include "jit/backend/patcher.h"

#include <cstring>
#include <limits>
#include <string>

namespace stitch::jit {
namespace {

uint32_t align_up(uint32_t value, uint32_t alignment) {
  if (alignment <= 1) return value;
  return (value + alignment - 1) / alignment * alignment;
}

bool fits_int32(int64_t value) {
  return value >= std::numeric_limits<int32_t>::min() && value <= std::numeric_limits<int32_t>::max();
}

void write32(uint8_t* at, uint32_t value) { std::memcpy(at, &value, sizeof value); }
void write64(uint8_t* at, uint64_t value) { std::memcpy(at, &value, sizeof value); }

bool is_got_kind(RelocationKind kind) {
  return kind == RelocationKind::kGotPcRelative32 || kind == RelocationKind::kGotPcRelative32Rex;
}

// A call or jump (PLT32) to code outside the executor: it may be too far for rel32 and then goes
// through a stub. Sanitizer runtime calls are emitted this way even under -fno-plt.
bool may_need_stub(const StencilHole& hole) {
  return hole.kind == RelocationKind::kPlt32 &&
         (hole.value == HoleValue::kRuntimeSymbol || hole.value == HoleValue::kExit);
}

constexpr uint32_t kStubSize = 8;  // jmp [rip+disp32] (6 bytes) + 2 bytes of int3 padding

}  // namespace

Result<ExecutorLayout> plan_executor(const Stencil& shim, std::span<const PatchInstruction> instructions,
                                     const PatchOptions& options) {
  if (instructions.empty()) return make_error("an executor needs at least one instruction");
  ExecutorLayout layout;
  layout.shim_size = shim.code_size;
  uint32_t offset = shim.code_size;
  auto count_got = [&](const Stencil& stencil, uint32_t emitted) {
    for (uint32_t h = 0; h < stencil.hole_count; ++h)
      if (stencil.holes[h].offset < emitted && is_got_kind(stencil.holes[h].kind)) ++layout.got_slot_count;
  };
  count_got(shim, shim.code_size);
  for (size_t i = 0; i < instructions.size(); ++i) {
    const Stencil* stencil = instructions[i].stencil;
    if (stencil == nullptr) return make_error("instruction " + std::to_string(i) + " has no stencil");
    bool is_last = i + 1 == instructions.size();
    uint32_t emitted = stencil->code_size;
    if (options.remove_jumps_to_next && !is_last && stencil->trailing_continue_jump_offset >= 0)
      emitted = static_cast<uint32_t>(stencil->trailing_continue_jump_offset);
    for (uint32_t h = 0; h < stencil->hole_count; ++h) {
      const StencilHole& hole = stencil->holes[h];
      if (is_last && hole.value == HoleValue::kContinue)
        return make_error("last instruction (" + std::string(stencil->name) + ") continues past the end");
      if (hole.value == HoleValue::kTarget && instructions[i].jump_target >= instructions.size())
        return make_error("instruction " + std::to_string(i) + " jumps out of the executor");
    }
    count_got(*stencil, emitted);
    layout.instruction_offsets.push_back(offset);
    layout.emitted_sizes.push_back(emitted);
    offset += emitted;
  }
  layout.code_size = offset;
  for (const PatchInstruction& instruction : instructions) {
    offset = align_up(offset, instruction.stencil->data_alignment);
    layout.data_offsets.push_back(offset);
    offset += instruction.stencil->data_size;
  }
  // Upper bound: one stub (and its GOT slot) per far-call hole; emission dedupes by target.
  auto count_stubs = [&](const Stencil& stencil, uint32_t emitted) {
    for (uint32_t h = 0; h < stencil.hole_count; ++h)
      if (stencil.holes[h].offset < emitted && may_need_stub(stencil.holes[h])) ++layout.stub_count;
  };
  count_stubs(shim, shim.code_size);
  for (size_t i = 0; i < instructions.size(); ++i) count_stubs(*instructions[i].stencil, layout.emitted_sizes[i]);
  layout.got_slot_count += layout.stub_count;
  layout.got_offset = align_up(offset, 8);
  layout.stub_offset = layout.got_offset + 8 * layout.got_slot_count;
  layout.total_size = layout.stub_offset + kStubSize * layout.stub_count;
  return layout;
}

namespace {

// Emits one stencil at `code_offset`; `instruction` is null for the shim.
class StencilEmitter {
 public:
  StencilEmitter(const ExecutorLayout& layout, std::span<const PatchInstruction> instructions,
                 const PatchEnvironment& environment, const PatchOptions& options, uint8_t* destination,
                 uint64_t execution_address)
      : layout_(layout), instructions_(instructions), environment_(environment), options_(options),
        destination_(destination), base_(execution_address) {}

  Status emit(const Stencil& stencil, uint32_t code_offset, uint32_t emitted_size, int64_t index) {
    std::memcpy(destination_ + code_offset, stencil.code, emitted_size);
    uint32_t data_offset = 0;
    if (index >= 0 && stencil.data_size > 0) {
      data_offset = layout_.data_offsets[static_cast<size_t>(index)];
      std::memcpy(destination_ + data_offset, stencil.data, stencil.data_size);
    }
    for (uint32_t h = 0; h < stencil.hole_count; ++h) {
      const StencilHole& hole = stencil.holes[h];
      if (hole.offset >= emitted_size) continue;  // inside the removed jump-to-next
      Result<uint64_t> value = resolve(hole, index, data_offset);
      if (!value) return fail(stencil, hole, value.error());
      Status status = apply(hole, code_offset, *value);
      if (!status) return fail(stencil, hole, status.error());
    }
    return Ok{};
  }

 private:
  static BackendError fail(const Stencil& stencil, const StencilHole& hole, const std::string& what) {
    return make_error("stencil '" + std::string(stencil.name) + "' hole at offset " + std::to_string(hole.offset) +
                      ": " + what);
  }

  uint64_t code_address(size_t instruction_index) const {
    return base_ + layout_.instruction_offsets[instruction_index];
  }

  Result<uint64_t> resolve(const StencilHole& hole, int64_t index, uint32_t data_offset) const {
    const PatchInstruction* instruction = index >= 0 ? &instructions_[static_cast<size_t>(index)] : nullptr;
    switch (hole.value) {
      case HoleValue::kContinue: return code_address(static_cast<size_t>(index + 1));
      case HoleValue::kTarget:
        if (instruction == nullptr) return make_error("the shim has no jump target");
        return code_address(instruction->jump_target);
      case HoleValue::kExit:
        if (environment_.exit_address == 0) return make_error("no exit handler given");
        return environment_.exit_address;
      case HoleValue::kOparg: return instruction ? instruction->oparg : 0;
      case HoleValue::kOperand0: return instruction ? instruction->operand0 : 0;
      case HoleValue::kOperand1: return instruction ? instruction->operand1 : 0;
      case HoleValue::kData: return base_ + data_offset;
      case HoleValue::kRuntimeSymbol:
        if (hole.symbol_index >= environment_.runtime_symbol_addresses.size() ||
            environment_.runtime_symbol_addresses[hole.symbol_index] == 0)
          return make_error("runtime symbol #" + std::to_string(hole.symbol_index) + " is not bound");
        return environment_.runtime_symbol_addresses[hole.symbol_index];
    }
    return make_error("unknown hole value");
  }

  Status apply(const StencilHole& hole, uint32_t code_offset, uint64_t value) {
    uint8_t* at = destination_ + code_offset + hole.offset;
    const uint64_t place = base_ + code_offset + hole.offset;
    const uint64_t absolute = value + static_cast<uint64_t>(hole.addend);
    const int64_t relative = static_cast<int64_t>(absolute - place);
    switch (hole.kind) {
      case RelocationKind::kAbsolute64:
        write64(at, absolute);
        return Ok{};
      case RelocationKind::kPlt32:
        if (!fits_int32(relative) && may_need_stub(hole)) {
          // Like a linker's PLT entry: call/jmp rel32 to a stub that jumps through a GOT slot.
          Result<uint64_t> stub = stub_for(value);
          if (!stub) return stub.take_error();
          const int64_t to_stub = static_cast<int64_t>(*stub + static_cast<uint64_t>(hole.addend) - place);
          if (!fits_int32(to_stub)) return make_error("stub out of rel32 range");
          write32(at, static_cast<uint32_t>(to_stub));
          return Ok{};
        }
        [[fallthrough]];
      case RelocationKind::kPcRelative32:
        if (!fits_int32(relative)) return make_error("PC-relative target is more than 2 GiB away");
        write32(at, static_cast<uint32_t>(relative));
        return Ok{};
      case RelocationKind::kAbsolute32:
        if (absolute > std::numeric_limits<uint32_t>::max()) return make_error("value does not fit R_X86_64_32");
        write32(at, static_cast<uint32_t>(absolute));
        return Ok{};
      case RelocationKind::kAbsolute32Signed:
        if (!fits_int32(static_cast<int64_t>(absolute))) return make_error("value does not fit R_X86_64_32S");
        write32(at, static_cast<uint32_t>(absolute));
        return Ok{};
      case RelocationKind::kGotPcRelative32:
      case RelocationKind::kGotPcRelative32Rex:
        return apply_got(hole, code_offset, at, place, value, relative);
    }
    return make_error("unknown relocation kind");
  }

  // GOTPCRELX: `disp32` addresses an 8-byte slot holding `value`. Relax when possible.
  Status apply_got(const StencilHole& hole, uint32_t code_offset, uint8_t* at, uint64_t place, uint64_t value,
                   int64_t direct_relative) {
    if (options_.relax_got_loads && fits_int32(direct_relative) && hole.offset >= 2) {
      uint8_t* opcode = at - 2;
      uint8_t* modrm = at - 1;
      if (opcode[0] == 0x8B && (modrm[0] & 0xC7) == 0x05) {  // mov reg, [rip+disp32] -> lea
        opcode[0] = 0x8D;
        write32(at, static_cast<uint32_t>(direct_relative));
        return Ok{};
      }
      if (opcode[0] == 0xFF && (modrm[0] == 0x15 || modrm[0] == 0x25)) {  // call/jmp [rip+disp32]
        uint8_t direct = modrm[0] == 0x15 ? 0xE8 : 0xE9;
        opcode[0] = 0x90;  // nop keeps the length: nop; call/jmp rel32
        modrm[0] = direct;
        write32(at, static_cast<uint32_t>(direct_relative));
        return Ok{};
      }
    }
    (void)code_offset;
    Result<uint64_t> slot_address = got_slot_for(value);
    if (!slot_address) return slot_address.take_error();
    const int64_t relative = static_cast<int64_t>(*slot_address + static_cast<uint64_t>(hole.addend) - place);
    if (!fits_int32(relative)) return make_error("GOT slot out of rel32 range");
    write32(at, static_cast<uint32_t>(relative));
    return Ok{};
  }

  // The address of the GOT slot holding `value` (deduplicated).
  Result<uint64_t> got_slot_for(uint64_t value) {
    uint32_t slot = 0;
    while (slot < used_got_slots_ && got_value(slot) != value) ++slot;
    if (slot == used_got_slots_) {
      if (used_got_slots_ == layout_.got_slot_count) return make_error("GOT overflow (planning bug)");
      write64(destination_ + layout_.got_offset + 8 * slot, value);
      ++used_got_slots_;
    }
    return base_ + layout_.got_offset + 8 * slot;
  }

  // The address of a stub `jmp [rip+slot]` to `target` (deduplicated).
  Result<uint64_t> stub_for(uint64_t target) {
    for (uint32_t i = 0; i < used_stubs_; ++i)
      if (stub_targets_[i] == target) return base_ + layout_.stub_offset + kStubSize * i;
    if (used_stubs_ == layout_.stub_count) return make_error("stub overflow (planning bug)");
    Result<uint64_t> slot_address = got_slot_for(target);
    if (!slot_address) return slot_address.take_error();
    const uint32_t offset = layout_.stub_offset + kStubSize * used_stubs_;
    const uint64_t stub_address = base_ + offset;
    const int64_t to_slot = static_cast<int64_t>(*slot_address - (stub_address + 6));
    if (!fits_int32(to_slot)) return make_error("GOT slot out of rel32 range");
    uint8_t* stub = destination_ + offset;
    stub[0] = 0xFF;  // jmp qword ptr [rip+disp32]
    stub[1] = 0x25;
    write32(stub + 2, static_cast<uint32_t>(to_slot));
    stub[6] = stub[7] = 0xCC;
    stub_targets_.push_back(target);
    ++used_stubs_;
    return stub_address;
  }

  uint64_t got_value(uint32_t slot) const {
    uint64_t value;
    std::memcpy(&value, destination_ + layout_.got_offset + 8 * slot, sizeof value);
    return value;
  }

  const ExecutorLayout& layout_;
  std::span<const PatchInstruction> instructions_;
  const PatchEnvironment& environment_;
  const PatchOptions& options_;
  uint8_t* destination_;
  uint64_t base_;
  uint32_t used_got_slots_ = 0;
  uint32_t used_stubs_ = 0;
  std::vector<uint64_t> stub_targets_;
};

}  // namespace

Status emit_executor(const ExecutorLayout& layout, const Stencil& shim, std::span<const PatchInstruction> instructions,
                     const PatchEnvironment& environment, const PatchOptions& options, uint8_t* destination,
                     uint64_t execution_address) {
  std::memset(destination, 0, layout.total_size);
  StencilEmitter emitter(layout, instructions, environment, options, destination, execution_address);
  Status status = emitter.emit(shim, 0, shim.code_size, -1);
  if (!status) return status;
  for (size_t i = 0; i < instructions.size(); ++i) {
    status = emitter.emit(*instructions[i].stencil, layout.instruction_offsets[i], layout.emitted_sizes[i],
                          static_cast<int64_t>(i));
    if (!status) return status;
  }
  return Ok{};
}

Result<CodeBlock> build_executor(CodeWriter& writer, const Stencil& shim, std::span<const PatchInstruction> instructions,
                                 const PatchEnvironment& environment, const PatchOptions& options) {
  Result<ExecutorLayout> layout = plan_executor(shim, instructions, options);
  if (!layout) return layout.take_error();
  Result<CodeBlock> block = writer.allocate(layout->total_size, 16);
  if (!block) return block.take_error();
  Status status = emit_executor(*layout, shim, instructions, environment, options, block->address,
                                reinterpret_cast<uint64_t>(block->address));
  if (!status) return status.take_error();
  return block;
}

Result<std::vector<uint64_t>> resolve_runtime_symbols(const char* const* names,
                                                      std::span<const RuntimeSymbolBinding> bindings) {
  std::vector<uint64_t> addresses;
  for (const char* const* name = names; *name != nullptr; ++name) {
    uint64_t address = 0;
    for (const RuntimeSymbolBinding& binding : bindings)
      if (binding.name == *name) address = reinterpret_cast<uint64_t>(binding.address);
    if (address == 0) return make_error(std::string("runtime symbol '") + *name + "' has no binding");
    addresses.push_back(address);
  }
  return addresses;
}

}  // namespace stitch::jit
