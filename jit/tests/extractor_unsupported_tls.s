# Extractor test input: a thread-local read (R_X86_64_TPOFF32), which stencils may not do.
        .section .text.stitch_stencil_thread_local_read,"ax",@progbits
        .globl stitch_stencil_thread_local_read
        .type stitch_stencil_thread_local_read,@function
stitch_stencil_thread_local_read:
        pushq   %rbp
        movq    %fs:some_thread_local@TPOFF, %rax
        popq    %rbp
        ret
        .size stitch_stencil_thread_local_read, .-stitch_stencil_thread_local_read
