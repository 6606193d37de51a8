// Stencil extraction with LLVM's Object library. See stencil_extractor.h for the algorithm.
#include "jit/backend/extractor/stencil_extractor.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/BinaryFormat/ELF.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>

#include <cinttypes>
#include <cstdio>
#include <map>
#include <optional>
#include <sstream>

namespace stitch::jit::extractor {
namespace {

using llvm::object::ELF64LEObjectFile;
using llvm::object::ELFSectionRef;
using llvm::object::ELFSymbolRef;
using llvm::object::RelocationRef;
using llvm::object::SectionRef;

constexpr std::string_view kHolePrefix = "STITCH_HOLE_";

std::string hex(uint64_t value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "0x%" PRIx64, value);
  return buffer;
}

std::string to_string(llvm::Error error) { return llvm::toString(std::move(error)); }

std::optional<RelocationKind> classify_relocation(uint32_t type) {
  switch (type) {
    case llvm::ELF::R_X86_64_64: return RelocationKind::kAbsolute64;
    case llvm::ELF::R_X86_64_PC32: return RelocationKind::kPcRelative32;
    case llvm::ELF::R_X86_64_PLT32: return RelocationKind::kPlt32;
    case llvm::ELF::R_X86_64_32: return RelocationKind::kAbsolute32;
    case llvm::ELF::R_X86_64_32S: return RelocationKind::kAbsolute32Signed;
    case llvm::ELF::R_X86_64_GOTPCRELX: return RelocationKind::kGotPcRelative32;
    case llvm::ELF::R_X86_64_REX_GOTPCRELX: return RelocationKind::kGotPcRelative32Rex;
    default: return std::nullopt;
  }
}

std::optional<HoleValue> classify_hole_name(std::string_view name) {
  name.remove_prefix(kHolePrefix.size());
  if (name == "CONTINUE") return HoleValue::kContinue;
  if (name == "TARGET") return HoleValue::kTarget;
  if (name == "EXIT") return HoleValue::kExit;
  if (name == "OPARG") return HoleValue::kOparg;
  if (name == "OPERAND0") return HoleValue::kOperand0;
  if (name == "OPERAND1") return HoleValue::kOperand1;
  return std::nullopt;
}

bool is_read_only_data(const ELFSectionRef& section) {
  uint64_t flags = section.getFlags();
  return section.getType() == llvm::ELF::SHT_PROGBITS && (flags & llvm::ELF::SHF_ALLOC) &&
         !(flags & llvm::ELF::SHF_WRITE) && !(flags & llvm::ELF::SHF_EXECINSTR) &&
         !(flags & llvm::ELF::SHF_TLS);
}

class Extractor {
 public:
  Extractor(const ELF64LEObjectFile& object, std::string_view prefix)
      : object_(object), prefix_(prefix) {}

  Result<ExtractedStencilSet> run() {
    for (const SectionRef& section : object_.sections()) {
      llvm::Expected<llvm::object::section_iterator> relocated = section.getRelocatedSection();
      if (!relocated) return make_error("cannot read relocated section: " + to_string(relocated.takeError()));
      if (*relocated != object_.section_end()) relocation_sections_[(*relocated)->getIndex()].push_back(section);
    }
    for (const ELFSymbolRef symbol : object_.symbols()) {
      llvm::Expected<llvm::StringRef> name = symbol.getName();
      if (!name) return make_error("cannot read a symbol name: " + to_string(name.takeError()));
      if (!name->starts_with(llvm::StringRef(prefix_.data(), prefix_.size()))) continue;
      if (symbol.getELFType() != llvm::ELF::STT_FUNC) continue;
      Status status = extract_one(symbol, name->drop_front(prefix_.size()).str());
      if (!status) return status.take_error();
    }
    if (set_.stencils.empty()) return make_error("no function symbol starts with '" + std::string(prefix_) + "'");
    return std::move(set_);
  }

 private:
  Status extract_one(const ELFSymbolRef& symbol, std::string name) {
    auto fail = [&](const std::string& what) { return make_error("stencil '" + name + "': " + what); };
    llvm::Expected<llvm::object::section_iterator> section_it = symbol.getSection();
    if (!section_it || *section_it == object_.section_end())
      return fail("has no section");
    ELFSectionRef section = **section_it;
    llvm::Expected<uint64_t> value = symbol.getValue();
    if (!value || *value != 0)
      return fail("must start at offset 0 of its own section (compile with -ffunction-sections)");
    llvm::Expected<llvm::StringRef> contents = section.getContents();
    if (!contents) return fail("cannot read code: " + to_string(contents.takeError()));
    if (symbol.getSize() != contents->size())
      return fail("its section holds more than the function (" + std::to_string(contents->size()) +
                  " bytes vs " + std::to_string(symbol.getSize()) + ")");

    ExtractedStencil stencil;
    stencil.name = name;
    stencil.code.assign(contents->bytes_begin(), contents->bytes_end());
    stencil.code_alignment = static_cast<uint32_t>(section.getAlignment().value());
    std::map<uint64_t, uint32_t> data_section_offsets;  // section index -> offset in blob

    for (const SectionRef& relocations : relocation_sections_[section.getIndex()]) {
      for (const RelocationRef& relocation : relocations.relocations()) {
        uint64_t offset = relocation.getOffset();
        std::optional<RelocationKind> kind = classify_relocation(static_cast<uint32_t>(relocation.getType()));
        if (!kind) {
          llvm::SmallString<32> type_name;
          relocation.getTypeName(type_name);
          return fail("unsupported relocation " + type_name.str().str() + " at offset " + hex(offset));
        }
        llvm::Expected<int64_t> addend = llvm::object::ELFRelocationRef(relocation).getAddend();
        if (!addend) return fail("relocation without addend at offset " + hex(offset));
        llvm::object::symbol_iterator target = relocation.getSymbol();
        if (target == object_.symbol_end()) return fail("relocation without symbol at offset " + hex(offset));
        ELFSymbolRef target_symbol(*target);
        llvm::Expected<llvm::StringRef> target_name = target_symbol.getName();
        if (!target_name) return fail("unreadable symbol at offset " + hex(offset));

        ExtractedHole hole{static_cast<uint32_t>(offset), *kind, HoleValue::kRuntimeSymbol,
                           target_name->str(), *addend};
        uint32_t flags = llvm::cantFail(target_symbol.getFlags());
        if (target_name->starts_with(kHolePrefix)) {
          std::optional<HoleValue> hole_value = classify_hole_name(*target_name);
          if (!hole_value) return fail("unknown hole symbol " + target_name->str() + " at offset " + hex(offset));
          hole.value = *hole_value;
        } else if (flags & llvm::object::SymbolRef::SF_Undefined) {
          hole.value = HoleValue::kRuntimeSymbol;
          note_runtime_symbol(hole.symbol);
        } else {
          Status data = inline_read_only_data(stencil, data_section_offsets, target_symbol, hole);
          if (!data) return fail(data.error() + " (relocation at offset " + hex(offset) + ")");
        }
        stencil.holes.push_back(std::move(hole));
      }
    }
    std::sort(stencil.holes.begin(), stencil.holes.end(),
              [](const ExtractedHole& a, const ExtractedHole& b) { return a.offset < b.offset; });
    detect_trailing_continue_jump(stencil);
    set_.stencils.push_back(std::move(stencil));
    return Ok{};
  }

  // Copies the read-only section that `symbol` lives in into the stencil's data blob (once)
  // and turns the hole into a kData hole whose addend includes the position inside the blob.
  Status inline_read_only_data(ExtractedStencil& stencil, std::map<uint64_t, uint32_t>& offsets,
                               const ELFSymbolRef& symbol, ExtractedHole& hole) {
    llvm::Expected<llvm::object::section_iterator> section_it = symbol.getSection();
    if (!section_it || *section_it == object_.section_end())
      return make_error("symbol '" + hole.symbol + "' has no section");
    ELFSectionRef section = **section_it;
    llvm::StringRef section_name = llvm::cantFail(section.getName());
    if (!is_read_only_data(section))
      return make_error("references '" + hole.symbol + "' in section " + section_name.str() +
                        ", which is not read-only data (stencils may not use mutable globals, "
                        "thread-locals or other functions)");
    if (!relocation_sections_[section.getIndex()].empty())
      return make_error("read-only data section " + section_name.str() +
                        " has relocations of its own (jump tables? compile with -fno-jump-tables)");
    auto [it, inserted] = offsets.try_emplace(section.getIndex(), 0);
    if (inserted) {
      uint32_t alignment = static_cast<uint32_t>(section.getAlignment().value());
      size_t start = (stencil.data.size() + alignment - 1) / alignment * alignment;
      llvm::StringRef bytes = llvm::cantFail(section.getContents());
      stencil.data.resize(start, 0);
      stencil.data.insert(stencil.data.end(), bytes.bytes_begin(), bytes.bytes_end());
      stencil.data_alignment = std::max(stencil.data_alignment, alignment);
      it->second = static_cast<uint32_t>(start);
    }
    uint64_t symbol_offset = llvm::cantFail(symbol.getValue());  // 0 for section symbols
    hole.value = HoleValue::kData;
    hole.addend += static_cast<int64_t>(it->second + symbol_offset);
    return Ok{};
  }

  // A stencil that ends in `jmp rel32` (E9) to STITCH_HOLE_CONTINUE can drop it when the next
  // instruction follows in memory.
  static void detect_trailing_continue_jump(ExtractedStencil& stencil) {
    size_t size = stencil.code.size();
    if (size < 5 || stencil.code[size - 5] != 0xE9) return;
    for (const ExtractedHole& hole : stencil.holes) {
      if (hole.offset == size - 4 && hole.value == HoleValue::kContinue && hole.addend == -4 &&
          (hole.kind == RelocationKind::kPlt32 || hole.kind == RelocationKind::kPcRelative32)) {
        stencil.trailing_continue_jump_offset = static_cast<int32_t>(size - 5);
      }
    }
  }

  void note_runtime_symbol(const std::string& name) {
    for (const std::string& known : set_.runtime_symbols)
      if (known == name) return;
    set_.runtime_symbols.push_back(name);
  }

  const ELF64LEObjectFile& object_;
  std::string_view prefix_;
  std::map<uint64_t, std::vector<SectionRef>> relocation_sections_;
  ExtractedStencilSet set_;
};

const char* hole_value_enumerator(HoleValue value) {
  switch (value) {
    case HoleValue::kContinue: return "kContinue";
    case HoleValue::kTarget: return "kTarget";
    case HoleValue::kExit: return "kExit";
    case HoleValue::kOparg: return "kOparg";
    case HoleValue::kOperand0: return "kOperand0";
    case HoleValue::kOperand1: return "kOperand1";
    case HoleValue::kData: return "kData";
    case HoleValue::kRuntimeSymbol: return "kRuntimeSymbol";
  }
  return "?";
}

const char* relocation_kind_enumerator(RelocationKind kind) {
  switch (kind) {
    case RelocationKind::kAbsolute64: return "kAbsolute64";
    case RelocationKind::kPcRelative32: return "kPcRelative32";
    case RelocationKind::kPlt32: return "kPlt32";
    case RelocationKind::kAbsolute32: return "kAbsolute32";
    case RelocationKind::kAbsolute32Signed: return "kAbsolute32Signed";
    case RelocationKind::kGotPcRelative32: return "kGotPcRelative32";
    case RelocationKind::kGotPcRelative32Rex: return "kGotPcRelative32Rex";
  }
  return "?";
}

void write_bytes(std::ostringstream& out, const std::vector<uint8_t>& bytes) {
  for (size_t i = 0; i < bytes.size(); ++i) {
    out << (i % 16 == 0 ? "\n    " : " ") << hex(bytes[i]) << ",";
  }
  out << "\n";
}

}  // namespace

const char* relocation_kind_name(RelocationKind kind) {
  switch (kind) {
    case RelocationKind::kAbsolute64: return "R_X86_64_64";
    case RelocationKind::kPcRelative32: return "R_X86_64_PC32";
    case RelocationKind::kPlt32: return "R_X86_64_PLT32";
    case RelocationKind::kAbsolute32: return "R_X86_64_32";
    case RelocationKind::kAbsolute32Signed: return "R_X86_64_32S";
    case RelocationKind::kGotPcRelative32: return "R_X86_64_GOTPCRELX";
    case RelocationKind::kGotPcRelative32Rex: return "R_X86_64_REX_GOTPCRELX";
  }
  return "?";
}

Result<ExtractedStencilSet> extract_stencils_from_file(const std::string& path, std::string_view prefix) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) return make_error(path + ": " + buffer.getError().message());
  llvm::Expected<std::unique_ptr<llvm::object::ObjectFile>> object =
      llvm::object::ObjectFile::createObjectFile((*buffer)->getMemBufferRef());
  if (!object) return make_error(path + ": " + to_string(object.takeError()));
  const auto* elf = llvm::dyn_cast<ELF64LEObjectFile>(object->get());
  if (elf == nullptr || elf->getArch() != llvm::Triple::x86_64)
    return make_error(path + ": not an ELF x86-64 object (the only supported stencil target)");
  if (!elf->isRelocatableObject()) return make_error(path + ": not a relocatable object");
  Result<ExtractedStencilSet> result = Extractor(*elf, prefix).run();
  if (!result) return make_error(path + ": " + result.error());
  return result;
}

std::string render_stencil_header(const ExtractedStencilSet& set, std::string_view cpp_namespace,
                                  std::string_view source_description) {
  std::ostringstream out;
  out << "// Generated by stitch-stencil-extractor from " << source_description << ".\n"
      << "// Build output: never edit, never commit.\n#pragma once\n\n#include <cstddef>\n#include <cstdint>\n\n"
      << "#include \"jit/backend/stencil.h\"\n\nnamespace " << cpp_namespace << " {\n\n"
      << "inline constexpr std::size_t kRuntimeSymbolCount = " << set.runtime_symbols.size() << ";\n"
      << "// Runtime symbols the stencils call, indexed by StencilHole::symbol_index (null-terminated).\n"
      << "inline constexpr const char* kRuntimeSymbolNames[] = {";
  for (const std::string& name : set.runtime_symbols) out << "\"" << name << "\", ";
  out << "nullptr};\n\n";
  auto symbol_index = [&](const std::string& name) {
    for (size_t i = 0; i < set.runtime_symbols.size(); ++i)
      if (set.runtime_symbols[i] == name) return i;
    return size_t{0};
  };
  for (const ExtractedStencil& stencil : set.stencils) {
    const std::string& n = stencil.name;
    out << "// ---- " << n << ": " << stencil.code.size() << " code bytes, " << stencil.data.size()
        << " data bytes, " << stencil.holes.size() << " holes\n";
    out << "inline constexpr std::uint8_t stencil_" << n << "_code[] = {";
    write_bytes(out, stencil.code);
    out << "};\n";
    if (!stencil.data.empty()) {
      out << "inline constexpr std::uint8_t stencil_" << n << "_data[] = {";
      write_bytes(out, stencil.data);
      out << "};\n";
    }
    if (!stencil.holes.empty()) {
      out << "inline constexpr ::stitch::jit::StencilHole stencil_" << n << "_holes[] = {\n";
      for (const ExtractedHole& hole : stencil.holes) {
        out << "    {" << hex(hole.offset) << ", ::stitch::jit::RelocationKind::" << relocation_kind_enumerator(hole.kind)
            << ", ::stitch::jit::HoleValue::" << hole_value_enumerator(hole.value) << ", "
            << (hole.value == HoleValue::kRuntimeSymbol ? symbol_index(hole.symbol) : 0) << ", " << hole.addend
            << "},  // " << relocation_kind_name(hole.kind) << " " << hole.symbol << "\n";
      }
      out << "};\n";
    }
    out << "inline constexpr ::stitch::jit::Stencil stencil_" << n << " = {\"" << n << "\", stencil_" << n
        << "_code, " << stencil.code.size() << ", " << stencil.code_alignment << ", "
        << (stencil.data.empty() ? "nullptr" : "stencil_" + n + "_data") << ", " << stencil.data.size() << ", "
        << stencil.data_alignment << ", " << (stencil.holes.empty() ? "nullptr" : "stencil_" + n + "_holes")
        << ", " << stencil.holes.size() << ", " << stencil.trailing_continue_jump_offset << "};\n\n";
  }
  out << "enum class StencilId : std::uint16_t {\n";
  for (const ExtractedStencil& stencil : set.stencils) out << "  " << stencil.name << ",\n";
  out << "};\ninline constexpr std::size_t kStencilCount = " << set.stencils.size() << ";\n"
      << "inline constexpr const ::stitch::jit::Stencil* kStencils[] = {\n";
  for (const ExtractedStencil& stencil : set.stencils) out << "    &stencil_" << stencil.name << ",\n";
  out << "};\n\n}  // namespace " << cpp_namespace << "\n";
  // The runtime symbols' addresses, for the one host file that links against them: each name is
  // bound by the linker through an asm label, so mangled C++ names need no declaration.
  out << "\n#ifdef STITCH_STENCILS_BIND_RUNTIME_SYMBOLS\nextern \"C\" {\n";
  for (std::size_t i = 0; i < set.runtime_symbols.size(); ++i)
    out << "extern char stitch_runtime_symbol_" << i << " __asm__(\"" << set.runtime_symbols[i] << "\");\n";
  out << "}\nnamespace " << cpp_namespace << " {\n"
      << "// Indexed like kRuntimeSymbolNames (plus a trailing nullptr).\n"
      << "inline const void* const kRuntimeSymbolAddresses[] = {";
  for (std::size_t i = 0; i < set.runtime_symbols.size(); ++i) out << "&stitch_runtime_symbol_" << i << ", ";
  out << "nullptr};\n}  // namespace " << cpp_namespace << "\n#endif\n";
  return out.str();
}

}  // namespace stitch::jit::extractor
