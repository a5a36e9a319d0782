package dev.hooklab.ui.shell;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.plan.DeploymentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's remembered state, written to a real file and read back. */
class ShellStateTest {
    @TempDir
    Path tmp;

    @Test
    void everythingKeptComesBackFromTheFile() throws IOException {
        Path folder = tmp.resolve("state/hooklab");
        ShellState s = ShellState.load(folder);
        s.setBounds(new ShellState.Bounds(10, 20, 1100, 700));
        s.setMaximized(false);
        s.setDividers("main", new double[]{0.3});
        s.setDividers("centre", new double[]{0.25, 0.75});
        s.setTheme(Theme.DARK);
        s.setOptions(new InspectOptions(DeploymentType.BLUE_GREEN_ORIGINAL, "appspec-prod.yml", tmp.resolve("x.yml"),
                "OVERWRITE"));
        s.setLayout(new DeploymentLayout(TargetOs.WINDOWS, "C:\\codedeploy", "group-1", "d-SHOULDNOTSTAY"));
        for (int i = 0; i < 12; i++) {
            s.addRecent(tmp.resolve("r" + i + ".zip"));
        }
        s.addRecent(tmp.resolve("r5.zip"));
        s.save();

        ShellState back = ShellState.load(folder);
        assertThat(back.bounds()).contains(new ShellState.Bounds(10, 20, 1100, 700));
        assertThat(back.maximized()).isFalse();
        assertThat(back.dividers("main")).containsExactly(0.3);
        assertThat(back.dividers("centre")).containsExactly(0.25, 0.75);
        assertThat(back.dividers("bottom")).isEmpty();
        assertThat(back.theme()).isEqualTo(Theme.DARK);
        assertThat(back.options()).isEqualTo(new InspectOptions(DeploymentType.BLUE_GREEN_ORIGINAL,
                "appspec-prod.yml", null, "OVERWRITE"));
        assertThat(back.layout()).isEqualTo(new DeploymentLayout(TargetOs.WINDOWS, "C:\\codedeploy", "group-1", ""));
        assertThat(back.recent()).hasSize(ShellState.RECENT_LIMIT)
                .startsWith(tmp.resolve("r5.zip"), tmp.resolve("r11.zip"), tmp.resolve("r10.zip"))
                .doesNotHaveDuplicates();
    }

    @Test
    void aDamagedOrMissingFileGivesTheDefaults() throws IOException {
        assertThat(ShellState.load(tmp.resolve("nothing-here")).theme()).isEqualTo(Theme.SYSTEM);
        Files.writeString(tmp.resolve(ShellState.FILE_NAME), "theme=PURPLE\nwindow.x=abc\nsplit.main=7,x\n"
                + "settings.type=SIDEWAYS\n\\u00zz");
        ShellState s = ShellState.load(tmp);
        assertThat(s.theme()).isEqualTo(Theme.SYSTEM);
        assertThat(s.bounds()).isEmpty();
        assertThat(s.dividers("main")).isEmpty();
        assertThat(s.options()).isEqualTo(InspectOptions.defaults());
        assertThat(s.layout()).isEqualTo(RevisionModel.UNDRAWN);
    }

    @Test
    void theCrashLogKeepsTheStackAndTheUserGetsOneSentence() throws IOException {
        CrashLog log = new CrashLog(tmp.resolve("state"), Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"),
                ZoneOffset.UTC));
        String sentence = log.record("reading a.zip", new IllegalStateException("boom"));
        assertThat(sentence).isEqualTo("hooklab failed unexpectedly while reading a.zip (IllegalStateException); "
                + "the details are in " + tmp.resolve("state/errors.log") + ".");
        assertThat(Files.readString(log.file())).startsWith("[2026-12-04T10:00:00Z] while reading a.zip:\n"
                + "java.lang.IllegalStateException: boom\n\tat ");
    }
}
