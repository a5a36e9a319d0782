package dev.hooklab.run.isolation;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seccomp program, run by a small classic-BPF interpreter for the instructions it uses, for
 * both architectures (the real-process tests cover only the one this machine has).
 */
class SeccompFilterTest {
    private static final int ALLOW = 0x7fff0000;
    private static final int EPERM = 0x00050001;
    private static final int ENOSYS = 0x00050026;
    private static final int KILL = 0x80000000;
    private static final int X86 = SeccompFilter.AUDIT_ARCH_X86_64;
    private static final int ARM = SeccompFilter.AUDIT_ARCH_AARCH64;

    private final byte[] program = new SeccompFilter().program();

    @Test
    void refusesEachListedCallOnBothArchitecturesAndAllowsOrdinaryOnes() {
        SeccompFilter.REFUSED.forEach((name, numbers) -> {
            assertThat(run(X86, numbers[0], 0)).as(name + " on x86_64").isEqualTo(EPERM);
            assertThat(run(ARM, numbers[1], 0)).as(name + " on aarch64").isEqualTo(EPERM);
        });
        // read, write, openat, execve, wait4, kill on x86_64; read, write, openat, execve, wait4, kill on aarch64
        for (int call : new int[] {0, 1, 257, 59, 61, 62}) {
            assertThat(run(X86, call, 0)).as("x86_64 call " + call).isEqualTo(ALLOW);
        }
        for (int call : new int[] {63, 64, 56, 221, 260, 129}) {
            assertThat(run(ARM, call, 0)).as("aarch64 call " + call).isEqualTo(ALLOW);
        }
    }

    @Test
    void cloneIsAllowedWithoutNamespaceFlagsAndClone3FallsBack() {
        int forkFlags = 0x01200011; // CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, as fork() passes
        assertThat(run(X86, 56, forkFlags)).isEqualTo(ALLOW);
        assertThat(run(ARM, 220, forkFlags)).isEqualTo(ALLOW);
        assertThat(run(X86, 56, forkFlags | 0x10000000)).as("CLONE_NEWUSER").isEqualTo(EPERM);
        assertThat(run(ARM, 220, 0x20000000)).as("CLONE_NEWPID").isEqualTo(EPERM);
        assertThat(run(X86, 435, 0)).isEqualTo(ENOSYS);
        assertThat(run(ARM, 435, 0)).isEqualTo(ENOSYS);
    }

    @Test
    void otherArchitecturesAreKilledAndX32CallsRefused() {
        assertThat(run(0x40000003, 3, 0)).as("i386 on x86_64").isEqualTo(KILL);
        assertThat(run(X86, 0x40000000 | 304, 0)).as("x32 open_by_handle_at").isEqualTo(EPERM);
        assertThat(run(X86, 0x40000000, 0)).as("x32 read").isEqualTo(EPERM);
    }

    @Test
    void isWholeInstructionsInThisMachinesByteOrder() {
        assertThat(program.length % 8).isZero();
        ByteBuffer first = ByteBuffer.wrap(program, 0, 8).order(ByteOrder.nativeOrder());
        assertThat(first.getShort()).isEqualTo((short) 0x20); // BPF_LD | BPF_W | BPF_ABS
        assertThat(first.get(2)).isZero(); // jt
        assertThat(first.get(3)).isZero(); // jf
        assertThat(first.getInt(4)).isEqualTo(4); // seccomp_data.arch
    }

    /** Runs the program on a seccomp_data with {@code nr}, {@code arch} and the low half of args[0]. */
    private int run(int arch, int nr, int arg0) {
        ByteBuffer code = ByteBuffer.wrap(program).order(ByteOrder.nativeOrder());
        int accumulator = 0;
        int pc = 0;
        for (int steps = 0; steps < 10_000; steps++) {
            int at = pc * 8;
            int op = code.getShort(at) & 0xffff;
            int jt = code.get(at + 2) & 0xff;
            int jf = code.get(at + 3) & 0xff;
            int k = code.getInt(at + 4);
            switch (op) {
                case 0x20 -> { // ld [k]
                    accumulator = switch (k) {
                        case 0 -> nr;
                        case 4 -> arch;
                        case 16 -> arg0;
                        default -> throw new AssertionError("load from offset " + k);
                    };
                    pc++;
                }
                case 0x15 -> pc += 1 + (accumulator == k ? jt : jf);
                case 0x35 -> pc += 1 + (Integer.compareUnsigned(accumulator, k) >= 0 ? jt : jf);
                case 0x45 -> pc += 1 + ((accumulator & k) != 0 ? jt : jf);
                case 0x06 -> {
                    return k;
                }
                default -> throw new AssertionError("unexpected opcode " + op);
            }
        }
        throw new AssertionError("the program did not return");
    }
}
