package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.TestRevision;
import dev.hooklab.bundle.BundleReader;
import dev.hooklab.bundle.TarBodies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The agent's own extractors as oracles: what hooklab writes for a varied bundle is what GNU tar and
 * unzip write (paths, bytes, modes, links), and tar-specific paths (sparse files, a bundle that changed).
 */
class ExtractionOracleTest {
    @TempDir
    Path tmp;

    private final BundleReader reader = new BundleReader();
    private final BundleExtractor extractor = new BundleExtractor(ExtractionLimits.defaults());

    /** Folders, modes that no umask changes, links inside, long names (GNU and PAX), empty and multi-buffer files. */
    private static TestRevision varied(boolean hardLinks) {
        int[] modes = {0644, 0755, 0600, 0700, 0444, 0555};
        TestRevision items = TestRevision.exact();
        items = items.file("appspec.yml", "version: 0.0\n");
        items = items.dir("empty");
        for (int i = 0; i < 300; i++) {
            String folder = "d" + (i % 7) + (i % 3 == 0 ? "/sub-" + "x".repeat(90 + i % 30) : "");
            String body = "line " + i + "\n";
            items = items.file(folder + "/f" + i + ".txt", body.repeat(i % 11 == 0 ? 0 : 1 + i),
                    modes[i % modes.length]);
        }
        items = items.file("big.bin", new byte[(3 << 20) + 17]);
        items = items.symlink("current", "d1");
        items = items.symlink("d2/up", "../appspec.yml");
        if (hardLinks) {
            items = items.hardlink("d3/again.txt", "d1/f1.txt");
        }
        return items;
    }

    @Test
    void aTgzGivesWhatGnuTarGives() throws Exception {
        assumeTrue(available("tar", "--version"), "GNU tar is not installed");
        Path tgz = varied(true).tgz(tmp, "app.tgz");
        Path byTar = Files.createDirectories(tmp.resolve("by-tar"));
        run(byTar, "tar", "-xpzf", tgz.toString());

        extractor.extract(reader.open(tgz), tmp.resolve("by-hooklab"));

        assertThat(ExtractedTree.of(tmp.resolve("by-hooklab"))).isEqualTo(ExtractedTree.of(byTar));
    }

    @Test
    void aZipGivesWhatUnzipGives() throws Exception {
        assumeTrue(available("unzip", "-v"), "unzip is not installed");
        Path zip = varied(false).zip(tmp, "app.zip");
        Path byUnzip = Files.createDirectories(tmp.resolve("by-unzip"));
        run(tmp, "unzip", "-qo", zip.toString(), "-d", byUnzip.toString());

        extractor.extract(reader.open(zip), tmp.resolve("by-hooklab"));

        assertThat(ExtractedTree.of(tmp.resolve("by-hooklab"))).isEqualTo(ExtractedTree.of(byUnzip));
    }

    @Test
    void sparseFilesAreExtractedWithTheirHoles() throws Exception {
        assumeTrue(available("tar", "--version"), "GNU tar is not installed");
        Path source = Files.createDirectories(tmp.resolve("source"));
        Files.writeString(source.resolve("appspec.yml"), "version: 0.0\n");
        try (RandomAccessFile sparse = new RandomAccessFile(source.resolve("disk.img").toFile(), "rw")) {
            sparse.write("head".getBytes(StandardCharsets.US_ASCII));
            sparse.seek(2 << 20);
            sparse.write("tail".getBytes(StandardCharsets.US_ASCII));
        }
        Path tar = tmp.resolve("sparse.tar");
        run(source, "tar", "--sparse", "-cf", tar.toString(), "appspec.yml", "disk.img");
        Bundle bundle = reader.open(tar);
        assertThat(((TarBodies) bundle.content()).span("disk.img").sparse()).as("stored sparse").isTrue();

        extractor.extract(bundle, tmp.resolve("archive"));

        assertThat(Files.readAllBytes(tmp.resolve("archive/disk.img"))).isEqualTo(Files.readAllBytes(source.resolve("disk.img")));
    }

    @Test
    void aBundleThatChangedSinceItWasListedIsNotExtracted() throws Exception {
        Path tgz = TestRevision.exact().file("appspec.yml", "x").file("a.txt", "a").tgz(tmp, "app.tgz");
        Bundle listed = reader.open(tgz);
        TestRevision.exact().file("appspec.yml", "x").file("a.txt", "a longer body that moves everything")
                .tgz(tmp, "app.tgz");

        assertThatThrownBy(() -> extractor.extract(listed, tmp.resolve("archive"))).isInstanceOf(BundleException.class)
                .hasMessage("app.tgz: cannot extract: the bundle changed since it was read");
        assertThat(tmp.resolve("archive")).doesNotExist();
    }

    private static boolean available(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
