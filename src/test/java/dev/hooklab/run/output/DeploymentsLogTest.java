package dev.hooklab.run.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's deployments log, line by line as {@code InstanceAgent::DeploymentLog} writes it: Ruby Logger's
 * header on a new file, {@code [time] [id]<entry stripped>}, and the shift to {@code .0} past 64 MiB.
 */
class DeploymentsLogTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant T = Instant.parse("2026-12-04T20:00:26.513987Z");

    @TempDir
    Path tmp;

    /** A plain folder as the log's store. */
    private DeploymentsLog.Store store() {
        return new DeploymentsLog.Store() {
            @Override
            public long size(String name) throws IOException {
                Path f = tmp.resolve(name);
                return Files.exists(f) ? Files.size(f) : -1;
            }

            @Override
            public OutputStream append(String name) throws IOException {
                return Files.newOutputStream(tmp.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }

            @Override
            public void rename(String from, String to) throws IOException {
                Files.move(tmp.resolve(from), tmp.resolve(to), StandardCopyOption.REPLACE_EXISTING);
            }
        };
    }

    private static CapturedLine line(OutputChannel channel, String text, boolean newline) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new CapturedLine(channel, T, bytes, bytes.length, newline, null, 0);
    }

    private String read() throws IOException {
        return Files.readString(tmp.resolve("d.log"), StandardCharsets.UTF_8);
    }

    @Test
    void entriesAndLinesAreStampedPrefixedAndStrippedLikeTheAgentsLogger() throws IOException {
        try (DeploymentsLog log = DeploymentsLog.open(store(), "d.log", "d-S02EXIT03", UTC)) {
            log.entry(T, "LifecycleEvent - AfterInstall\n");
            log.entry(T, "Script - scripts/fail.sh\n");
            log.output(line(OutputChannel.STDOUT, "  indented and trailing \t\r", true));
            log.output(line(OutputChannel.STDERR, "", true));
            log.output(line(OutputChannel.STDERR, "no newline at the end", false));
        }
        String[] lines = read().split("\n", -1);
        assertThat(lines[0]).matches("# Logfile created on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+0000 by "
                + "logger\\.rb/v1\\.5\\.0");
        assertThat(Arrays.copyOfRange(lines, 1, lines.length)).containsExactly(
                "[2026-12-04 20:00:26.513] [d-S02EXIT03]LifecycleEvent - AfterInstall",
                "[2026-12-04 20:00:26.513] [d-S02EXIT03]Script - scripts/fail.sh",
                "[2026-12-04 20:00:26.513] [d-S02EXIT03][stdout]  indented and trailing",
                "[2026-12-04 20:00:26.513] [d-S02EXIT03][stderr]",
                "[2026-12-04 20:00:26.513] [d-S02EXIT03][stderr]no newline at the end",
                "");
    }

    @Test
    void anExistingLogIsAppendedToWithoutANewHeader() throws IOException {
        Files.writeString(tmp.resolve("d.log"), "earlier\n");
        try (DeploymentsLog log = DeploymentsLog.open(store(), "d.log", "d-SECOND001", UTC)) {
            log.entry(T, "LifecycleEvent - ApplicationStop\n");
        }
        assertThat(read()).isEqualTo("earlier\n[2026-12-04 20:00:26.513] [d-SECOND001]LifecycleEvent - ApplicationStop\n");
    }

    @Test
    void aGiantLineIsCopiedWholeFromItsRecordWithItsTrailingBlanksLeftOut() throws IOException {
        StreamRecord record = new StreamRecord(tmp.resolve("spill"), 16);
        byte[] body = ("x".repeat(100_000) + " ".repeat(70_000) + "\r").getBytes(StandardCharsets.US_ASCII);
        record.append(new byte[]{'a', '\n'}, 0, 2);
        record.append(body, 0, body.length);
        CapturedLine giant = new CapturedLine(OutputChannel.STDOUT, T, Arrays.copyOf(body, 8), body.length, true,
                record, 2);
        try (DeploymentsLog log = DeploymentsLog.open(store(), "d.log", "d-GIANT0001", UTC)) {
            log.output(giant);
        }
        record.close();
        String text = read();
        assertThat(text.substring(text.indexOf('\n') + 1))
                .isEqualTo("[2026-12-04 20:00:26.513] [d-GIANT0001][stdout]" + "x".repeat(100_000) + "\n");
    }

    @Test
    void aLogPast64MiBIsShiftedToDotZeroBeforeTheNextLine() throws IOException {
        Files.writeString(tmp.resolve("d.log.0"), "older\n");
        try (RandomAccessFile big = new RandomAccessFile(tmp.resolve("d.log").toFile(), "rw")) {
            big.setLength(DeploymentsLog.SHIFT_SIZE + 1);
        }
        try (DeploymentsLog log = DeploymentsLog.open(store(), "d.log", "d-ROTATE001", UTC)) {
            log.entry(T, "Script - a.sh\n");
            log.entry(T, "Script - b.sh\n");
        }
        assertThat(Files.size(tmp.resolve("d.log.0"))).isEqualTo(DeploymentsLog.SHIFT_SIZE + 1);
        assertThat(Files.readString(tmp.resolve("d.log.1"))).isEqualTo("older\n");
        String[] fresh = read().split("\n");
        assertThat(fresh[0]).startsWith("# Logfile created on ");
        assertThat(fresh).hasSize(3);
        assertThat(fresh[1]).endsWith("[d-ROTATE001]Script - a.sh");
        assertThat(fresh[2]).endsWith("[d-ROTATE001]Script - b.sh");
    }
}
