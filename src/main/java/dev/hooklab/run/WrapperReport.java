package dev.hooklab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The status file written by hooklab's hook wrapper ({@code hook-wrapper.pl}), parsed. */
record WrapperReport(long stdoutInode, long stderrInode, Long pid, ExecError execError, Integer exitCode,
                     Integer signal, String signalName, String ending, List<ProcessRef> survivedTerm,
                     long settledMs, List<OutputHolder> holders, List<ProcessRef> leftovers, boolean done) {

    static WrapperReport read(Path status) throws IOException {
        return parse(Files.exists(status) ? Files.readAllLines(status, StandardCharsets.UTF_8) : List.of());
    }

    static WrapperReport parse(List<String> lines) {
        long stdoutInode = 0;
        long stderrInode = 0;
        Long pid = null;
        ExecError execError = null;
        Integer exitCode = null;
        Integer signal = null;
        String signalName = null;
        String ending = null;
        boolean done = false;
        long settledMs = 0;
        List<ProcessRef> survived = new ArrayList<>();
        List<OutputHolder> holders = new ArrayList<>();
        List<ProcessRef> leftovers = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.split(" ", 4);
            switch (words[0]) {
                case "pipes" -> {
                    stdoutInode = Long.parseLong(words[1]);
                    stderrInode = Long.parseLong(words[2]);
                }
                case "pid" -> pid = Long.parseLong(words[1]);
                case "exec-error" -> {
                    int errno = Integer.parseInt(words[1]);
                    execError = new ExecError(errno, words[2].equals("?") ? ExecError.nameOf(errno) : words[2],
                            words.length > 3 ? words[3] : "");
                }
                case "exit" -> exitCode = Integer.parseInt(words[1]);
                case "signal" -> {
                    signal = Integer.parseInt(words[1]);
                    signalName = words[2];
                }
                case "deadline", "stopped" -> ending = words[0];
                case "survived-term" -> survived.add(process(line, 1));
                case "holder" -> holders.add(new OutputHolder(
                        words[1].equals("stdout") ? OutputChannel.STDOUT : OutputChannel.STDERR, process(line, 2)));
                case "settled" -> settledMs = Long.parseLong(words[1]);
                case "leftover" -> leftovers.add(process(line, 1));
                case "done" -> done = true;
                default -> {
                    // a line from a newer wrapper: ignore
                }
            }
        }
        return new WrapperReport(stdoutInode, stderrInode, pid, execError, exitCode, signal, signalName, ending,
                List.copyOf(survived), settledMs, List.copyOf(holders), List.copyOf(leftovers), done);
    }

    /** {@code <skip words> <pid> <command...>} */
    private static ProcessRef process(String line, int skip) {
        String[] words = line.split(" ", skip + 2);
        return new ProcessRef(Long.parseLong(words[skip]), words.length > skip + 1 ? words[skip + 1] : "");
    }

    boolean ended() {
        return exitCode != null || signal != null;
    }
}
