package dev.hooklab.run.isolation;

import dev.hooklab.run.HookRunner;
import dev.hooklab.run.HookSandbox;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.RunLimits;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.ScriptStatus;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hostile hooks under bubblewrap, run for real (as root here, as in CI): each known way out of the
 * sandbox is tried and must fail, while what a deployment script needs keeps working.
 */
@Tag("process")
@Tag("bwrap")
class BubblewrapEscapeTest {
    /** name_to_handle_at and open_by_handle_at by architecture, for Perl's syscall. */
    private static final String HANDLE_CALLS = """
            use Config;
            my ($name_to_handle, $open_by_handle) = $Config{archname} =~ /aarch64/ ? (264, 265) : (303, 304);
            """;

    @TempDir
    Path dir;

    private HostAccounts host;
    private HookSandbox sandbox;
    private HookRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        host = new HostAccounts();
        IsolationProbe probe = new IsolationProbe(host);
        assumeTrue(probe.bubblewrap(false).isPresent(), () -> "no bubblewrap here: " + probe.bubblewrapProblem());
        sandbox = new HookSandbox(dir.resolve("sandbox"), "/var/app/current");
        // a files destination is bound once Install has created it, as after an Install step
        Files.createDirectories(sandbox.mounts.hostPath("/var/app/current"));
        runner = new HookRunner(sandbox.mounts, probe.bubblewrap(false).orElseThrow(), RunLimits.defaults(), host,
                sandbox.files());
    }

    @Test
    void aForgedFileHandleCannotReachAHostFileOnTheSameFileSystem() throws Exception {
        Path secret = Files.writeString(dir.resolve("host-file.txt"), "host\n");
        String handle = hostHandle(secret);
        sandbox.script("handle.pl", "#!/usr/bin/perl\n" + HANDLE_CALLS + """
                my $dir = '/var/app/current';
                sysopen(my $mount, $dir, 0) or die "mount dir: $!";
                my $handle = pack('H*', '%s');
                my $fd = syscall($open_by_handle, fileno($mount), $handle, 1 | 1024); # O_WRONLY|O_APPEND
                if ($fd < 0) { print "open_by_handle_at: ", $! + 0, "\\n"; }
                else { open(my $out, '>>&=', $fd) or die; print $out "written by the hook\\n"; close $out; print "appended\\n"; }
                my $own = pack('Lla128', 128, 0, '');
                my $mount_id = pack('l', 0);
                my $named = syscall($name_to_handle, -100, $dir, $own, $mount_id, 0);
                print "name_to_handle_at: ", ($named < 0 ? $! + 0 : 'ok'), "\\n";
                """.formatted(handle), true);

        ScriptRun run = sandbox.run(runner, sandbox.call("handle.pl", 20));

        assertThat(run.stdout().text()).as(run.stderr().text())
                .isEqualTo("open_by_handle_at: 1\nname_to_handle_at: 1\n"); // EPERM
        assertThat(secret).hasContent("host");
    }

    @Test
    void kernelSettingsInProcAreReadOnlyAndKernelMemoryIsHidden() throws Exception {
        sandbox.script("proc.sh", """
                #!/bin/bash
                value=$(cat /proc/sys/vm/swappiness)
                if echo "$value" > /proc/sys/vm/swappiness; then echo "swappiness written"; else echo "swappiness refused"; fi
                for knob in /proc/sys/kernel/core_pattern /proc/sysrq-trigger /proc/irq /proc/bus; do
                    if [ -e "$knob" ] && [ -w "$knob" ]; then echo "writable: $knob"; fi
                done
                if [ -s /proc/kcore ] || [ -s /proc/keys ]; then echo "kernel memory or keys readable"; fi
                grep -c . /proc/timer_list 2>/dev/null || echo "timer_list hidden"
                ls /dev | tr '\\n' ' '
                """, true);

        ScriptRun run = sandbox.run(runner, sandbox.call("proc.sh", 20));

        String out = run.stdout().text();
        assertThat(out).as(run.stderr().text()).contains("swappiness refused").doesNotContain("written", "writable:",
                "readable");
        if (Files.exists(Path.of("/proc/timer_list"))) {
            assertThat(out).contains("timer_list hidden");
        }
        String devices = out.substring(out.lastIndexOf('\n') + 1).trim();
        assertThat(devices.split(" ")).containsExactlyInAnyOrder("core", "fd", "full", "null", "ptmx", "pts",
                "random", "shm", "stderr", "stdin", "stdout", "tty", "urandom", "zero");
    }

    @Test
    void theHookHasOnlyTheCapabilitiesItNeedsNoNewPrivilegesAndTheFilter() throws Exception {
        sandbox.script("status.sh",
                "#!/bin/sh\ngrep -E '^(CapEff|CapPrm|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("status.sh", 20));

        Map<String, String> status = new java.util.HashMap<>();
        run.stdout().text().lines().map(line -> line.split(":\\s*", 2)).forEach(kv -> status.put(kv[0], kv[1]));
        long expected = host.isRoot() ? capabilityMask(BubblewrapIsolation.ROOT_CAPABILITIES) : 0;
        assertThat(Long.parseLong(status.get("CapEff"), 16)).as(run.stdout().text()).isEqualTo(expected);
        // with no_new_privs no program can bring back more (bwrap leaves the bounding set as it was)
        assertThat(Long.parseLong(status.get("CapPrm"), 16)).isEqualTo(expected);
        assertThat(status).containsEntry("NoNewPrivs", "1").containsEntry("Seccomp", "2");
        if (!host.isRoot()) { // in its user namespace bwrap also empties the bounding set
            assertThat(Long.parseLong(status.get("CapBnd"), 16)).isZero();
        }
    }

    @Test
    void mountPtraceBpfKeyringsAndNewNamespacesAreRefused() throws Exception {
        sandbox.script("calls.pl", """
                #!/usr/bin/perl
                use Config;
                my %nr = $Config{archname} =~ /aarch64/
                    ? (mount => 40, ptrace => 117, bpf => 280, keyctl => 219, unshare => 97)
                    : (mount => 165, ptrace => 101, bpf => 321, keyctl => 250, unshare => 272);
                my @calls = (
                    [mount => 'none', '/tmp', 'tmpfs', 0, 0],
                    [ptrace => 0, 0, 0, 0],                  # PTRACE_TRACEME: allowed without a filter
                    [bpf => 0, 0, 0],
                    [keyctl => 0, -3, 0],                    # KEYCTL_GET_KEYRING_ID of the session keyring
                    [unshare => 0x10000000],                 # CLONE_NEWUSER: allowed without a filter
                );
                for my $call (@calls) {
                    my ($name, @args) = @$call;
                    my $result = syscall($nr{$name}, @args);
                    print "$name: ", ($result < 0 ? $! + 0 : 'allowed'), "\\n";
                }
                """, true);

        ScriptRun run = sandbox.run(runner, sandbox.call("calls.pl", 20));

        assertThat(run.stdout().text()).as(run.stderr().text())
                .isEqualTo("mount: 1\nptrace: 1\nbpf: 1\nkeyctl: 1\nunshare: 1\n");
    }

    @Test
    void asRootTheHookStillChownsFilesAndSwitchesUsers() throws Exception {
        assumeTrue(host.isRoot() && host.userExists("nobody"), "needs root and the user nobody");
        sandbox.script("owner.sh", """
                #!/bin/bash
                install -d /var/app/current/logs
                chmod 0640 /var/app/current/logs && chown nobody /var/app/current/logs && echo chowned
                su -s /bin/sh nobody -c 'id -u'
                """, true);

        ScriptRun run = sandbox.run(runner, sandbox.call("owner.sh", 20));

        assertThat(run.status()).as(run.stderr().text()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).isEqualTo("chowned\n65534\n");
        assertThat(Files.getOwner(sandbox.mounts.hostPath("/var/app/current/logs")).getName()).isEqualTo("nobody");
    }

    @Test
    void aForkBombStopsAtTheLimitAndNothingOutlivesIt() throws Exception {
        // perl forks without an exec, so the bomb reaches the limit quickly even on a busy machine
        sandbox.script("bomb.pl", """
                #!/usr/bin/perl
                for my $n (1 .. 2000) {
                    my $child = fork;
                    if (!defined $child) { print "fork $n refused: ", $! + 0, "\n"; exit 1 }
                    if ($child == 0) {
                        $0 = 'bomb-child 30.3';
                        open(STDOUT, '>', '/dev/null');
                        open(STDERR, '>', '/dev/null');
                        sleep 30;
                        exit 0;
                    }
                }
                print "all started\n";
                """, true);

        ScriptRun run = sandbox.run(runner, sandbox.call("bomb.pl", 120));

        assertThat(run.status()).as(run.stdout().text()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.stdout().text()).matches("fork \\d+ refused: 11\n"); // EAGAIN
        assertThat(HookSandbox.processesRunning("bomb-child 30.3")).isEmpty();
        assertThat(String.join("\n", run.notes()).length()).isLessThan(4000);
        assertThat(run.notes()).anyMatch(note -> note.startsWith("Still running when the script ended:")
                && note.contains(" more."));
        if (ProcessLimit.find(host.isRoot()).usesCgroup()) { // the cgroup counts the refused forks
            assertThat(run.notes()).filteredOn(note -> note.contains("limit of " + ProcessLimit.MAX_PROCESSES
                    + " processes")).singleElement().asString().contains("attempts to start another");
        } else if (!host.isRoot()) { // as an ordinary user RLIMIT_NPROC stops the bomb, and nothing counts how often
            assertThat(run.notes()).noneMatch(note -> note.contains("attempts to start another"))
                    .filteredOn(note -> note.startsWith("Past " + ProcessLimit.MAX_PROCESSES + " processes a fork"))
                    .singleElement().asString().contains("cannot tell whether");
        }
    }

    @Test
    void manyProcessesLeftRunningAreNamedInOneShortLine() throws Exception {
        sandbox.script("many.sh", """
                #!/bin/bash
                for i in $(seq 30); do sleep 30.4 > /dev/null 2>&1 < /dev/null & done
                sleep 0.5
                """, true);

        ScriptRun run = sandbox.run(runner, sandbox.call("many.sh", 20));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.notes()).anyMatch(note -> note.startsWith("Still running when the script ended:")
                && note.contains(" and 25 more.") && note.length() < 600);
        assertThat(HookSandbox.processesRunning("sleep 30.4")).isEmpty();
    }

    /** The file handle of {@code file}, as hex, made on this machine outside any sandbox. */
    private static String hostHandle(Path file) throws Exception {
        Process perl = new ProcessBuilder("perl", "-e", HANDLE_CALLS + """
                my $handle = pack('Lla128', 128, 0, '');
                my $mount_id = pack('l', 0);
                syscall($name_to_handle, -100, $ARGV[0], $handle, $mount_id, 0) == 0 or die "name_to_handle_at: $!";
                my ($bytes) = unpack('L', $handle);
                print unpack('H*', substr($handle, 0, 8 + $bytes));
                """, file.toString()).redirectErrorStream(true).start();
        String out = new String(perl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(perl.waitFor()).as(out).isZero();
        HexFormat.of().parseHex(out);
        return out;
    }

    private static long capabilityMask(List<String> names) {
        Map<String, Integer> bits = Map.of("CAP_CHOWN", 0, "CAP_DAC_OVERRIDE", 1, "CAP_FOWNER", 3, "CAP_FSETID", 4,
                "CAP_KILL", 5, "CAP_SETGID", 6, "CAP_SETUID", 7, "CAP_NET_BIND_SERVICE", 10, "CAP_AUDIT_WRITE", 29);
        return names.stream().mapToLong(name -> 1L << bits.get(name)).reduce(0, (a, b) -> a | b);
    }
}
