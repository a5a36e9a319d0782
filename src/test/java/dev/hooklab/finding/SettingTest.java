package dev.hooklab.finding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The placeholder an engine message writes for a setting, and how a front end fills it. */
class SettingTest {
    @Test
    void eachPlaceholderIsFilledWithTheFrontEndsName() {
        String text = Setting.EVENTS.ref() + ": 'x' is not an event name; see also " + Setting.SANDBOX.ref()
                + " and " + Setting.EVENTS.ref() + ".";

        assertThat(Setting.fill(text, s -> "<" + s.name() + ">"))
                .isEqualTo("<EVENTS>: 'x' is not an event name; see also <SANDBOX> and <EVENTS>.");
        assertThat(Setting.fill(text, Setting::label))
                .isEqualTo("the events to run: 'x' is not an event name; see also the sandbox folder and the events to run.");
    }

    @Test
    void textWithoutPlaceholdersIsLeftAlone() {
        assertThat(Setting.fill("plain $1 \\ text", s -> "never")).isEqualTo("plain $1 \\ text");
        assertThat(Setting.fill(null, s -> "never")).isNull();
        // a look-alike that names no setting stays as written
        String lookAlike = Setting.EVENTS.ref().replace("events", "colours");
        assertThat(Setting.fill(lookAlike, s -> "never")).isEqualTo(lookAlike);
    }

    @Test
    void placeholdersAreDistinctAndNameNoFlag() {
        for (Setting s : Setting.values()) {
            assertThat(s.ref()).doesNotContain("--").contains(s.name().toLowerCase());
            assertThat(Setting.fill(s.ref(), Setting::name)).isEqualTo(s.name());
        }
    }
}
