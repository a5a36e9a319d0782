package dev.hooklab.run.process;

import dev.hooklab.run.output.OutputChannel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, through Linux's {@code /proc}, the processes of this machine that hold the write end of
 * a hook's output pipes, and stops them. Used when the hook shares this machine's PID namespace;
 * inside a bubblewrap sandbox the wrapper looks itself before the namespace disappears.
 */
final class PipeHolders {
    private static final Path PROC = Path.of("/proc");

    boolean available() {
        return Files.isDirectory(PROC.resolve("self/fd"));
    }

    List<OutputHolder> find(long stdoutInode, long stderrInode) {
        List<OutputHolder> holders = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid != self && alive(pid)) {
                    holders.addAll(heldBy(process, pid, stdoutInode, stderrInode));
                }
            }
        } catch (IOException e) {
            return holders;
        }
        return holders;
    }

    private List<OutputHolder> heldBy(Path process, long pid, long stdoutInode, long stderrInode) {
        Set<OutputChannel> held = new LinkedHashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                String link = Files.readSymbolicLink(fd).toString();
                OutputChannel channel = link.equals("pipe:[" + stdoutInode + "]") ? OutputChannel.STDOUT
                        : link.equals("pipe:[" + stderrInode + "]") ? OutputChannel.STDERR : null;
                if (channel != null && writes(process.resolve("fdinfo").resolve(fd.getFileName()))) {
                    held.add(channel);
                }
            }
        } catch (IOException | SecurityException e) {
            return List.of(); // gone, or not ours to read
        }
        ProcessRef ref = new ProcessRef(pid, commandOf(pid));
        return held.stream().map(channel -> new OutputHolder(channel, ref)).toList();
    }

    /** Whether the descriptor is open for writing ({@code flags} with O_WRONLY or O_RDWR). */
    private static boolean writes(Path fdinfo) throws IOException {
        for (String line : Files.readAllLines(fdinfo)) {
            if (line.startsWith("flags:")) {
                return (Long.parseLong(line.substring(6).trim(), 8) & 3) != 0;
            }
        }
        return false;
    }

    /** SIGTERM to each holder, SIGKILL to those still there after {@code grace}. */
    void stop(List<OutputHolder> holders, Duration grace) throws InterruptedException {
        Set<Long> pids = new LinkedHashSet<>();
        holders.forEach(holder -> pids.add(holder.process().pid()));
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        long end = System.nanoTime() + grace.toNanos();
        while (pids.stream().anyMatch(PipeHolders::alive) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        pids.stream().filter(PipeHolders::alive)
                .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** Running, not a zombie (ProcessHandle.isAlive() is true for zombies nobody reaps). */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.UTF_8);
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String commandOf(long pid) {
        try {
            String line = Files.readString(PROC.resolve(pid + "/cmdline"), StandardCharsets.UTF_8)
                    .replaceAll("\0+$", "").replace('\0', ' ');
            if (!line.isEmpty()) {
                return line;
            }
            return Optional.of(Files.readString(PROC.resolve(pid + "/comm")).trim()).map(c -> "[" + c + "]")
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
