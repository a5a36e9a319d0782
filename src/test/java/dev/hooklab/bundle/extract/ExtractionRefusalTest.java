package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.BundleFixture;
import dev.hooklab.bundle.BundleReader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

import static dev.hooklab.bundle.BundleFixture.file;
import static dev.hooklab.bundle.BundleFixture.hardlink;
import static dev.hooklab.bundle.BundleFixture.symlink;
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
        Path zip = BundleFixture.zip(tmp, "app.zip", file("appspec.yml", "x"), file("../../outside/pwned", "x"));

        assertRefused(zip, "app.zip: refused to extract '../../outside/pwned': the name climbs out of deployment-archive ('..')");
    }

    @Test
    void dotDotThatStaysInsideIsRefusedToo() throws Exception {
        Path tar = BundleFixture.tar(tmp, "app.tar", file("a/../appspec.yml", "x"));

        assertRefused(tar, "app.tar: refused to extract 'a/../appspec.yml': the name has a '..' segment, and extraction "
                + "takes no name that could climb out of deployment-archive");
    }

    @Test
    void absoluteNamesInZipAndTar() throws Exception {
        String absolute = outside.resolve("abs.txt").toString();
        Path zip = BundleFixture.zip(tmp, "app.zip", file("appspec.yml", "x"), file(absolute, "x"));
        Path tar = BundleFixture.tar(tmp, "app.tar", file(absolute, "x"));

        assertRefused(zip, "app.zip: refused to extract '" + absolute + "': the name is absolute: it would be written at '"
                + absolute + "', outside deployment-archive");
        assertRefused(tar, "app.tar: refused to extract '" + absolute + "': the name is absolute: it would be written at '"
                + absolute + "', outside deployment-archive");
    }

    @Test
    void anEntryThroughASymlinkToAnOutsideFolder() throws Exception {
        BundleFixture.Item[] items = {file("appspec.yml", "x"), symlink("out", outside.toString()), file("out/pwned", "x")};
        String why = ": refused to extract 'out/pwned': it is stored below the symbolic link 'out' -> '" + outside
                + "', which points outside the revision";

        assertRefused(BundleFixture.tar(tmp, "app.tar", items), "app.tar" + why);
        assertRefused(BundleFixture.zip(tmp, "app.zip", items), "app.zip" + why);
        assertRefused(BundleFixture.tgz(tmp, "rel.tgz", symlink("up", "../../outside"), file("up/pwned", "x")),
                "rel.tgz: refused to extract 'up/pwned': it is stored below the symbolic link 'up' -> '../../outside', "
                        + "which points outside the revision");
    }

    @Test
    void anEntryThroughASymlinkThatStaysInside() throws Exception {
        Path tar = BundleFixture.tar(tmp, "app.tar", file("real/appspec.yml", "x"), symlink("alias", "real"), file("alias/x", "x"));

        assertRefused(tar, "app.tar: refused to extract 'alias/x': it is stored below the symbolic link 'alias' -> 'real', "
                + "and extraction never writes through a link");
    }

    @Test
    void anEntryBelowAFile() throws Exception {
        Path tar = BundleFixture.tar(tmp, "app.tar", file("appspec.yml", "x"), file("appspec.yml/x", "x"));

        assertRefused(tar, "app.tar: refused to extract 'appspec.yml/x': it is stored below 'appspec.yml', which is a file, not a folder");
    }

    @Test
    void hardLinksOutOfTheRevision() throws Exception {
        assertRefused(BundleFixture.tar(tmp, "passwd.tar", file("appspec.yml", "x"), hardlink("pw", "/etc/passwd")),
                "passwd.tar: refused to extract 'pw': it is a hard link to '/etc/passwd', outside the revision");
        assertRefused(BundleFixture.tar(tmp, "up.tar", hardlink("pw", "../outside/keep.txt")),
                "up.tar: refused to extract 'pw': it is a hard link to '../outside/keep.txt', which climbs out of deployment-archive ('..')");
        assertRefused(BundleFixture.tar(tmp, "later.tar", hardlink("early", "later"), file("later", "x")),
                "later.tar: refused to extract 'early': it is a hard link to 'later', which no earlier entry extracts");
    }

    @Test
    void encryptedZipEntries() throws Exception {
        Path zip = BundleFixture.zip(tmp, "app.zip", file("appspec.yml", "x"), file("secret.env", "x"));
        BundleFixture.markEncrypted(zip, "secret.env");

        assertRefused(zip, "app.zip: refused to extract 'secret.env': it is encrypted, and the agent's unzip has no password "
                + "to extract it either");
    }

    @Test
    void aRefusalLeavesAnExistingArchiveAsItWas() throws Exception {
        Files.createDirectories(archive);
        Files.writeString(archive.resolve("previous.txt"), "from the last run");
        Path zip = BundleFixture.zip(tmp, "app.zip", file("../x", "x"));

        assertRefused(zip, "app.zip: refused to extract '../x': the name climbs out of deployment-archive ('..')");
        assertThat(Files.exists(archive.resolve("previous.txt"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
