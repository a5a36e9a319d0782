package dev.hooklab.ui.run.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of every script of a session that the console keeps in memory, bounded twice: at most
 * {@code perScript} lines of one script (its last ones) and at most {@code total} lines of all scripts together
 * (the scripts that printed longest ago give up their oldest lines first). Every line dropped is counted, so the
 * console can say how many are only on disk. Not thread-safe: the console uses it on the FX thread.
 */
public final class ConsoleLines {
    /** Lines of one script the console keeps by default. */
    public static final int DEFAULT_PER_SCRIPT = 10_000;
    /** Lines of all scripts the console keeps by default. */
    public static final int DEFAULT_TOTAL = 50_000;

    private final int perScript;
    private final int total;
    /** In the order the scripts first printed: the eldest give up lines first. */
    private final Map<ScriptKey, Kept> scripts = new LinkedHashMap<>();
    private int size;

    /** What the store did with a batch: how many lines of the script's start it dropped to make room. */
    public record Added(int droppedFromScript) {
    }

    private static final class Kept {
        final ArrayDeque<ConsoleLine> lines = new ArrayDeque<>();
        long dropped;
    }

    public ConsoleLines(int perScript, int total) {
        if (perScript < 1 || total < perScript) {
            throw new IllegalArgumentException("need 1 <= perScript <= total, got " + perScript + ", " + total);
        }
        this.perScript = perScript;
        this.total = total;
    }

    public ConsoleLines() {
        this(DEFAULT_PER_SCRIPT, DEFAULT_TOTAL);
    }

    public int perScript() {
        return perScript;
    }

    public int total() {
        return total;
    }

    /** Appends a script's lines; returns how many of that script's first kept lines went to make room. */
    public Added add(ScriptKey key, List<ConsoleLine> lines) {
        return add(key, lines, 0);
    }

    /**
     * Appends a script's lines, {@code skippedBefore} lines it printed just before them never handed over (counted as
     * dropped); returns how many of that script's lines went to make room.
     */
    public Added add(ScriptKey key, List<ConsoleLine> lines, long skippedBefore) {
        Kept kept = scripts.computeIfAbsent(key, k -> new Kept());
        long before = kept.dropped;
        kept.dropped += skippedBefore;
        int skip = Math.max(0, lines.size() - perScript); // a batch larger than the bound: only its end stays
        kept.dropped += skip;
        for (int i = skip; i < lines.size(); i++) {
            kept.lines.addLast(lines.get(i));
        }
        size += lines.size() - skip;
        while (kept.lines.size() > perScript) {
            kept.lines.removeFirst();
            kept.dropped++;
            size--;
        }
        trimOthers(key);
        return new Added((int) (kept.dropped - before));
    }

    /** Gives back lines of the other scripts, eldest first, until the total fits (this one last). */
    private void trimOthers(ScriptKey current) {
        Iterator<Map.Entry<ScriptKey, Kept>> it = scripts.entrySet().iterator();
        while (size > total && it.hasNext()) {
            Map.Entry<ScriptKey, Kept> e = it.next();
            if (e.getKey().equals(current)) {
                continue;
            }
            Kept other = e.getValue();
            while (size > total && !other.lines.isEmpty()) {
                other.lines.removeFirst();
                other.dropped++;
                size--;
            }
        }
    }

    /** The lines kept of a script, oldest first (empty when it printed nothing). */
    public List<ConsoleLine> lines(ScriptKey key) {
        Kept kept = scripts.get(key);
        return kept == null ? List.of() : new ArrayList<>(kept.lines);
    }

    /** The last {@code n} lines kept of a script (fewer if it kept fewer), oldest first. */
    public List<ConsoleLine> last(ScriptKey key, int n) {
        Kept kept = scripts.get(key);
        if (kept == null) {
            return List.of();
        }
        ConsoleLine[] out = new ConsoleLine[Math.min(n, kept.lines.size())];
        Iterator<ConsoleLine> it = kept.lines.descendingIterator();
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = it.next();
        }
        return List.of(out);
    }

    /** How many of a script's first lines are no longer in memory. */
    public long dropped(ScriptKey key) {
        Kept kept = scripts.get(key);
        return kept == null ? 0 : kept.dropped;
    }

    /** How many lines a script printed in all (kept and dropped). */
    public long printed(ScriptKey key) {
        Kept kept = scripts.get(key);
        return kept == null ? 0 : kept.dropped + kept.lines.size();
    }

    /** Lines kept of all scripts. */
    public int size() {
        return size;
    }

    /** Forgets every script of a step (it runs again). */
    public void forgetStep(int step) {
        scripts.entrySet().removeIf(e -> {
            if (e.getKey().step() == step) {
                size -= e.getValue().lines.size();
                return true;
            }
            return false;
        });
    }

    /** Forgets everything (a new session). */
    public void clear() {
        scripts.clear();
        size = 0;
    }
}
