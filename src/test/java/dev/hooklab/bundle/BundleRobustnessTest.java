package dev.hooklab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BundleRobustnessTest {
    @TempDir
    Path tmp;

    private final BundleReader reader = new BundleReader();

    @Test
    void tarNamesOfTenThousandCharacters() throws Exception {
        String longName = "d/".repeat(2500) + "x".repeat(4997) + ".sh";
        assertThat(longName).hasSize(10_000);
        for (Path tar : List.of(TestRevision.exact().file(longName, "echo hi\n").file("after.txt", "a")
                .tar(tmp, "gnu.tar"),
                TestRevision.exact().file(longName, "echo hi\n").file("after.txt", "a").paxTar(tmp, "pax.tar"))) {
            Bundle bundle = reader.open(tar);
            assertThat(bundle.entry(longName)).get().extracting(BundleEntry::size).isEqualTo(8L);
            assertThat(bundle.entry("after.txt")).isPresent();
            assertThat(text(bundle.read(longName, 100))).isEqualTo("echo hi\n");
        }
    }

    @Test
    void aZipWhoseHeaderClaimsAHugeSize() throws Exception {
        Path zip = TestRevision.exact().file("appspec.yml", "version: 0.0\n".repeat(50)).file("b.txt", "b")
                .zip(tmp, "app.zip");
        setCentralSize(zip, "appspec.yml", 0xFFFF_FFF0L);

        Bundle bundle = reader.open(zip);

        assertThat(bundle.entry("appspec.yml")).get().extracting(BundleEntry::size).isEqualTo(0xFFFF_FFF0L);
        assertThat(text(bundle.read("appspec.yml", 1 << 20))).isEqualTo("version: 0.0\n".repeat(50));
        assertThat(text(bundle.read("appspec.yml", 12))).isEqualTo("version: 0.0");
    }

    @Test
    void zeroByteFilesInEveryFormat() throws Exception {
        TestRevision items = TestRevision.exact().file("empty", "").file("scripts/empty.sh", "", 0755);
        for (Path p : List.of(items.zip(tmp, "a.zip"), items.tar(tmp, "a.tar"),
                items.tgz(tmp, "a.tgz"), items.folder(tmp, "a"))) {
            Bundle bundle = reader.open(p);
            assertThat(bundle.entry("scripts/empty.sh")).get().extracting(BundleEntry::size, BundleEntry::mode)
                    .containsExactly(0L, 0755);
            assertThat(bundle.read(List.of("empty", "scripts/empty.sh"), 100))
                    .containsOnlyKeys("empty", "scripts/empty.sh")
                    .allSatisfy((k, v) -> assertThat(v).isEmpty());
        }
    }

    @Test
    void namesThatDifferOnlyInCaseAreDistinct() throws Exception {
        TestRevision items = TestRevision.exact().file("appspec.yml", "lower").file("AppSpec.yml", "upper");
        for (Path p : List.of(items.zip(tmp, "a.zip"), items.tar(tmp, "a.tar"))) {
            Bundle bundle = reader.open(p);
            assertThat(bundle.entries()).extracting(BundleEntry::path).containsExactly("appspec.yml", "AppSpec.yml");
            assertThat(bundle.findings()).isEmpty();
            assertThat(text(bundle.read("AppSpec.yml", 100))).isEqualTo("upper");
            assertThat(text(bundle.read("appspec.yml", 100))).isEqualTo("lower");
        }
    }

    @Test
    void backslashesSeparateFoldersOnlyInZipsMadeOnWindows() throws Exception {
        Path fromWindows = TestRevision.exact().file("scripts/start.sh", "x").file("docs/a\\b.txt", "x")
                .windowsZip(tmp, "win.zip");
        TestRevision.renameEntry(fromWindows, "scripts/start.sh", "scripts\\start.sh");
        Path fromUnix = TestRevision.exact().file("scripts/start.sh", "x").zip(tmp, "unix.zip");
        TestRevision.renameEntry(fromUnix, "scripts/start.sh", "scripts\\start.sh");

        Bundle win = reader.open(fromWindows);
        assertThat(win.entries()).extracting(BundleEntry::name, BundleEntry::path, BundleEntry::implicit).containsExactly(
                tuple("scripts/", "scripts", true),
                tuple("scripts\\start.sh", "scripts/start.sh", false),
                tuple("docs/", "docs", true),
                tuple("docs/a\\b.txt", "docs/a\\b.txt", false));
        assertThat(text(win.read("scripts/start.sh", 10))).isEqualTo("x");

        Bundle unix = reader.open(fromUnix);
        assertThat(unix.entries()).extracting(BundleEntry::path).containsExactly("scripts\\start.sh");
        assertThat(unix.archive().topFolder().rootEntries()).containsExactly("scripts\\start.sh");
    }

    static String text(java.util.Optional<byte[]> body) {
        assertThat(body).isPresent();
        return new String(body.get(), StandardCharsets.UTF_8);
    }

    /** Rewrites the uncompressed size of an entry in the central directory. */
    private static void setCentralSize(Path zip, String name, long size) throws Exception {
        byte[] data = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < data.length; i++) {
            if (buf.getInt(i) == 0x02014b50 && (buf.getShort(i + 28) & 0xffff) == wanted.length
                    && new String(data, i + 46, wanted.length, StandardCharsets.UTF_8).equals(name)) {
                buf.putInt(i + 24, (int) size);
            }
        }
        Files.write(zip, data);
    }
}
