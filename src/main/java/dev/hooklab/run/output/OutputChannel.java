package dev.hooklab.run.output;

/** The two outputs of a hook script, captured apart as the agent does. */
public enum OutputChannel {
    STDOUT("stdout"),
    STDERR("stderr");

    private final String label;

    OutputChannel(String label) {
        this.label = label;
    }

    /** {@code stdout} or {@code stderr}, as in the agent's {@code [stdout]} log prefix. */
    public String label() {
        return label;
    }
}
