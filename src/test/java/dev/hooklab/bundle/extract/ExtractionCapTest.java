package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleEntry;
import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.TestRevision;
import dev.hooklab.bundle.BundleReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Declared and actual sizes against the cap, and failures while writing: nothing half-done stays behind. */
class ExtractionCapTest {
    private static final int CAP = 1 << 20;
    private static final String RAISE = "If you trust this bundle, raise the cap of expanded bytes";

    @TempDir
    Path tmp;

    private final BundleReader reader = new BundleReader();
    private final BundleExtractor capped = new BundleExtractor(new ExtractionLimits(CAP, 4));

    private Path archive() {
        return tmp.resolve("sandbox/deployment-archive");
    }

    @Test
    void aHighlyCompressibleEntryOverTheCapIsRefusedFromItsHeader() throws Exception {
        Path zip = TestRevision.exact().file("appspec.yml", "x").file("zeros.bin", new byte[3 << 20])
                .zip(tmp, "bomb.zip");
        assertThat(Files.size(zip)).isLessThan(64 << 10);

        assertThatThrownBy(() -> capped.extract(reader.open(zip), archive())).isInstanceOf(ExtractionCapException.class)
                .hasMessage("bomb.zip: refused to extract: its files declare 3 MiB, over the cap of 1 MiB of expanded data. " + RAISE);
        assertThat(archive()).doesNotExist();
    }

    @Test
    void anEntryWhoseHeaderUnderDeclaresItsSizeIsStoppedAtTheCap() throws Exception {
        TestRevision items = TestRevision.exact();
        items = items.file("appspec.yml", "x");
        for (int i = 0; i < 20; i++) {
            items = items.file("honest/f" + i, "honest " + i);
        }
        items = items.file("liar.bin", new byte[3 << 20]);
        Path zip = items.zip(tmp, "liar.zip");
        TestRevision.declareSize(zip, "liar.bin", 100);
        Bundle bundle = reader.open(zip);
        assertThat(bundle.entry("liar.bin")).get().extracting(BundleEntry::size).isEqualTo(100L);

        assertThatThrownBy(() -> capped.extract(bundle, archive())).isInstanceOf(ExtractionCapException.class)
                .hasMessageStartingWith("liar.zip: extraction stopped at the cap of 1 MiB of expanded data, at 'liar.bin': "
                        + "the entries expand to more than their headers declare (")
                .hasMessageEndingWith("), as a zip bomb does; nothing was kept. " + RAISE);
        assertThat(archive()).doesNotExist();
    }

    @Test
    void aTarOverTheCapIsRefusedBeforeWriting() throws Exception {
        Path tgz = TestRevision.exact().file("appspec.yml", "x").file("a.bin", new byte[CAP]).tgz(tmp, "big.tgz");

        assertThatThrownBy(() -> capped.extract(reader.open(tgz), archive())).isInstanceOf(ExtractionCapException.class)
                .hasMessage("big.tgz: refused to extract: its files declare 1048577 bytes, over the cap of 1048576 bytes of expanded data. "
                        + RAISE);
        assertThat(archive()).doesNotExist();
    }

    @Test
    void exactlyTheCapIsAllowed() throws Exception {
        Path tgz = TestRevision.exact().file("a.bin", new byte[CAP - 1]).file("b", "x").tgz(tmp, "fits.tgz");

        Extraction done = capped.extract(reader.open(tgz), archive());

        assertThat(done.bytes()).isEqualTo(CAP);
    }

    @Test
    void moreThanTheFreeSpaceIsRefusedBeforeWriting() throws Exception {
        TestRevision items = TestRevision.exact();
        for (int i = 0; i < 30; i++) {
            items = items.file("claims-4g-" + i, "x");
        }
        Path zip = items.zip(tmp, "huge.zip");
        for (int i = 0; i < 30; i++) {
            TestRevision.declareSize(zip, "claims-4g-" + i, -2); // 0xfffffffe bytes each, about 120 GiB in all
        }
        assumeTrue(Files.getFileStore(tmp).getUsableSpace() < 100L << 30, "this disk has room for the claimed sizes");
        BundleExtractor uncapped = new BundleExtractor(new ExtractionLimits(Long.MAX_VALUE, 2));

        assertThatThrownBy(() -> uncapped.extract(reader.open(zip), archive())).isInstanceOf(BundleException.class)
                .isNotInstanceOf(ExtractionCapException.class)
                .hasMessageStartingWith("huge.zip: refused to extract: its files need about 120 GiB on disk, and the file system "
                        + "holding '" + archive() + "' has ")
                .hasMessageEndingWith(" free");
        assertThat(archive()).doesNotExist();
    }

    @Test
    void dataThatFailsItsCrcIsInstalledAsStoredWithANote() throws Exception {
        // unzip says "bad CRC" and exits 2; the agent then extracts again with rubyzip 1.3, which checks no CRC
        Path zip = storedZip(tmp.resolve("damaged.zip"), "appspec.yml", "version: 0.0", "data.txt", "HELLO-WORLD");
        byte[] bytes = Files.readAllBytes(zip);
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        bytes[latin1.indexOf("HELLO-WORLD") + 7] = '0';
        Files.write(zip, bytes);

        Extraction done = capped.extract(reader.open(zip), archive());

        assertThat(archive().resolve("data.txt")).hasContent("HELLO-W0RLD");
        assertThat(done.notes()).anySatisfy(n -> assertThat(n).startsWith("'data.txt': its data does not match the CRC-32")
                .contains("rubyzip"));
    }

    /** A zip of stored (uncompressed) text entries: name, body, name, body... */
    private static Path storedZip(Path file, String... namesAndBodies) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (int i = 0; i < namesAndBodies.length; i += 2) {
                byte[] body = namesAndBodies[i + 1].getBytes(StandardCharsets.UTF_8);
                CRC32 crc = new CRC32();
                crc.update(body);
                ZipArchiveEntry e = new ZipArchiveEntry(namesAndBodies[i]);
                e.setMethod(ZipArchiveEntry.STORED);
                e.setSize(body.length);
                e.setCrc(crc.getValue());
                out.putArchiveEntry(e);
                out.write(body);
                out.closeArchiveEntry();
            }
        }
        return file;
    }
}
