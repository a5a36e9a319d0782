package dev.hooklab.run.process;

/**
 * A process named in a result.
 *
 * @param pid     its pid: in the sandbox's own PID namespace under bubblewrap, else this machine's
 * @param command its command line, arguments separated by spaces
 */
public record ProcessRef(long pid, String command) {

    /** {@code `sleep 60` (pid 4711)} */
    public String describe() {
        return "`" + command + "` (pid " + pid + ")";
    }
}
