package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.TestRevision;
import dev.hooklab.bundle.BundleReader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Hostile bundles are refused whole, before anything is written, with one line naming the entry:
 * deployment-archive stays absent (or as it was) and nothing appears outside it.
 */
class ExtractionRefusalTest {
    @TempDir
    Path tmp;

    private Path outside;
    private Path archive;
    private final BundleReader reader = new BundleReader();
    private final BundleExtractor extractor = new BundleExtractor(ExtractionLimits.defaults());

    @BeforeEach
    void sentinel() throws IOException {
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        archive = tmp.resolve("sandbox/deployment-archive");
    }

    /** Extracts, expects a one-line refusal containing {@code expected}, and checks that nothing was written. */
    private void assertRefused(Path bundle, String expected) throws IOException {
        Map<String, String> before = ExtractedTree.of(tmp.resolve("sandbox"));
        Bundle listed;
        try {
            listed = reader.open(bundle);
        } catch (BundleException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> extractor.extract(listed, archive))
                .isInstanceOf(BundleException.class)
                .hasMessage(expected)
                .message().doesNotContain("\n");
        assertThat(ExtractedTree.of(tmp.resolve("sandbox"))).as("the sandbox is untouched").isEqualTo(before);
        assertThat(ExtractedTree.of(outside)).as("nothing written outside").containsExactly(entry("keep.txt", "file 0644 keep"));
    }

    @Test
    void zipSlip() throws Exception {
        Path zip = TestRevision.exact().file("appspec.yml", "x").file("../../outside/pwned", "x").zip(tmp, "app.zip");

        assertRefused(zip, "app.zip: refused to extract '../../outside/pwned': the name climbs out of deployment-archive ('..')");
    }

    @Test
    void dotDotThatStaysInsideIsRefusedToo() throws Exception {
        Path tar = TestRevision.exact().file("a/../appspec.yml", "x").tar(tmp, "app.tar");

        assertRefused(tar, "app.tar: refused to extract 'a/../appspec.yml': the name has a '..' segment, and extraction "
                + "takes no name that could climb out of deployment-archive");
    }

    @Test
    void absoluteNamesInZipAndTar() throws Exception {
        String absolute = outside.resolve("abs.txt").toString();
        Path zip = TestRevision.exact().file("appspec.yml", "x").file(absolute, "x").zip(tmp, "app.zip");
        Path tar = TestRevision.exact().file(absolute, "x").tar(tmp, "app.tar");

        assertRefused(zip, "app.zip: refused to extract '" + absolute + "': the name is absolute: it would be written at '"
                + absolute + "', outside deployment-archive");
        assertRefused(tar, "app.tar: refused to extract '" + absolute + "': the name is absolute: it would be written at '"
                + absolute + "', outside deployment-archive");
    }

    @Test
    void anEntryThroughASymlinkToAnOutsideFolder() throws Exception {
        TestRevision items = TestRevision.exact().file("appspec.yml", "x").symlink("out", outside.toString())
                .file("out/pwned", "x");
        String why = ": refused to extract 'out/pwned': it is stored below the symbolic link 'out' -> '" + outside
                + "', which points outside the revision";

        assertRefused(items.tar(tmp, "app.tar"), "app.tar" + why);
        assertRefused(items.zip(tmp, "app.zip"), "app.zip" + why);
        assertRefused(TestRevision.exact().symlink("up", "../../outside").file("up/pwned", "x").tgz(tmp, "rel.tgz"),
                "rel.tgz: refused to extract 'up/pwned': it is stored below the symbolic link 'up' -> '../../outside', "
                        + "which points outside the revision");
    }

    @Test
    void anEntryThroughASymlinkThatStaysInside() throws Exception {
        Path tar = TestRevision.exact().file("real/appspec.yml", "x").symlink("alias", "real").file("alias/x", "x")
                .tar(tmp, "app.tar");

        assertRefused(tar, "app.tar: refused to extract 'alias/x': it is stored below the symbolic link 'alias' -> 'real', "
                + "and extraction never writes through a link");
    }

    @Test
    void anEntryBelowAFile() throws Exception {
        Path tar = TestRevision.exact().file("appspec.yml", "x").file("appspec.yml/x", "x").tar(tmp, "app.tar");

        assertRefused(tar, "app.tar: refused to extract 'appspec.yml/x': it is stored below 'appspec.yml', which is a file, not a folder");
    }

    @Test
    void hardLinksOutOfTheRevision() throws Exception {
        assertRefused(TestRevision.exact().file("appspec.yml", "x").hardlink("pw", "/etc/passwd")
                .tar(tmp, "passwd.tar"),
                "passwd.tar: refused to extract 'pw': it is a hard link to '/etc/passwd', outside the revision");
        assertRefused(TestRevision.exact().hardlink("pw", "../outside/keep.txt").tar(tmp, "up.tar"),
                "up.tar: refused to extract 'pw': it is a hard link to '../outside/keep.txt', which climbs out of deployment-archive ('..')");
        assertRefused(TestRevision.exact().hardlink("early", "later").file("later", "x").tar(tmp, "later.tar"),
                "later.tar: refused to extract 'early': it is a hard link to 'later', which no earlier entry extracts");
    }

    @Test
    void encryptedZipEntries() throws Exception {
        Path zip = TestRevision.exact().file("appspec.yml", "x").file("secret.env", "x").zip(tmp, "app.zip");
        TestRevision.markEncrypted(zip, "secret.env");

        assertRefused(zip, "app.zip: refused to extract 'secret.env': it is encrypted, and the agent's unzip has no password "
                + "to extract it either");
    }

    @Test
    void aRefusalLeavesAnExistingArchiveAsItWas() throws Exception {
        Files.createDirectories(archive);
        Files.writeString(archive.resolve("previous.txt"), "from the last run");
        Path zip = TestRevision.exact().file("../x", "x").zip(tmp, "app.zip");

        assertRefused(zip, "app.zip: refused to extract '../x': the name climbs out of deployment-archive ('..')");
        assertThat(Files.exists(archive.resolve("previous.txt"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
