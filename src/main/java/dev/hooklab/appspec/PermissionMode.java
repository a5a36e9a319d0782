package dev.hooklab.appspec;

/**
 * The agent's ModeInfo: {@code mode.to_s}, left-padded with 0 to three characters, at most four
 * characters, each a digit 0-7. An unquoted {@code 0644} arrives as the Integer 420, so the agent
 * checks and applies "420".
 */
final class PermissionMode {
    /**
     * @param mode         the padded mode string the agent applies (also when rejected)
     * @param agentMessage the agent's error, or null when the mode is accepted
     * @param badCharacter the offending character, or null
     */
    record Check(String mode, String agentMessage, String badCharacter) {
        boolean accepted() {
            return agentMessage == null;
        }
    }

    private PermissionMode() {
    }

    static Check check(YamlValue value) {
        String mode = RubyCalls.toS(value);
        while (mode.codePointCount(0, mode.length()) < 3) {
            mode = "0" + mode;
        }
        if (mode.codePointCount(0, mode.length()) > 4) {
            return new Check(mode, AppSpecAgentErrors.modeLength(mode), null);
        }
        int i = 0;
        while (i < mode.length()) {
            int c = mode.codePointAt(i);
            if (c < '0' || c > '7') {
                String bad = new String(Character.toChars(c));
                return new Check(mode, AppSpecAgentErrors.modeCharacter(mode, bad), bad);
            }
            i += Character.charCount(c);
        }
        return new Check(mode, null, null);
    }
}
