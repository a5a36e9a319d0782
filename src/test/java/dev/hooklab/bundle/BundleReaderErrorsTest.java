package dev.hooklab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Input that cannot be read gives one clear line naming the file, never a library exception. */
class BundleReaderErrorsTest {
    private static final TestRevision REVISION = TestRevision.exact()
            .file("appspec.yml", "version: 0.0\nos: linux\n")
            .file("scripts/start.sh", "#!/bin/bash\n" + "echo start\n".repeat(200), 0755)
            .file("scripts/stop.sh", "#!/bin/bash\n" + "echo stop\n".repeat(200), 0755);

    @TempDir
    Path tmp;

    private final BundleReader reader = new BundleReader();

    private String failure(Path input) {
        BundleException e = catchThrowableOfType(BundleException.class, () -> reader.open(input));
        assertThat(e).as("opening %s should fail", input).isNotNull();
        String message = e.getMessage();
        assertThat(message).doesNotContain("\n").doesNotContain("\r")
                .doesNotContain("Exception").doesNotContain("java.").doesNotContain("org.apache")
                .startsWith(input.getFileName() + ": ");
        return message;
    }

    @Test
    void notAnArchive() throws IOException {
        Path elf = Files.write(tmp.resolve("app.zip"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        assertThat(failure(elf)).isEqualTo("app.zip: not a zip, tar or tgz archive (starts with 7f 45 4c 46)");

        Path text = Files.writeString(tmp.resolve("app.tar"), "version: 0.0\n".repeat(100));
        assertThat(failure(text)).isEqualTo("app.tar: not a zip, tar or tgz archive (starts with 76 65 72 73)");
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.write(tmp.resolve("app.zip"), new byte[0]);
        assertThat(failure(empty)).isEqualTo("app.zip: empty file (0 bytes)");
    }

    @Test
    void missingPath() {
        assertThat(failure(tmp.resolve("nothere.zip"))).isEqualTo("nothere.zip: no such file or folder");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoIsNotOpened() throws Exception {
        Path fifo = tmp.resolve("app.zip");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(failure(fifo)).isEqualTo("app.zip: not a file or folder (a fifo, socket or device)");
    }

    @Test
    void aDanglingLink() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("app.zip"), tmp.resolve("gone.zip"));
        assertThat(failure(link)).isEqualTo("app.zip: no such file or folder");
    }

    @Test
    void unreadableThroughASymlinkLoop() throws IOException {
        Path loop = tmp.resolve("loop.zip");
        Files.createSymbolicLink(loop, loop.getFileName());
        assertThat(failure(loop)).startsWith("loop.zip: cannot read it (");
    }

    @Test
    void unreadableForLackOfPermission() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root reads everything").isNotEqualTo("root");
        Path zip = REVISION.zip(tmp, "app.zip");
        Files.setPosixFilePermissions(zip, TestRevision.permissions(0));
        assertThat(failure(zip)).isEqualTo("app.zip: cannot read it (permission denied)");
    }

    @Test
    void anUnreadableFolderInsideAFolderRevision() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root reads everything").isNotEqualTo("root");
        Path folder = REVISION.folder(tmp, "app");
        Files.setPosixFilePermissions(folder.resolve("scripts"), TestRevision.permissions(0));
        try {
            assertThat(failure(folder)).isEqualTo("app: cannot read 'scripts' (permission denied)");
        } finally {
            Files.setPosixFilePermissions(folder.resolve("scripts"), TestRevision.permissions(0755));
        }
    }

    @Test
    void truncatedZip() throws IOException {
        Path zip = cut(REVISION.zip(tmp, "full.zip"), "app.zip", 0.6);
        assertThat(failure(zip)).isEqualTo("app.zip: truncated or damaged zip archive (no readable central directory at its end)");
    }

    @Test
    void truncatedTarInsideAnEntryBody() throws IOException {
        Path tar = cut(REVISION.tar(tmp, "full.tar"), "app.tar", 0.3);
        assertThat(failure(tar)).isEqualTo("app.tar: truncated tar archive (unexpected end of data after entry 'scripts/start.sh')");
    }

    @Test
    void truncatedTarInsideAHeader() throws IOException {
        byte[] full = Files.readAllBytes(TestRevision.exact().file("a.txt", "a").file("b.txt", "b")
                .tar(tmp, "full.tar"));
        Path tar = Files.write(tmp.resolve("app.tar"), Arrays.copyOf(full, 1024 + 200)); // a.txt, then part of b.txt's header
        assertThat(failure(tar)).isEqualTo("app.tar: truncated tar archive (unexpected end of data after entry 'a.txt')");
    }

    @Test
    void truncatedTgz() throws IOException {
        Path tgz = cut(REVISION.tgz(tmp, "full.tgz"), "app.tgz", 0.8);
        assertThat(failure(tgz)).matches("app\\.tgz: truncated tgz archive \\(unexpected end of data (after entry '.*'|before the first entry)\\)");
    }

    @Test
    void tgzCutInItsFirstBlock() throws IOException {
        Path tgz = cut(REVISION.tgz(tmp, "full.tgz"), "app.tgz", 0.1);
        assertThat(failure(tgz)).isEqualTo("app.tgz: truncated tgz archive (unexpected end of data before the first entry)");
    }

    @Test
    void gzipThatHoldsNoTar() throws IOException {
        Path gz = Files.write(tmp.resolve("app.tgz"), gzip("#!/bin/bash\necho not a tar\n".repeat(50).getBytes(StandardCharsets.UTF_8)));
        assertThat(failure(gz)).isEqualTo("app.tgz: gzip data does not hold a tar archive (it starts with 23 21 2f 62)");

        Path emptyGz = Files.write(tmp.resolve("empty.tgz"), gzip(new byte[0]));
        assertThat(failure(emptyGz)).isEqualTo("empty.tgz: gzip data is empty, no tar archive inside");
    }

    @Test
    void corruptGzipData() throws IOException {
        byte[] data = Files.readAllBytes(REVISION.tgz(tmp, "full.tgz"));
        for (int i = data.length / 2; i < data.length - 8; i++) {
            data[i] = (byte) 0xff;
        }
        Path tgz = Files.write(tmp.resolve("app.tgz"), data);
        // the inflater may first turn some of the garbage into bytes (the stream differs with the entries' times):
        // then tar meets a damaged header before gzip reports the damage; either way one message names the archive
        assertThat(failure(tgz)).startsWith("app.tgz: damaged tgz archive (")
                .containsAnyOf("corrupt gzip data ", "has a wrong checksum");
    }

    @Test
    void garbageWhereATarHeaderShouldBe() throws IOException {
        byte[] full = Files.readAllBytes(TestRevision.exact().file("a.txt", "a").file("b.txt", "b")
                .tar(tmp, "full.tar"));
        Arrays.fill(full, 1024, 1024 + 512, (byte) 'x');
        Path tar = Files.write(tmp.resolve("app.tar"), full);
        assertThat(failure(tar)).isEqualTo("app.tar: damaged tar archive (the header at byte 1024 of the tar data has a "
                + "wrong checksum: GNU tar reports \"Skipping to next header\" and exits 2, after entry 'a.txt'), so the agent "
                + "fails DownloadBundle (\"Error extracting tar archive: 2\")");
    }

    private Path cut(Path full, String name, double fraction) throws IOException {
        byte[] data = Files.readAllBytes(full);
        return Files.write(tmp.resolve(name), Arrays.copyOf(data, (int) (data.length * fraction)));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
