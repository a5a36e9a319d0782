package dev.hooklab.run.process;

/**
 * Why exec failed, as the C library reports it.
 *
 * @param errno the error number
 * @param name  its symbolic name ({@code ENOENT}, {@code EACCES}); Ruby raises {@code Errno::<name>}
 * @param text  its description ({@code No such file or directory})
 */
public record ExecError(int errno, String name, String text) {

    /** The symbolic name of a Linux errno, as Ruby's {@code Errno::} classes are named. */
    static String nameOf(int errno) {
        return switch (errno) {
            case 1 -> "EPERM";
            case 2 -> "ENOENT";
            case 7 -> "E2BIG";
            case 8 -> "ENOEXEC";
            case 12 -> "ENOMEM";
            case 13 -> "EACCES";
            case 20 -> "ENOTDIR";
            case 21 -> "EISDIR";
            case 26 -> "ETXTBSY";
            case 36 -> "ENAMETOOLONG";
            case 40 -> "ELOOP";
            default -> "E" + errno;
        };
    }

    /** The message of Ruby's exception: {@code No such file or directory - <program>}. */
    public String rubyMessage(String program) {
        return text + " - " + program;
    }
}
