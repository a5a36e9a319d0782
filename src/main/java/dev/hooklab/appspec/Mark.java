package dev.hooklab.appspec;

/** A 1-based line and column in the AppSpec text; {@link #NONE} when unknown. */
public record Mark(int line, int column) {
    public static final Mark NONE = new Mark(0, 0);

    public boolean known() {
        return line > 0;
    }
}
