# Extractor test input: one stencil per supported relocation kind, at known offsets.
# Assembled (not compiled) so that offsets and addends are exact and stable.
        .text
        .section .text.stitch_stencil_every_kind,"ax",@progbits
        .globl stitch_stencil_every_kind
        .type stitch_stencil_every_kind,@function
stitch_stencil_every_kind:
        movabsq $STITCH_HOLE_OPERAND0, %rax        # 0x00: 48 b8 imm64     R_X86_64_64 at 0x02
        movl    $STITCH_HOLE_OPARG, %ecx           # 0x0a: b9 imm32        R_X86_64_32 at 0x0b
        movq    $STITCH_HOLE_OPERAND1, %rdx        # 0x0f: 48 c7 c2 imm32  R_X86_64_32S at 0x12
        leaq    .Lconstant(%rip), %rsi             # 0x16: 48 8d 35 d32    R_X86_64_PC32 at 0x19 (.rodata)
        movq    stitch_runtime_object@GOTPCREL(%rip), %rdi  # 0x1d: 48 8b 3d  REX_GOTPCRELX at 0x20
        call    *stitch_runtime_function@GOTPCREL(%rip)     # 0x24: ff 15      GOTPCRELX at 0x26
        jne     STITCH_HOLE_TARGET                 # 0x2a: 0f 85 rel32     R_X86_64_PLT32 at 0x2c
        jmp     STITCH_HOLE_CONTINUE               # 0x30: e9 rel32        R_X86_64_PLT32 at 0x31
        .size stitch_stencil_every_kind, .-stitch_stencil_every_kind

        .section .rodata.cst8,"aM",@progbits,8
        .p2align 3
        .quad 0x1111111111111111
.Lconstant:
        .quad 0x2222222222222222

        # Not a stencil (no prefix): must be ignored.
        .section .text.helper,"ax",@progbits
        .globl helper
        .type helper,@function
helper:
        ret
        .size helper, .-helper
