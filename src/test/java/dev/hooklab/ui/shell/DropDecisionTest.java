package dev.hooklab.ui.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static dev.hooklab.ui.shell.DropDecision.Slot.PREVIOUS_REVISION;
import static dev.hooklab.ui.shell.DropDecision.Slot.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

/** What a drop means, from real files: bundles by their bytes, AppSpecs by their name, the rest refused. */
class DropDecisionTest {
    @TempDir
    Path tmp;

    @Test
    void aBundleIsKnownByItsBytesWhateverItsName() throws IOException {
        Path zip = Revisions.zip(tmp.resolve("revision.bin"), Map.of("appspec.yml", Revisions.SEED_APPSPEC));
        Path tgz = tmp.resolve("build-output");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            out.write(new byte[1024]);
        }
        assertThat(DropDecision.of(List.of(zip), WINDOW, false)).isEqualTo(new DropDecision.Open(zip));
        assertThat(DropDecision.of(List.of(tgz), WINDOW, true)).isEqualTo(new DropDecision.Open(tgz));
        assertThat(DropDecision.of(List.of(zip), PREVIOUS_REVISION, true)).isEqualTo(new DropDecision.Previous(zip));
    }

    @Test
    void aFolderOpensOrBecomesThePreviousRevision() throws IOException {
        Path dir = Revisions.seedFolder(tmp.resolve("seed"));
        assertThat(DropDecision.of(List.of(dir), WINDOW, true)).isEqualTo(new DropDecision.Open(dir));
        assertThat(DropDecision.of(List.of(dir), PREVIOUS_REVISION, true)).isEqualTo(new DropDecision.Previous(dir));
    }

    @Test
    void anAppSpecReplacesTheOpenRevisionsOwnOrOpensAlone() throws IOException {
        Path yml = Revisions.text(tmp.resolve("other/appspec.yml"), Revisions.HEALTHY_APPSPEC);
        assertThat(DropDecision.of(List.of(yml), WINDOW, true)).isEqualTo(new DropDecision.ReplaceAppSpec(yml));
        assertThat(DropDecision.of(List.of(yml), WINDOW, false)).isEqualTo(new DropDecision.Open(yml));
        assertThat(DropDecision.of(List.of(yml), PREVIOUS_REVISION, true))
                .isEqualTo(new DropDecision.Refused("appspec.yml is an AppSpec; the previous revision is a bundle or a folder."));
    }

    @Test
    void refusedDropsSayWhy() throws IOException {
        Path a = Revisions.zip(tmp.resolve("a.zip"), Map.of("x", "y"));
        Path b = Revisions.zip(tmp.resolve("b.zip"), Map.of("x", "y"));
        Path notes = Revisions.text(tmp.resolve("notes.txt"), "hello world, not a bundle");
        Path empty = Revisions.text(tmp.resolve("empty.zip"), "");

        assertThat(reason(DropDecision.of(List.of(a, b), WINDOW, false)))
                .isEqualTo("2 files were dropped (a.zip, b.zip): drop one bundle, folder or appspec.yml at a time.");
        assertThat(reason(DropDecision.of(List.of(notes), WINDOW, true)))
                .isEqualTo("notes.txt is neither a bundle (zip, tar, tgz) nor an AppSpec (.yml): it starts with "
                        + "\"hello world, not\".");
        assertThat(reason(DropDecision.of(List.of(empty), WINDOW, true))).endsWith("empty file (0 bytes), neither a "
                + "bundle nor an AppSpec.");
        assertThat(reason(DropDecision.of(List.of(tmp.resolve("gone.zip")), WINDOW, true)))
                .isEqualTo(tmp.resolve("gone.zip") + ": no such file or folder.");
        assertThat(reason(DropDecision.of(List.of(), WINDOW, true))).startsWith("Nothing to open in this drop");
    }

    @Test
    void aDamagedArchiveIsStillOpenedSoThatItsReaderSaysWhatIsWrong() throws IOException {
        Path broken = Revisions.corruptZip(tmp.resolve("broken.zip"));
        assertThat(DropDecision.of(List.of(broken), WINDOW, true)).isEqualTo(new DropDecision.Open(broken));
    }

    private static String reason(DropDecision d) {
        assertThat(d).isInstanceOf(DropDecision.Refused.class);
        return ((DropDecision.Refused) d).reason();
    }
}
