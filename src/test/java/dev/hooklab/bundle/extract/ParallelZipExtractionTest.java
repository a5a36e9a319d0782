package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.BundleReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A zip of a few thousand entries extracted by several threads gives the same bytes as went in. */
class ParallelZipExtractionTest {
    private static final int ENTRIES = 3000;

    @TempDir
    Path tmp;

    @Test
    void everyFileHasTheBytesOfItsEntry() throws Exception {
        Random random = new Random(42);
        Map<String, String> expected = new HashMap<>();
        Path zip = tmp.resolve("many.zip");
        long total = 0;
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            for (int i = 0; i < ENTRIES; i++) {
                String name = "app/d" + (i % 37) + "/f" + i + ".bin";
                byte[] body = body(random, i);
                ZipArchiveEntry e = new ZipArchiveEntry(name);
                e.setUnixMode(0100644);
                out.putArchiveEntry(e);
                out.write(body);
                out.closeArchiveEntry();
                expected.put("d" + (i % 37) + "/f" + i + ".bin", sha256(body));
                total += body.length;
            }
            ZipArchiveEntry spec = new ZipArchiveEntry("app/appspec.yml");
            out.putArchiveEntry(spec);
            out.write("version: 0.0\n".getBytes());
            out.closeArchiveEntry();
        }
        Path archive = tmp.resolve("deployment-archive");

        Extraction done = new BundleExtractor(new ExtractionLimits(1L << 30, 4)).extract(new BundleReader().open(zip), archive);

        assertThat(done.files()).isEqualTo(ENTRIES + 1);
        assertThat(done.bytes()).isEqualTo(total + 13);
        Map<String, String> actual = new HashMap<>();
        try (Stream<Path> files = Files.walk(archive)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                actual.put(archive.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        actual.remove("appspec.yml");
        assertThat(actual).isEqualTo(expected);
    }

    /** Mostly small bodies, compressible or not, a few empty, and a few that span several read buffers. */
    private static byte[] body(Random random, int i) {
        int size = i % 1000 == 7 ? (1 << 20) + random.nextInt(1 << 21) : i % 50 == 3 ? 0 : random.nextInt(6000);
        byte[] body = new byte[size];
        if (i % 2 == 0) {
            random.nextBytes(body);
        } else {
            for (int k = 0; k < size; k++) {
                body[k] = (byte) ('a' + (k * 7 + i) % 13);
            }
        }
        return body;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
