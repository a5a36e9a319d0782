package dev.hooklab.finding;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting of a check or a run that an engine message may name, without knowing how the front end sets it.
 *
 * <p>The engine writes {@link #ref()}, a placeholder, where a message names the setting; the front end fills
 * every placeholder with {@link #fill} when it shows the text: the command line with its flag
 * ({@code --events}), the window with its own control. A front end with nothing better uses {@link #label()}.
 */
public enum Setting {
    EVENTS("the events to run"),
    APPSPEC("the AppSpec file given"),
    MAX_EXPANDED_SIZE("the maximum expanded size"),
    NO_WAIT_FOR_OUTPUTS("not waiting for held outputs"),
    MAX_OUTPUT_SIZE("the maximum output per script"),
    PREVIOUS("the previous revision"),
    PREVIOUS_DEPLOYMENT_ID("the previous deployment id"),
    DEPLOYMENT_ID("the deployment id"),
    SANDBOX("the sandbox folder"),
    DEPLOYMENT_TYPE("the deployment type"),
    OS("the target OS");

    private static final String OPEN = "\u00absetting:";
    private static final String CLOSE = "\u00bb";
    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "([a-z_]+)" + CLOSE);

    private final String label;

    Setting(String label) {
        this.label = label;
    }

    /** Plain words for the setting, for a front end that has no name of its own for it. */
    public String label() {
        return label;
    }

    /** The placeholder a message writes where it names this setting; {@link #fill} replaces it. */
    public String ref() {
        return OPEN + name().toLowerCase(Locale.ROOT) + CLOSE;
    }

    /** {@code text} with each setting's placeholder replaced by {@code name}'s word for it; null stays null. */
    public static String fill(String text, Function<Setting, String> name) {
        if (text == null || !text.contains(OPEN)) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String word = m.group();
            for (Setting setting : values()) {
                if (setting.ref().equals(word)) {
                    word = name.apply(setting);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        return m.appendTail(out).toString();
    }
}
