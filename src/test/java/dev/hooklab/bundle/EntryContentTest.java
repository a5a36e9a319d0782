package dev.hooklab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EntryContentTest {
    private static final TestRevision REVISION = TestRevision.exact()
            .file("appspec.yml", "version: 0.0\nos: linux\n")
            .file("scripts/start.sh", "#!/bin/bash\necho start\n", 0755)
            .dir("scripts/lib")
            .symlink("scripts/current", "start.sh")
            .file("big.bin", bytes(200_000, 'b'));

    @TempDir
    Path tmp;

    private final BundleReader reader = new BundleReader();

    @Test
    void everyFormatReadsBodiesByPathCappedAtMaxBytes() throws Exception {
        for (Path p : List.of(REVISION.zip(tmp, "a.zip"), REVISION.tar(tmp, "a.tar"),
                REVISION.tgz(tmp, "a.tgz"), REVISION.folder(tmp, "a"))) {
            Bundle bundle = reader.open(p);

            Map<String, byte[]> bodies = bundle.read(
                    List.of("scripts/start.sh", "appspec.yml", "scripts/lib", "scripts/current", "missing", "big.bin"), 1 << 20);

            assertThat(bodies).as(p.getFileName().toString()).containsOnlyKeys("scripts/start.sh", "appspec.yml", "big.bin");
            assertThat(text(bodies.get("appspec.yml"))).isEqualTo("version: 0.0\nos: linux\n");
            assertThat(text(bodies.get("scripts/start.sh"))).isEqualTo("#!/bin/bash\necho start\n");
            assertThat(bodies.get("big.bin")).isEqualTo(bytes(200_000, 'b'));
            assertThat(bundle.read("big.bin", 10)).get().isEqualTo(bytes(10, 'b'));
            assertThat(bundle.read("appspec.yml", 7).map(EntryContentTest::text)).contains("version");
        }
    }

    @Test
    void theLaterOfTwoEntriesWithOnePathIsRead() throws Exception {
        TestRevision items = TestRevision.exact().file("appspec.yml", "first").file("./appspec.yml", "second");
        for (Path p : List.of(items.zip(tmp, "d.zip"), items.tar(tmp, "d.tar"))) {
            assertThat(reader.open(p).read("appspec.yml", 100).map(EntryContentTest::text)).contains("second");
        }
    }

    @Test
    void aTarHardLinkReadsAsTheFileItLinksTo() throws Exception {
        Path tar = TestRevision.exact().file("bin/tool", "tool body").hardlink("bin/alias", "bin/tool")
                .tar(tmp, "h.tar");
        assertThat(reader.open(tar).read("bin/alias", 100).map(EntryContentTest::text)).contains("tool body");
    }

    @Test
    void tarBodiesBeyondTheBudgetNeedOneMorePass() throws Exception {
        TestRevision items = TestRevision.exact();
        items = items.file("appspec.yml", "version: 0.0\n");
        for (int i = 0; i < 270; i++) { // 270 x 64 KiB: the 16 MiB budget is spent after 256
            items = items.file(String.format("assets/%03d.bin", i), bytes(64 << 10, (char) ('a' + i % 26)));
        }
        items = items.file("scripts/late.sh", "#!/bin/bash\necho late\n");
        items = items.file("config/late-appspec-notes.txt", "kept: the name holds appspec");
        items = items.file("assets/huge.bin", bytes(3 << 20, 'h'));
        items = items.file("assets/last.bin", "last");
        Path tgz = items.tgz(tmp, "big.tgz");

        Bundle bundle = reader.open(tgz);
        TarBodies bodies = (TarBodies) bundle.content();

        assertThat(bundle.read(List.of("appspec.yml", "assets/000.bin", "config/late-appspec-notes.txt"), 1 << 20))
                .hasSize(3);
        assertThat(bodies.rescans()).as("kept while listing").isZero();

        Map<String, byte[]> late = bundle.read(List.of("scripts/late.sh", "assets/269.bin", "assets/huge.bin", "appspec.yml"), 1 << 20);
        assertThat(bodies.rescans()).as("one pass for everything not kept").isEqualTo(1);
        assertThat(text(late.get("scripts/late.sh"))).isEqualTo("#!/bin/bash\necho late\n");
        assertThat(late.get("assets/269.bin")).isEqualTo(bytes(64 << 10, (char) ('a' + 269 % 26)));
        assertThat(late.get("assets/huge.bin")).hasSize(1 << 20);
        assertThat(late.keySet()).containsExactly("scripts/late.sh", "assets/269.bin", "assets/huge.bin", "appspec.yml");

        assertThat(bundle.read("assets/last.bin", 100).map(EntryContentTest::text)).contains("last");
        assertThat(bodies.rescans()).isEqualTo(2);
        assertThat(bundle.read("assets/254.bin", 100)).isPresent();
        assertThat(bodies.rescans()).as("255 files fit beside appspec.yml").isEqualTo(2);
    }

    @Test
    void anAppspecLargerThanWhatWasKeptIsReadAgainWhenMoreIsAsked() throws Exception {
        Path tar = TestRevision.exact().file("appspec.yml", bytes((1 << 20) + 100, 'y')).tar(tmp, "a.tar");
        Bundle bundle = reader.open(tar);
        TarBodies bodies = (TarBodies) bundle.content();

        assertThat(bundle.read("appspec.yml", 1000)).get().isEqualTo(bytes(1000, 'y'));
        assertThat(bodies.rescans()).isZero();
        assertThat(bundle.read("appspec.yml", 2 << 20)).get().isEqualTo(bytes((1 << 20) + 100, 'y'));
        assertThat(bodies.rescans()).isEqualTo(1);
    }

    @Test
    void aFolderIsNeverReadThroughALinkThatLeavesIt() throws Exception {
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Path folder = TestRevision.exact().file("appspec.yml", "version: 0.0\n").file("scripts/start.sh", "x")
                .symlink("passwd", outside.toString()).symlink("up", "..").folder(tmp, "app");
        Bundle bundle = reader.open(folder);

        assertThat(bundle.read(List.of("passwd", "up/secret.txt"), 100)).isEmpty();

        Files.delete(folder.resolve("scripts/start.sh"));
        Files.createSymbolicLink(folder.resolve("scripts/start.sh"), outside);
        assertThat(bundle.read("scripts/start.sh", 100)).as("swapped for a link after listing").isEmpty();
        assertThat(bundle.read("appspec.yml", 100)).isPresent();
    }

    static byte[] bytes(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
