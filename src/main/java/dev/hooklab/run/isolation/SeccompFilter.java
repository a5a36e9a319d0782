package dev.hooklab.run.isolation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seccomp program that bubblewrap installs before it starts a hook ({@code bwrap --seccomp FD}):
 * a classic BPF program, as the kernel reads it from {@code struct sock_filter} (8 bytes each:
 * u16 code, u8 jt, u8 jf, u32 k, in this machine's byte order).
 *
 * <p>It refuses with {@code EPERM} the system calls a deployment script has no use for and that
 * reach past the sandbox: file handles ({@code open_by_handle_at} opens any file of a file system
 * that has a writable bind in the sandbox), mounts, ptrace and other processes' memory, kernel
 * modules and kexec, BPF and perf, the kernel keyring, io_uring (its operations bypass this filter),
 * {@code unshare}/{@code setns}, and {@code clone} with a namespace flag (a new user namespace would
 * give the hook every capability inside it). {@code clone3} answers {@code ENOSYS}, since its flags
 * sit in memory a filter cannot read: the C library then falls back to {@code clone}.
 *
 * <p>Only x86_64 and aarch64 are known; any other architecture (such as a 32-bit program on x86_64,
 * whose system call numbers differ) is killed, and so are x32 calls (numbers from 0x40000000).
 */
final class SeccompFilter {
    static final int AUDIT_ARCH_X86_64 = 0xc000003e;
    static final int AUDIT_ARCH_AARCH64 = 0xc00000b7;

    private static final int RET_KILL_PROCESS = 0x80000000;
    private static final int RET_ERRNO = 0x00050000;
    private static final int RET_ALLOW = 0x7fff0000;
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    private static final int X32_BIT = 0x40000000;
    /** CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID and NEWNET (NEWTIME is clone's signal byte). */
    private static final int CLONE_NAMESPACES = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000
            | 0x20000000 | 0x40000000;

    // classic BPF opcodes
    private static final short LD_W_ABS = 0x20;
    private static final short JEQ_K = 0x15;
    private static final short JGE_K = 0x35;
    private static final short JSET_K = 0x45;
    private static final short RET_K = 0x06;

    // offsets in struct seccomp_data: int nr; u32 arch; u64 ip; u64 args[6]
    private static final int NR = 0;
    private static final int ARCH = 4;
    private static final int ARG0_LOW = 16;

    /** The refused system calls: name, x86_64 number, aarch64 number. */
    static final Map<String, int[]> REFUSED = Map.ofEntries(
            Map.entry("open_by_handle_at", new int[] {304, 265}),
            Map.entry("name_to_handle_at", new int[] {303, 264}),
            Map.entry("mount", new int[] {165, 40}),
            Map.entry("umount2", new int[] {166, 39}),
            Map.entry("pivot_root", new int[] {155, 41}),
            Map.entry("open_tree", new int[] {428, 428}),
            Map.entry("move_mount", new int[] {429, 429}),
            Map.entry("fsopen", new int[] {430, 430}),
            Map.entry("fsconfig", new int[] {431, 431}),
            Map.entry("fsmount", new int[] {432, 432}),
            Map.entry("fspick", new int[] {433, 433}),
            Map.entry("mount_setattr", new int[] {442, 442}),
            Map.entry("open_tree_attr", new int[] {467, 467}),
            Map.entry("ptrace", new int[] {101, 117}),
            Map.entry("process_vm_readv", new int[] {310, 270}),
            Map.entry("process_vm_writev", new int[] {311, 271}),
            Map.entry("kexec_load", new int[] {246, 104}),
            Map.entry("kexec_file_load", new int[] {320, 294}),
            Map.entry("init_module", new int[] {175, 105}),
            Map.entry("finit_module", new int[] {313, 273}),
            Map.entry("delete_module", new int[] {176, 106}),
            Map.entry("bpf", new int[] {321, 280}),
            Map.entry("perf_event_open", new int[] {298, 241}),
            Map.entry("userfaultfd", new int[] {323, 282}),
            Map.entry("keyctl", new int[] {250, 219}),
            Map.entry("add_key", new int[] {248, 217}),
            Map.entry("request_key", new int[] {249, 218}),
            Map.entry("io_uring_setup", new int[] {425, 425}),
            Map.entry("io_uring_enter", new int[] {426, 426}),
            Map.entry("io_uring_register", new int[] {427, 427}),
            Map.entry("unshare", new int[] {272, 97}),
            Map.entry("setns", new int[] {308, 268}));

    private static final int[] CLONE = {56, 220};
    private static final int[] CLONE3 = {435, 435};

    private record Instruction(short code, int jt, int jf, int k) {
    }

    /** The program, ready for {@code bwrap --seccomp}. */
    byte[] program() {
        List<Instruction> program = new ArrayList<>();
        program.add(load(ARCH));
        List<Instruction> x86 = forArch(0, true);
        program.add(new Instruction(JEQ_K, 0, x86.size(), AUDIT_ARCH_X86_64));
        program.addAll(x86);
        List<Instruction> arm = forArch(1, false);
        program.add(new Instruction(JEQ_K, 0, arm.size(), AUDIT_ARCH_AARCH64));
        program.addAll(arm);
        program.add(ret(RET_KILL_PROCESS));

        ByteBuffer bytes = ByteBuffer.allocate(program.size() * 8).order(ByteOrder.nativeOrder());
        for (Instruction instruction : program) {
            bytes.putShort(instruction.code()).put((byte) instruction.jt()).put((byte) instruction.jf())
                    .putInt(instruction.k());
        }
        return bytes.array();
    }

    /** The checks for one architecture, each ending in a return; {@code arch} indexes the numbers. */
    private static List<Instruction> forArch(int arch, boolean x32) {
        List<Instruction> block = new ArrayList<>();
        block.add(load(NR));
        if (x32) {
            block.add(new Instruction(JGE_K, 0, 1, X32_BIT));
            block.add(ret(RET_ERRNO | EPERM));
        }
        // "if nr == N return EPERM": the jump skips the return when it is another call
        REFUSED.values().stream().mapToInt(numbers -> numbers[arch]).sorted().forEach(number -> {
            block.add(new Instruction(JEQ_K, 0, 1, number));
            block.add(ret(RET_ERRNO | EPERM));
        });
        block.add(new Instruction(JEQ_K, 0, 1, CLONE3[arch]));
        block.add(ret(RET_ERRNO | ENOSYS));
        // clone: refuse namespace flags in its first argument
        block.add(new Instruction(JEQ_K, 0, 3, CLONE[arch]));
        block.add(load(ARG0_LOW));
        block.add(new Instruction(JSET_K, 0, 1, CLONE_NAMESPACES));
        block.add(ret(RET_ERRNO | EPERM));
        block.add(ret(RET_ALLOW));
        if (block.size() > 255) {
            throw new IllegalStateException("seccomp block too long for a BPF jump");
        }
        return block;
    }

    private static Instruction load(int offset) {
        return new Instruction(LD_W_ABS, 0, 0, offset);
    }

    private static Instruction ret(int value) {
        return new Instruction(RET_K, 0, 0, value);
    }
}
