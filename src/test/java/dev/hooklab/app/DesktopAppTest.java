package dev.hooklab.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the window keeps its state, per platform, and the override tests and users can give. */
class DesktopAppTest {
    @Test
    void theStateFolderFollowsEachPlatformsConvention() {
        assertThat(DesktopApp.stateFolder(Map.of(), "/home/ann", "Linux", null))
                .isEqualTo(Path.of("/home/ann/.local/state/hooklab"));
        assertThat(DesktopApp.stateFolder(Map.of("XDG_STATE_HOME", "/xdg"), "/home/ann", "Linux", null))
                .isEqualTo(Path.of("/xdg/hooklab"));
        assertThat(DesktopApp.stateFolder(Map.of(), "/Users/ann", "Mac OS X", null))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/hooklab"));
        assertThat(DesktopApp.stateFolder(Map.of("LOCALAPPDATA", "/appdata"), "/home/ann", "Windows 11", null))
                .isEqualTo(Path.of("/appdata/hooklab"));
        assertThat(DesktopApp.stateFolder(Map.of("XDG_STATE_HOME", "/xdg"), "/home/ann", "Linux", "/tmp/s"))
                .isEqualTo(Path.of("/tmp/s"));
    }

    @Test
    void theSamplesAreTheCatalogs() {
        assertThat(DesktopApp.samples()).extracting(s -> s.id())
                .containsExactly("seed-story", "healthy-service", "classic-mistakes");
    }
}
