package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.TestRevision;
import dev.hooklab.bundle.BundleFormat;
import dev.hooklab.bundle.BundleReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Extraction of well-formed bundles: what lands in deployment-archive, with which modes. */
class BundleExtractorTest {
    private static final TestRevision REVISION = TestRevision.exact()
            .file("appspec.yml", "version: 0.0\n", 0644)
            .dir("scripts", 0750)
            .file("scripts/start.sh", "#!/bin/sh\necho start\n", 0755)
            .file("scripts/private.env", "KEY=1\n", 0600)
            .dir("logs")
            .symlink("current", "scripts")
            .symlink("scripts/run", "start.sh")
            .file("assets/deep/data.txt", "data", 0444);

    private static final Map<String, String> EXPECTED = Map.of(
            "appspec.yml", "file 0644 version: 0.0\n",
            "scripts", "dir 0750",
            "scripts/start.sh", "file 0755 #!/bin/sh\necho start\n",
            "scripts/private.env", "file 0600 KEY=1\n",
            "scripts/run", "link -> start.sh",
            "logs", "dir 0755",
            "current", "link -> scripts",
            "assets", "dir 0755",
            "assets/deep", "dir 0755",
            "assets/deep/data.txt", "file 0444 data");

    @TempDir
    Path tmp;

    private final BundleReader reader = new BundleReader();
    private final BundleExtractor extractor = new BundleExtractor(ExtractionLimits.defaults());

    private Path archive() {
        return tmp.resolve("sandbox/d-1/deployment-archive");
    }

    private Path bundle(BundleFormat format, TestRevision items) throws IOException {
        return switch (format) {
            case ZIP -> items.zip(tmp, "app.zip");
            case TAR -> items.tar(tmp, "app.tar");
            case TGZ -> items.tgz(tmp, "app.tgz");
            case FOLDER -> items.folder(tmp, "app");
        };
    }

    @ParameterizedTest
    @EnumSource(BundleFormat.class)
    void roundTripKeepsPathsContentsModesLinksAndEmptyFolders(BundleFormat format) throws Exception {
        Extraction done = extractor.extract(reader.open(bundle(format, REVISION)), archive());

        assertThat(ExtractedTree.of(archive())).containsExactlyInAnyOrderEntriesOf(EXPECTED);
        assertThat(done.files()).isEqualTo(4);
        assertThat(done.directories()).isEqualTo(4);
        assertThat(done.symlinks()).isEqualTo(2);
        assertThat(done.bytes()).isEqualTo(13 + 21 + 6 + 4);
        assertThat(done.notes()).isEmpty();
    }

    @Test
    void zipWithoutUnixModesGetsWhatUnzipGives() throws Exception {
        Path zip = TestRevision.exact().file("appspec.yml", "x").dir("scripts").file("scripts/a.sh", "a")
                .windowsZip(tmp, "win.zip");

        extractor.extract(reader.open(zip), archive());

        assertThat(ExtractedTree.of(archive())).containsExactly(
                entry("appspec.yml", "file 0644 x"), entry("scripts", "dir 0755"), entry("scripts/a.sh", "file 0644 a"));
    }

    @ParameterizedTest
    @EnumSource(value = BundleFormat.class, names = {"ZIP", "TAR", "TGZ"})
    void theSingleTopFolderIsStrippedAsTheAgentDoes(BundleFormat format) throws Exception {
        Path bundle = bundle(format, TestRevision.exact().dir("app-1.0", 0750).file("app-1.0/appspec.yml", "x")
                .file("app-1.0/scripts/start.sh", "s", 0755).symlink("app-1.0/now", "scripts"));

        Extraction done = extractor.extract(reader.open(bundle), archive());

        assertThat(ExtractedTree.of(archive())).containsExactly(entry("appspec.yml", "file 0644 x"), entry("now", "link -> scripts"),
                entry("scripts", "dir 0755"), entry("scripts/start.sh", "file 0755 s"));
        assertThat(ExtractedTree.mode(archive())).as("the top folder becomes deployment-archive").isEqualTo(0750);
        assertThat(done.notes()).containsExactly("top folder 'app-1.0/' stripped, as the agent does");
    }

    @Test
    void aFolderRevisionIsCopiedWithoutStripping() throws Exception {
        Path folder = TestRevision.exact().file("app/appspec.yml", "x").folder(tmp, "rev");

        extractor.extract(reader.open(folder), archive());

        assertThat(ExtractedTree.of(archive())).containsOnlyKeys("app", "app/appspec.yml");
    }

    @Test
    void anExistingArchiveIsEmptiedFirstWithoutFollowingItsLinks() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createDirectories(archive().resolve("old/deeper"));
        Files.writeString(archive().resolve("old/deeper/stale.txt"), "stale");
        Files.createSymbolicLink(archive().resolve("old/out"), outside);
        Files.setPosixFilePermissions(archive().resolve("old"), TestRevision.permissions(0555));

        extractor.extract(reader.open(bundle(BundleFormat.TAR, TestRevision.exact().file("appspec.yml", "new"))),
                archive());

        assertThat(ExtractedTree.of(archive())).containsExactly(entry("appspec.yml", "file 0644 new"));
        assertThat(ExtractedTree.of(outside)).containsExactly(entry("keep.txt", "file 0644 keep"));
    }

    @Test
    void theLaterOfTwoEntriesWins() throws Exception {
        Path tar = bundle(BundleFormat.TAR, TestRevision.exact().file("appspec.yml", "old").file("a.sh", "a")
                .file("./appspec.yml", "new", 0600).file("b", "file first").dir("b"));

        extractor.extract(reader.open(tar), archive());

        assertThat(ExtractedTree.of(archive())).containsExactly(entry("a.sh", "file 0644 a"),
                entry("appspec.yml", "file 0600 new"), entry("b", "dir 0755"));
    }

    @Test
    void hardLinksInsideTheRevisionShareTheFile() throws Exception {
        Path tar = bundle(BundleFormat.TGZ, TestRevision.exact().file("bin/tool", "tool", 0755)
                .hardlink("bin/alias", "bin/tool").hardlink("bin/again", "bin/alias"));

        Extraction done = extractor.extract(reader.open(tar), archive());

        assertThat(ExtractedTree.of(archive())).containsExactly(entry("bin", "dir 0755"), entry("bin/again", "file 0755 tool"),
                entry("bin/alias", "file 0755 tool"), entry("bin/tool", "file 0755 tool"));
        assertThat(Files.isSameFile(archive().resolve("bin/alias"), archive().resolve("bin/tool"))).isTrue();
        assertThat(done.files()).isEqualTo(3);
    }

    @Test
    void aReadOnlyFolderDoesNotBlockItsOwnContents() throws Exception {
        Path tar = bundle(BundleFormat.TAR, TestRevision.exact().dir("ro", 0555).file("ro/inside.txt", "in", 0444)
                .dir("ro/sub", 0500).file("ro/sub/deeper.txt", "deep"));

        extractor.extract(reader.open(tar), archive());
        extractor.extract(reader.open(tar), archive()); // and extracting again empties it first

        assertThat(ExtractedTree.of(archive())).containsExactly(entry("ro", "dir 0555"), entry("ro/inside.txt", "file 0444 in"),
                entry("ro/sub", "dir 0500"), entry("ro/sub/deeper.txt", "file 0644 deep"));
    }

    @ParameterizedTest
    @EnumSource(value = BundleFormat.class, names = {"TAR", "FOLDER"})
    void setuidAndSetgidBitsAreCleared(BundleFormat format) throws Exception {
        Path bundle = bundle(format, TestRevision.exact().file("bin/tool", "t", 04755).dir("shared", 02775)
                .file("plain", "p"));
        if (format == BundleFormat.FOLDER) { // POSIX permission sets cannot hold set-id bits
            Files.setAttribute(bundle.resolve("bin/tool"), "unix:mode", 04755);
            Files.setAttribute(bundle.resolve("shared"), "unix:mode", 02775);
        }

        Extraction done = extractor.extract(reader.open(bundle), archive());

        assertThat(ExtractedTree.mode(archive().resolve("bin/tool"))).isEqualTo(0755);
        assertThat(ExtractedTree.mode(archive().resolve("shared"))).isEqualTo(0775);
        assertThat(done.notes()).singleElement().asString().startsWith("setuid/setgid bits cleared on 2 entries (")
                .contains("'bin/tool' (04755 -> 0755)", "'shared/' (02775 -> 0775)");
        if (format == BundleFormat.TAR) {
            assertThat(done.notes().get(0)).endsWith("the agent's tar -p, running as root, would keep them");
        }
    }

    @Test
    void symlinksThatPointOutsideAreNotCreatedAndSaySo() throws Exception {
        Path zip = bundle(BundleFormat.ZIP, TestRevision.exact().file("appspec.yml", "x").symlink("logs", "/var/log")
                .symlink("up", "../..").dir("d").symlink("d/l", "..").symlink("sneaky", "d/l/..")
                .symlink("fine", "d/l/appspec.yml").symlink("nul", "a\0b"));

        Extraction done = extractor.extract(reader.open(zip), archive());

        assertThat(ExtractedTree.of(archive())).containsExactly(entry("appspec.yml", "file 0644 x"), entry("d", "dir 0755"),
                entry("d/l", "link -> .."), entry("fine", "link -> d/l/appspec.yml"));
        assertThat(done.notes()).containsExactly(
                "symlink 'logs' -> '/var/log' not created: it points outside the revision",
                "symlink 'up' -> '../..' not created: it points outside the revision",
                "symlink 'sneaky' -> 'd/l/..' not created: it points outside the revision",
                "symlink 'nul' -> 'a?b' not created: its target holds a NUL character");
    }

    @Test
    void fifosAreNotCreated() throws Exception {
        Path tar = bundle(BundleFormat.TAR, TestRevision.exact().fifo("run/pipe").file("appspec.yml", "x"));

        Extraction done = extractor.extract(reader.open(tar), archive());

        assertThat(ExtractedTree.of(archive())).containsOnlyKeys("appspec.yml", "run");
        assertThat(done.notes()).containsExactly(
                "fifo or device 'run/pipe' not created: hooklab makes no fifos or devices, the agent, running as root, would");
    }

    @Test
    void modificationTimesAreKept() throws Exception {
        Path tar = bundle(BundleFormat.TAR, TestRevision.exact().file("appspec.yml", "x"));
        Path zip = bundle(BundleFormat.ZIP, TestRevision.exact().file("appspec.yml", "x"));

        extractor.extract(reader.open(tar), archive());
        FileTime fromTar = Files.getLastModifiedTime(archive().resolve("appspec.yml"), LinkOption.NOFOLLOW_LINKS);
        extractor.extract(reader.open(zip), archive());
        FileTime fromZip = Files.getLastModifiedTime(archive().resolve("appspec.yml"), LinkOption.NOFOLLOW_LINKS);

        long writtenAt = Files.getLastModifiedTime(tar).toMillis();
        assertThat(fromTar.toMillis()).isCloseTo(writtenAt, org.assertj.core.data.Offset.offset(2_000L));
        assertThat(fromZip.toMillis()).isCloseTo(writtenAt, org.assertj.core.data.Offset.offset(4_000L));
    }
}
