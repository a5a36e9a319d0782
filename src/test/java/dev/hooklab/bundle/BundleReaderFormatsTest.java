package dev.hooklab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BundleReaderFormatsTest {
    private static final TestRevision REVISION = TestRevision.exact()
            .file("appspec.yml", "version: 0.0\nos: linux\n")
            .dir("scripts")
            .file("scripts/start.sh", "#!/bin/bash\necho start\n", 0755)
            .file("scripts/empty.txt", "")
            .symlink("scripts/current", "start.sh")
            .dir("config")
            .file("config/app.properties", "a=1\n", 0600);

    @TempDir
    Path tmp;

    private final BundleReader reader = new BundleReader();

    @Test
    void everyFormatListsTheSameRevision() throws Exception {
        List<Bundle> bundles = List.of(
                reader.open(REVISION.zip(tmp, "app.zip")),
                reader.open(REVISION.tar(tmp, "app.tar")),
                reader.open(REVISION.tgz(tmp, "app.tgz")),
                reader.open(REVISION.folder(tmp, "app")));

        assertThat(bundles).extracting(Bundle::format)
                .containsExactly(BundleFormat.ZIP, BundleFormat.TAR, BundleFormat.TGZ, BundleFormat.FOLDER);
        for (Bundle bundle : bundles) {
            assertThat(bundle.entries())
                    .as(bundle.format().label())
                    .extracting(BundleEntry::path, BundleEntry::type, BundleEntry::size, BundleEntry::mode,
                            BundleEntry::linkTarget, BundleEntry::implicit)
                    .containsExactlyInAnyOrder(
                            tuple("appspec.yml", EntryType.FILE, 23L, 0644, null, false),
                            tuple("scripts", EntryType.DIRECTORY, 0L, 0755, null, false),
                            tuple("scripts/start.sh", EntryType.FILE, 23L, 0755, null, false),
                            tuple("scripts/empty.txt", EntryType.FILE, 0L, 0644, null, false),
                            tuple("scripts/current", EntryType.SYMLINK, 0L, 0777, "start.sh", false),
                            tuple("config", EntryType.DIRECTORY, 0L, 0755, null, false),
                            tuple("config/app.properties", EntryType.FILE, 4L, 0600, null, false));
            assertThat(bundle.findings()).as(bundle.format().label()).isEmpty();
            assertThat(bundle.entry("scripts/start.sh")).get().matches(BundleEntry::executable);
        }
    }

    @Test
    void archivesKeepStoredOrderAndNames() throws Exception {
        Bundle zip = reader.open(REVISION.zip(tmp, "app.zip"));
        assertThat(zip.entries()).extracting(BundleEntry::name)
                .containsExactly("appspec.yml", "scripts/", "scripts/start.sh", "scripts/empty.txt", "scripts/current",
                        "config/", "config/app.properties");
    }

    @Test
    void formatComesFromTheBytesAndAMisleadingNameIsReported() throws Exception {
        Path tgz = REVISION.tgz(tmp, "real.tgz");
        Path named = Files.move(tgz, tmp.resolve("app.zip"));

        Bundle bundle = reader.open(named);

        assertThat(bundle.format()).isEqualTo(BundleFormat.TGZ);
        assertThat(bundle.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(BundleFinding.Kind.FORMAT_MISMATCH);
            assertThat(f.entry()).isNull();
            assertThat(f.detail()).isEqualTo("named .zip, content is tgz");
        });
    }

    @Test
    void namesThatAgreeOrSayNothingAreNotReported() throws Exception {
        Path tgz = REVISION.tgz(tmp, "app.tar.gz");
        Path noExtension = Files.copy(tgz, tmp.resolve("bundle"));
        Path zipAsTar = Files.move(REVISION.zip(tmp, "x.zip"), tmp.resolve("bundle.tar"));

        assertThat(reader.open(tgz).findings()).isEmpty();
        assertThat(reader.open(noExtension).findings()).isEmpty();
        assertThat(reader.open(zipAsTar).findings()).extracting(BundleFinding::detail)
                .containsExactly("named .tar, content is zip");
    }

    @Test
    void parentsNoEntryDeclaresAreImplicitDirectoriesBeforeTheirFirstChild() throws Exception {
        TestRevision items = TestRevision.exact().file("a/b/c.txt", "c").dir("a/b").file("x/y.txt", "y")
                .file("top.txt", "t");
        for (Path bundle : List.of(items.zip(tmp, "i.zip"), items.tar(tmp, "i.tar"))) {
            assertThat(reader.open(bundle).entries())
                    .extracting(BundleEntry::path, BundleEntry::type, BundleEntry::implicit)
                    .containsExactly(
                            tuple("a", EntryType.DIRECTORY, true),
                            tuple("a/b/c.txt", EntryType.FILE, false),
                            tuple("a/b", EntryType.DIRECTORY, false),
                            tuple("x", EntryType.DIRECTORY, true),
                            tuple("x/y.txt", EntryType.FILE, false),
                            tuple("top.txt", EntryType.FILE, false));
        }
    }

    @Test
    void anEmptyZipAndAnEmptyTarHaveNoEntries() throws Exception {
        Path zip = TestRevision.exact().zip(tmp, "empty.zip");
        Path tar = TestRevision.exact().tar(tmp, "empty.tar");
        assertThat(Files.readAllBytes(zip)).startsWith(0x50, 0x4b, 5, 6);

        assertThat(reader.open(zip).entries()).isEmpty();
        assertThat(reader.open(tar).entries()).isEmpty();
        assertThat(reader.open(tar).format()).isEqualTo(BundleFormat.TAR);
    }

    @Test
    void aZipMadeOnWindowsHasNoModes() throws Exception {
        Bundle bundle = reader.open(TestRevision.exact().file("appspec.yml", "version: 0.0\nos: linux\n").dir("scripts")
                .file("scripts/start.sh", "#!/bin/bash\necho start\n", 0755).windowsZip(tmp, "win.zip"));
        assertThat(bundle.entries()).extracting(BundleEntry::path, BundleEntry::type, BundleEntry::mode)
                .containsExactly(tuple("appspec.yml", EntryType.FILE, null),
                        tuple("scripts", EntryType.DIRECTORY, null),
                        tuple("scripts/start.sh", EntryType.FILE, null));
        assertThat(bundle.entry("scripts/start.sh")).get().matches(e -> !e.executable());
    }

    @Test
    void entryDotSlashIsSkippedAndPathsAreNormalised() throws Exception {
        Path tar = TestRevision.exact().dir("./").file("./a//b/./c.txt", "x").dir("./d/").tar(tmp, "dots.tar");
        assertThat(reader.open(tar).entries()).extracting(BundleEntry::name, BundleEntry::path, BundleEntry::implicit)
                .containsExactly(tuple("a/", "a", true), tuple("a/b/", "a/b", true),
                        tuple("./a//b/./c.txt", "a/b/c.txt", false), tuple("./d/", "d", false));
    }

    @Test
    void aV7TarWithoutUstarMagicIsRecognisedByItsChecksum() throws Exception {
        Path tar = TestRevision.exact().file("appspec.yml", "x").file("run.sh", "y").tar(tmp, "v7.tar");
        byte[] data = Files.readAllBytes(tar);
        for (int header : new int[] {0, 1024}) {
            java.util.Arrays.fill(data, header + 257, header + 265, (byte) 0); // no magic, no version
            java.util.Arrays.fill(data, header + 148, header + 156, (byte) ' ');
            long sum = 0;
            for (int i = header; i < header + 512; i++) {
                sum += data[i] & 0xff;
            }
            byte[] field = String.format("%06o\0 ", sum).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(field, 0, data, header + 148, 8);
        }
        Path v7 = Files.write(tmp.resolve("old.tar"), data);

        Bundle bundle = reader.open(v7);

        assertThat(bundle.format()).isEqualTo(BundleFormat.TAR);
        assertThat(bundle.entries()).extracting(BundleEntry::path).containsExactly("appspec.yml", "run.sh");
    }
}
