package dev.hooklab.run;

/**
 * Why exec failed, as the C library reports it.
 *
 * @param errno the error number
 * @param name  its symbolic name ({@code ENOENT}, {@code EACCES}); Ruby raises {@code Errno::<name>}
 * @param text  its description ({@code No such file or directory})
 */
record ExecError(int errno, String name, String text) {

    /** The message of Ruby's exception: {@code No such file or directory - <program>}. */
    String rubyMessage(String program) {
        return text + " - " + program;
    }
}
