package dev.hooklab.run.process;

import dev.hooklab.run.output.OutputChannel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The status written by hooklab's hook wrapper ({@code hook-wrapper.pl}), parsed. The channel is out
 * of the hook's reach, and still only lines in the wrapper's own order count: the first {@code pipes}
 * and {@code pid}, one ending before the exit, the first {@code exit}/{@code signal}, what follows it,
 * and {@code done} only after that; anything else is ignored.
 *
 * @param releasedMs how long after the exit the last holder let go of the outputs (the wrapper waited), or -1
 * @param stillHeld  what still held an output at the agent's deadline (the wrapper waited until then)
 */
record WrapperReport(long stdoutInode, long stderrInode, Long pid, ExecError execError, Integer exitCode,
                     Integer signal, String signalName, String ending, List<ProcessRef> survivedTerm,
                     long settledMs, List<OutputHolder> holders, List<ProcessRef> leftovers, boolean done,
                     long releasedMs, List<OutputHolder> stillHeld) {

    static WrapperReport parse(byte[] status) {
        String text = new String(status, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n'); // a line still being written does not count yet
        return parse(end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1)));
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
        long releasedMs = -1;
        boolean pipes = false;
        List<ProcessRef> survived = new ArrayList<>();
        List<OutputHolder> holders = new ArrayList<>();
        List<OutputHolder> stillHeld = new ArrayList<>();
        List<ProcessRef> leftovers = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.split(" ", 4);
            boolean ended = exitCode != null || signal != null;
            if (done) {
                break;
            }
            try {
                switch (words[0]) {
                    case "pipes" -> {
                        if (!pipes) {
                            stdoutInode = Long.parseLong(words[1]);
                            stderrInode = Long.parseLong(words[2]);
                            pipes = true;
                        }
                    }
                    case "pid" -> pid = pid == null ? Long.valueOf(words[1]) : pid;
                    case "exec-error" -> {
                        if (execError == null && !ended) {
                            int errno = Integer.parseInt(words[1]);
                            execError = new ExecError(errno, words[2].equals("?") ? ExecError.nameOf(errno)
                                    : words[2], words.length > 3 ? words[3] : "");
                        }
                    }
                    case "exit" -> {
                        if (!ended) {
                            exitCode = Integer.parseInt(words[1]);
                        }
                    }
                    case "signal" -> {
                        if (!ended) {
                            signal = Integer.parseInt(words[1]);
                            signalName = words[2];
                        }
                    }
                    case "deadline", "stopped" -> ending = ending == null && !ended ? words[0] : ending;
                    case "survived-term" -> {
                        if (ending != null && !ended) {
                            survived.add(process(line, 1));
                        }
                    }
                    case "holder", "still-held" -> {
                        if (ended) {
                            (words[0].equals("holder") ? holders : stillHeld).add(new OutputHolder(
                                    words[1].equals("stdout") ? OutputChannel.STDOUT : OutputChannel.STDERR,
                                    process(line, 2)));
                        }
                    }
                    case "settled" -> settledMs = ended ? Long.parseLong(words[1]) : settledMs;
                    case "released" -> releasedMs = ended ? Long.parseLong(words[1]) : releasedMs;
                    case "leftover" -> {
                        if (ended) {
                            leftovers.add(process(line, 1));
                        }
                    }
                    case "done" -> done = ended || execError != null;
                    default -> {
                        // a line from a newer wrapper: ignore
                    }
                }
            } catch (RuntimeException e) {
                // a malformed line is not the wrapper's: ignore it
            }
        }
        return new WrapperReport(stdoutInode, stderrInode, pid, execError, exitCode, signal, signalName, ending,
                List.copyOf(survived), settledMs, List.copyOf(holders), List.copyOf(leftovers), done, releasedMs,
                List.copyOf(stillHeld));
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
