package dev.hooklab.bundle;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A zip of 100,000 entries lists from its central directory alone. */
class LargeZipTest {
    private static final int FOLDERS = 100;
    private static final int FILES_PER_FOLDER = 1000;

    @TempDir
    Path tmp;

    @Test
    void listsEveryEntryWithoutTouchingLocalHeadersOrBodies() throws Exception {
        Path zip = tmp.resolve("big.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            byte[] body = "body".getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(body);
            for (int d = 0; d < FOLDERS; d++) {
                for (int f = 0; f < FILES_PER_FOLDER; f++) {
                    ZipArchiveEntry e = new ZipArchiveEntry("app/d" + (100 + d) + "/f" + (1000 + f) + ".txt");
                    e.setUnixMode(0100644);
                    e.setMethod(ZipArchiveEntry.STORED);
                    e.setSize(body.length);
                    e.setCrc(crc.getValue());
                    out.putArchiveEntry(e);
                    out.write(body);
                    out.closeArchiveEntry();
                }
            }
        }
        int damaged = damageLocalHeadersAfterTheFirst(zip);
        assertThat(damaged).isEqualTo(FOLDERS * FILES_PER_FOLDER - 1);

        Bundle bundle = new BundleReader().open(zip);

        assertThat(bundle.entries()).hasSize(FOLDERS * FILES_PER_FOLDER + FOLDERS + 1); // + implicit folders
        assertThat(bundle.entries().stream().filter(BundleEntry::implicit)).hasSize(FOLDERS + 1);
        assertThat(bundle.entry("app/d199/f1999.txt")).get().extracting(BundleEntry::size, BundleEntry::mode)
                .containsExactly(4L, 0644);
        assertThat(bundle.findings()).isEmpty();
        assertThat(bundle.read("app/d100/f1000.txt", 10)).get().isEqualTo("body".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> bundle.read("app/d100/f1001.txt", 10)).isInstanceOf(IOException.class)
                .hasMessageContaining("no local file header");
    }

    /** Overwrites the signature of every local file header but the first one, which the format check reads. */
    private static int damageLocalHeadersAfterTheFirst(Path zip) throws IOException {
        byte[] data = Files.readAllBytes(zip);
        int damaged = 0;
        for (int i = 4; i + 4 <= data.length; i++) {
            if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 3 && data[i + 3] == 4) {
                data[i] = 'X';
                damaged++;
            }
        }
        Files.write(zip, data);
        return damaged;
    }
}
