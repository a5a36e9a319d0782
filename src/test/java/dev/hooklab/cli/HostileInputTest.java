package dev.hooklab.cli;

import dev.hooklab.bundle.TestRevision;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

import static dev.hooklab.cli.BadInputTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hostile archives and AppSpecs through the real command line: never a crash, a hang or a stack trace, and
 * one verdict for one input whether it is linted or run. Each bundle is built here, byte by byte where a
 * writer would refuse to make it.
 */
@Tag("process")
class HostileInputTest {
    private static final String APPSPEC = "version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: run.sh\n";
    private static final Duration NO_HANG = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    private HooklabCli.Result run(Path bundle, String... more) {
        List<String> args = new ArrayList<>(List.of("run", bundle.toString(), "--isolation", "none", "--format", "json",
                "--sandbox", tmp.resolve("sandbox-" + bundle.getFileName()).toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    private static HooklabCli.Result cli(String... args) {
        return assertTimeoutPreemptively(NO_HANG, () -> HooklabCli.run(args));
    }

    private static void assertNoCrash(HooklabCli.Result r) {
        assertThat(r.err()).doesNotContain("internal error", "Exception", "Error:", "\tat ");
    }

    /** A zip of stored entries made on Unix: appspec.yml, an executable run.sh, then name/body pairs. */
    private Path storedZip(String fileName, String... namesAndBodies) throws IOException {
        Path zip = tmp.resolve(fileName);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.setMethod(ZipArchiveOutputStream.STORED);
            put(out, "appspec.yml", APPSPEC, 0644);
            put(out, "run.sh", TestRevision.BASH, 0755);
            for (int i = 0; i < namesAndBodies.length; i += 2) {
                put(out, namesAndBodies[i], namesAndBodies[i + 1], 0644);
            }
        }
        return zip;
    }

    private static void put(ZipArchiveOutputStream out, String name, String body, int mode) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setUnixMode(0100000 | mode);
        out.putArchiveEntry(e);
        out.write(body.getBytes(StandardCharsets.UTF_8));
        out.closeArchiveEntry();
    }

    /** Sets a 2- or 4-byte field, at the same offset from the signature, in the local and central headers of one entry. */
    private static void patch(Path zip, String entry, int localField, int centralField, int size, long value) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            int sig = b.getInt(i);
            int field = sig == 0x04034b50 ? localField : sig == 0x02014b50 ? centralField : -1;
            int nameAt = sig == 0x04034b50 ? i + 30 : i + 46;
            int nameLength = sig == 0x04034b50 ? b.getShort(i + 26) & 0xffff : b.getShort(i + 28) & 0xffff;
            if (field < 0 || nameLength != name.length
                    || !Arrays.equals(Arrays.copyOfRange(bytes, nameAt, nameAt + nameLength), name)) {
                continue;
            }
            if (size == 2) {
                b.putShort(i + field, (short) value);
            } else {
                b.putInt(i + field, (int) value);
            }
        }
        Files.write(zip, bytes);
    }

    private static void setMethod(Path zip, String entry, int method) throws IOException {
        patch(zip, entry, 8, 10, 2, method);
    }

    @ParameterizedTest(name = "method {0}")
    @ValueSource(ints = {93, 95, 14, 98})
    void anEntryPackedWithAMethodTheAgentLacksIsOneErrorInLintAndAFailedDownloadInRun(int method) throws IOException {
        Path zip = storedZip("exotic.zip", "data.txt", "hello world\n".repeat(10));
        setMethod(zip, "data.txt", method);

        HooklabCli.Result lint = cli("lint", zip.toString(), "--format", "json");
        assertNoCrash(lint);
        assertThat(lint.exit()).isEqualTo(1);
        JsonNode d = lint.diagnostic("bundle-unsupported-compression");
        assertThat(d.path("severity").asText()).isEqualTo("error");
        assertThat(d.path("agentMessage").asText()).isEqualTo("Unsupported compression method " + method);
        assertThat(d.path("message").asText()).contains("(method " + method + ")");

        HooklabCli.Result run = run(zip);
        assertNoCrash(run);
        assertThat(run.exit()).isEqualTo(1);
        JsonNode download = step(run, "DownloadBundle");
        assertThat(download.path("status").asText()).isEqualTo("failed");
        assertThat(download.toString()).contains("(method " + method + ")");
    }

    @Test
    void aTreeThousandsOfFoldersDeepNeitherOverflowsTheStackNorCrashes() throws IOException {
        String deep = String.join("/", Collections.nCopies(2500, "d")) + "/f.txt";
        Path zip = tmp.resolve("deep.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            put(out, "appspec.yml", APPSPEC + "files:\n  - source: /\n    destination: " + tmp.resolve("dest") + "\n", 0644);
            put(out, "run.sh", TestRevision.BASH, 0755);
            put(out, deep, "x", 0644);
        }
        for (String command : new String[]{"lint", "inspect"}) {
            HooklabCli.Result r = cli(command, zip.toString(), "--format", "json");
            assertNoCrash(r);
            assertThat(r.exit()).as(command).isIn(0, 1);
            assertThat(r.json().path("events").size()).isPositive();
        }
        HooklabCli.Result r = run(zip);
        assertNoCrash(r);
        assertThat(r.exit()).isIn(0, 1);
    }

    @Test
    void aZip64OffsetBeyondAnyFileIsACorruptZipNotAnInternalError() throws IOException {
        Path zip = storedZip("z64.zip");
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int central = indexOf(bytes, new byte[]{'P', 'K', 1, 2});
        int nameLength = b.getShort(central + 28) & 0xffff;
        int extraLength = b.getShort(central + 30) & 0xffff;
        b.putInt(central + 42, 0xffffffff); // the offset is in the ZIP64 extra field
        ByteBuffer extra = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) 8)
                .putLong(Long.MIN_VALUE + 5); // 2^63 + 5 read as unsigned
        b.putShort(central + 30, (short) (extraLength + 12));
        int insertAt = central + 46 + nameLength;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, insertAt);
        out.write(extra.array());
        out.write(bytes, insertAt, bytes.length - insertAt);
        byte[] patched = out.toByteArray();
        ByteBuffer p = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        int end = indexOf(patched, new byte[]{'P', 'K', 5, 6});
        p.putInt(end + 12, p.getInt(end + 12) + 12);
        Files.write(zip, patched);

        assertRefused(cli("lint", zip.toString()), "z64.zip", "damaged zip archive", "corrupt");
        assertRefused(cli("inspect", zip.toString()), "z64.zip", "damaged zip archive", "corrupt");
        HooklabCli.Result r = cli("run", zip.toString(), "--isolation", "none", "--sandbox", tmp.resolve("sb").toString());
        assertRefused(r, "z64.zip", "damaged zip archive", "corrupt");
    }

    @Test
    void dataThatFailsItsCrcGetsTheSameVerdictFromLintAndRun() throws IOException {
        // unzip: "bad CRC", exit 2; the agent retries with rubyzip 1.3, which checks no CRC: the deployment goes on
        Path zip = storedZip("crc.zip", "data.txt", "hello world\n");
        byte[] bytes = Files.readAllBytes(zip);
        bytes[indexOf(bytes, "hello world".getBytes(StandardCharsets.US_ASCII))] = 'j';
        Files.write(zip, bytes);

        assertThat(cli("lint", zip.toString()).exit()).isZero();
        HooklabCli.Result r = run(zip);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(step(r, "DownloadBundle").toString()).contains("'data.txt': its data does not match the CRC-32");
    }

    @Test
    void aStoredAppSpecDeclaredShorterThanItsDataIsReadAlikeByLintAndRun() throws IOException {
        // unzip copies the compressed size, warns "ucsize <> csize" and exits 1; rubyzip then writes the declared size
        Path zip = storedZip("short.zip");
        int cut = APPSPEC.indexOf("linux") + 3; // "os: lin": an operating system the agent does not know
        patch(zip, "appspec.yml", 22, 24, 4, cut);
        CRC32 crc = new CRC32();
        crc.update(APPSPEC.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        patch(zip, "appspec.yml", 14, 16, 4, crc.getValue());

        HooklabCli.Result lint = cli("lint", zip.toString(), "--format", "json");
        assertThat(lint.exit()).as(lint.out()).isEqualTo(1);
        HooklabCli.Result run = run(zip);
        assertNoCrash(run);
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("\"result\":\"succeeded\"");
    }

    @Test
    void anAppSpecThatIsAFolderIsNamedAsOne() throws IOException {
        Path zip = tmp.resolve("folder.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry dir = new ZipArchiveEntry("appspec.yml/");
            dir.setUnixMode(040755);
            out.putArchiveEntry(dir);
            out.closeArchiveEntry();
            put(out, "run.sh", TestRevision.BASH, 0755);
        }
        HooklabCli.Result lint = cli("lint", zip.toString(), "--format", "json");
        assertThat(lint.exit()).isEqualTo(1);
        JsonNode d = lint.diagnostic("appspec-not-found");
        assertThat(d.path("message").asText()).startsWith("appspec.yml in the revision is a folder, not a file.");
        assertThat(d.path("agentMessage").asText()).startsWith("Is a directory @ io_fread - ").endsWith("/appspec.yml");

        HooklabCli.Result run = run(zip);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(step(run, "BeforeInstall").toString()).contains("Is a directory @ io_fread - ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "inspect", "run"})
    void anAppSpecOptionNamingAFifoOrADeviceIsRefusedBeforeItIsOpened(String command) throws Exception {
        Path bundle = TestRevision.withAppSpec(APPSPEC).script("run.sh").zip(tmp, "good.zip");
        Path fifo = tmp.resolve("appspec.yml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo works here");
        String sandbox = tmp.resolve("sb").toString();
        for (String appspec : new String[]{fifo.toString(), "/dev/zero"}) {
            HooklabCli.Result r = command.equals("run")
                    ? cli("run", bundle.toString(), "--appspec", appspec, "--isolation", "none", "--sandbox", sandbox)
                    : cli(command, bundle.toString(), "--appspec", appspec);
            assertRefused(r, appspec + ": not a regular file");
        }
        if (!command.equals("run")) {
            assertRefused(cli(command, fifo.toString()), fifo + ": not a regular file");
        }
    }

    @Test
    void aTarWithABadHeaderChecksumIsRefusedAlikeByLintAndRunAsGnuTarRefusesIt() throws IOException, InterruptedException {
        byte[] tar = Files.readAllBytes(TestRevision.withAppSpec(APPSPEC).script("run.sh").tar(tmp, "good.tar"));
        tar[148 + 512 * 2] ^= 1; // a digit of a later header's checksum
        Path bad = Files.write(tmp.resolve("badsum.tar"), tar);

        assertThat(gnuTarExit(bad, false)).as("GNU tar's verdict").isEqualTo(2);
        assertBothRefuse(bad, "wrong checksum");
    }

    @Test
    void aGzipHeaderWithReservedFlagsIsRefusedAlikeByLintAndRunAsGnuTarRefusesIt() throws IOException, InterruptedException {
        byte[] tgz = gzip(Files.readAllBytes(TestRevision.withAppSpec(APPSPEC).script("run.sh").tar(tmp, "plain.tar")));
        tgz[3] |= (byte) 0x80;
        Path bad = Files.write(tmp.resolve("flags.tgz"), tgz);

        assertThat(gnuTarExit(bad, true)).as("GNU tar's verdict").isEqualTo(2);
        assertBothRefuse(bad, "reserved flag bits");
    }

    @Test
    void garbageAfterTheGzipDataIsRefusedButZerosAreNotAsGnuTarDoes() throws IOException, InterruptedException {
        byte[] tgz = gzip(Files.readAllBytes(TestRevision.withAppSpec(APPSPEC).script("run.sh").tar(tmp, "plain.tar")));
        Path garbage = Files.write(tmp.resolve("garbage.tgz"), concat(tgz, "not gzip at all".getBytes(StandardCharsets.US_ASCII)));
        Path zeros = Files.write(tmp.resolve("zeros.tgz"), concat(tgz, new byte[100]));
        Path twoMembers = Files.write(tmp.resolve("two.tgz"), concat(gzip(Arrays.copyOf(Files.readAllBytes(tmp.resolve("plain.tar")), 1024)),
                gzip(Arrays.copyOfRange(Files.readAllBytes(tmp.resolve("plain.tar")), 1024, Files.readAllBytes(tmp.resolve("plain.tar")).length))));

        assertThat(gnuTarExit(garbage, true)).as("GNU tar's verdict").isEqualTo(2);
        assertBothRefuse(garbage, "trailing garbage");
        for (Path fine : new Path[]{zeros, twoMembers}) {
            assertThat(gnuTarExit(fine, true)).as("GNU tar's verdict on " + fine.getFileName()).isZero();
            assertThat(cli("lint", fine.toString()).exit()).as(fine.getFileName().toString()).isZero();
        }
    }

    @Test
    void garbageAfterATarsEndBlocksIsIgnoredAsGnuTarIgnoresIt() throws IOException, InterruptedException {
        byte[] tar = Files.readAllBytes(TestRevision.withAppSpec(APPSPEC).script("run.sh").tar(tmp, "plain.tar"));
        Path trailing = Files.write(tmp.resolve("trailing.tar"), concat(tar, "junk after the end\n".repeat(100).getBytes(StandardCharsets.US_ASCII)));

        assertThat(gnuTarExit(trailing, false)).as("GNU tar's verdict").isZero();
        assertThat(cli("lint", trailing.toString()).exit()).isZero();
        assertThat(run(trailing).exit()).isZero();
    }

    private void assertBothRefuse(Path bundle, String why) {
        String name = bundle.getFileName().toString();
        HooklabCli.Result lint = cli("lint", bundle.toString());
        assertRefused(lint, name, why, "so the agent fails DownloadBundle");
        HooklabCli.Result run = cli("run", bundle.toString(), "--isolation", "none", "--sandbox", tmp.resolve("sb-" + name).toString());
        assertRefused(run, name, why);
        assertThat(run.err()).isEqualTo(lint.err());
    }

    /** What GNU tar, as the agent runs it ({@code tar -xpsf}, {@code -zxpsf} for tgz), exits with on this bundle. */
    private int gnuTarExit(Path bundle, boolean gzip) throws IOException, InterruptedException {
        Path into = Files.createTempDirectory(tmp, "gnutar");
        Process p;
        try {
            p = new ProcessBuilder("tar", gzip ? "-zxpsf" : "-xpsf", bundle.toString()).directory(into.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "GNU tar is not installed");
            throw e;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static JsonNode step(HooklabCli.Result r, String event) {
        for (JsonNode s : r.json().path("steps")) {
            if (event.equals(s.path("event").asText())) {
                return s;
            }
        }
        throw new AssertionError("no step " + event + " in " + r.out() + r.err());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= data.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
