package dev.hooklab.cli;

import dev.hooklab.bundle.TestRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Input hooklab cannot read, and wrong arguments: exit 2, one line on stderr, nothing on stdout, no stack trace. */
class BadInputTest {
    @TempDir
    Path tmp;

    static void assertRefused(HooklabCli.Result r, String... mentions) {
        assertThat(r.exit()).as("exit status; stderr: " + r.err()).isEqualTo(2);
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(r.errLines()).as("stderr lines").hasSize(1);
        String line = r.errLines().get(0);
        assertThat(line).startsWith("hooklab: ").doesNotContain("\tat ", "Exception", "internal error");
        for (String m : mentions) {
            assertThat(line).contains(m);
        }
    }

    Path goodZip() throws IOException {
        return TestRevision.withAppSpec("version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: start.sh\n")
                .script("start.sh").file("big.bin", randomBytes(64 * 1024, 7), 0644).zip(tmp, "good.zip");
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "inspect"})
    void aTruncatedZip(String command) throws IOException {
        byte[] whole = Files.readAllBytes(goodZip());
        Path truncated = Files.write(tmp.resolve("truncated.zip"), Arrays.copyOf(whole, whole.length / 2));

        assertRefused(HooklabCli.run(command, truncated.toString()), "truncated.zip");
        assertRefused(HooklabCli.run(command, truncated.toString(), "--format", "json"), "truncated.zip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "inspect"})
    void randomBytesNamedZip(String command) throws IOException {
        Path junk = Files.write(tmp.resolve("bundle.zip"), randomBytes(4096, 42));

        assertRefused(HooklabCli.run(command, junk.toString(), "--format", "json"), "bundle.zip");
    }

    @Test
    void aGzipThatIsNotATar() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("just some text, not a tar archive\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(tmp.resolve("bundle.tgz"), gz.toByteArray());

        assertRefused(HooklabCli.run("lint", file.toString()), "bundle.tgz");
        assertRefused(HooklabCli.run("inspect", file.toString(), "--format", "json"), "bundle.tgz");
    }

    @Test
    void aTruncatedTgz() throws IOException {
        Path tgz = TestRevision.withAppSpec("version: 0.0\nos: linux\n")
                .file("big.bin", randomBytes(200 * 1024, 3), 0644).tgz(tmp, "app.tgz");
        byte[] whole = Files.readAllBytes(tgz);
        Files.write(tgz, Arrays.copyOf(whole, whole.length / 2));

        assertRefused(HooklabCli.run("lint", tgz.toString(), "--format", "sarif"), "app.tgz");
    }

    @Test
    void anEmptyFile() throws IOException {
        Path empty = Files.write(tmp.resolve("bundle.zip"), new byte[0]);

        assertRefused(HooklabCli.run("lint", empty.toString()), "bundle.zip");
    }

    @Test
    void anInputThatDoesNotExist() {
        assertRefused(HooklabCli.run("lint", tmp.resolve("nope.zip").toString()), "nope.zip");
        assertRefused(HooklabCli.run("inspect", tmp.resolve("nope").toString(), "--format", "json"), "nope");
    }

    @Test
    void anAppSpecOverrideThatDoesNotExist() throws IOException {
        assertRefused(HooklabCli.run("lint", goodZip().toString(), "--appspec", tmp.resolve("other.yml").toString()),
                "other.yml");
    }

    @Test
    void anUnknownOption() throws IOException {
        assertRefused(HooklabCli.run("lint", goodZip().toString(), "--frobnicate"), "--frobnicate");
    }

    @Test
    void anUnknownDeploymentType() throws IOException {
        assertRefused(HooklabCli.run("inspect", goodZip().toString(), "--deployment-type", "rolling"), "rolling");
    }

    @Test
    void anUnknownOsOrFormat() throws IOException {
        assertRefused(HooklabCli.run("lint", goodZip().toString(), "--os", "macos"), "macos");
        assertRefused(HooklabCli.run("lint", goodZip().toString(), "--format", "xml"), "xml");
        assertRefused(HooklabCli.run("inspect", goodZip().toString(), "--format", "sarif"), "sarif");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "inspect"})
    void aMissingInput(String command) {
        assertRefused(HooklabCli.run(command), "INPUT");
        assertRefused(HooklabCli.run(command, "--format", "json"), "INPUT");
    }

    @Test
    void anUnknownCommand() {
        assertRefused(HooklabCli.run("deploy", "x.zip"));
    }

    @Test
    void theSameBundleIntactIsAccepted() throws IOException {
        HooklabCli.Result r = HooklabCli.run("lint", goodZip().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }
}
