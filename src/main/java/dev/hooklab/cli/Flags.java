package dev.hooklab.cli;

import dev.hooklab.finding.Setting;

import java.util.EnumMap;
import java.util.Map;

/**
 * The command line's one table from an engine {@link Setting} to the flag that sets it. The engine names a
 * setting with a placeholder; the text and JSON writers ({@link TerminalText}, {@link Json}) and the one-line
 * errors fill it in here, so the user reads {@code --events} where the engine wrote "the events to run".
 */
final class Flags {
    private static final Map<Setting, String> FLAGS = new EnumMap<>(Map.ofEntries(
            Map.entry(Setting.EVENTS, "--events"),
            Map.entry(Setting.APPSPEC, "--appspec"),
            Map.entry(Setting.MAX_EXPANDED_SIZE, "--max-expanded-size"),
            Map.entry(Setting.NO_WAIT_FOR_OUTPUTS, "--no-wait-for-outputs"),
            Map.entry(Setting.MAX_OUTPUT_SIZE, "--max-output-size"),
            Map.entry(Setting.PREVIOUS, "--previous"),
            Map.entry(Setting.PREVIOUS_DEPLOYMENT_ID, "--previous-deployment-id"),
            Map.entry(Setting.DEPLOYMENT_ID, "--deployment-id"),
            Map.entry(Setting.SANDBOX, "--sandbox"),
            Map.entry(Setting.DEPLOYMENT_TYPE, "--deployment-type"),
            Map.entry(Setting.OS, "--os")));

    private Flags() {
    }

    /** The flag that sets {@code setting}. */
    static String of(Setting setting) {
        String flag = FLAGS.get(setting);
        if (flag == null) {
            throw new IllegalStateException("no command-line flag for " + setting);
        }
        return flag;
    }

    /** {@code text} with every setting the engine named replaced by its flag. */
    static String fill(String text) {
        return Setting.fill(text, Flags::of);
    }
}
