package dev.hooklab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.hooklab.bundle.BundleFinding.Kind.DUPLICATE;
import static dev.hooklab.bundle.BundleFinding.Kind.ENCRYPTED;
import static dev.hooklab.bundle.BundleFinding.Kind.HARDLINK;
import static dev.hooklab.bundle.BundleFinding.Kind.NAME_NOT_UTF8;
import static dev.hooklab.bundle.BundleFinding.Kind.SPECIAL;
import static dev.hooklab.bundle.BundleFinding.Kind.SYMLINK_ESCAPE;
import static dev.hooklab.bundle.BundleFinding.Kind.UNSAFE_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BundleFindingsTest {
    @TempDir
    Path tmp;

    private final BundleReader reader = new BundleReader();

    private List<BundleFinding> findings(Path bundle) throws BundleException {
        return reader.open(bundle).findings();
    }

    @Test
    void dotDotNamesInATarFailTheDeployment() throws Exception {
        Path tar = TestRevision.exact().file("appspec.yml", "x").file("../evil.sh", "x").file("a/../b.sh", "x")
                .tar(tmp, "app.tar");

        Bundle bundle = reader.open(tar);

        assertThat(bundle.entry("../evil.sh")).isPresent();
        assertThat(bundle.findings()).extracting(BundleFinding::kind, BundleFinding::entry)
                .containsExactly(tuple(UNSAFE_PATH, "../evil.sh"), tuple(UNSAFE_PATH, "a/../b.sh"));
        assertThat(bundle.findings().get(0).detail())
                .contains("GNU tar skips this member").contains("exits 2").contains("Error extracting tar archive: 2");
    }

    @Test
    void dotDotNamesInAZipAreExtractedWithoutTheirDotDots() throws Exception {
        Path zip = TestRevision.exact().file("../evil.sh", "x").file("a/../b.sh", "x").zip(tmp, "app.zip");

        assertThat(findings(zip)).extracting(BundleFinding::kind, BundleFinding::detail).containsExactly(
                tuple(UNSAFE_PATH, "name has a '..' segment: unzip -qo drops the '..' segments and extracts it as 'evil.sh' "
                        + "inside deployment-archive (exit 0, the warning is silenced by -q); if unzip fails for another entry, "
                        + "the agent's rubyzip retry writes it to the literal path, outside deployment-archive"),
                tuple(UNSAFE_PATH, "name has a '..' segment: unzip -qo drops the '..' segments and extracts it as 'a/b.sh' "
                        + "inside deployment-archive (exit 0, the warning is silenced by -q); if unzip fails for another entry, "
                        + "the agent's rubyzip retry writes it to the literal path, outside deployment-archive"));
    }

    @Test
    void absoluteNamesKeepTheirSlashInPathAndAreReported() throws Exception {
        Path tar = TestRevision.exact().file("/etc/cron.d/job", "x").file("/" + "deep/".repeat(30) + "x.sh", "x")
                .tar(tmp, "app.tar");
        Path zip = TestRevision.exact().file("/etc/cron.d/job", "x").zip(tmp, "app.zip");

        Bundle fromTar = reader.open(tar);
        assertThat(fromTar.entry("/etc/cron.d/job")).isPresent();
        assertThat(fromTar.entry("/" + "deep/".repeat(30) + "x.sh")).as("GNU long name keeps its '/'").isPresent();
        assertThat(fromTar.findings()).extracting(BundleFinding::kind).containsExactly(UNSAFE_PATH, UNSAFE_PATH);
        assertThat(fromTar.findings().get(0).detail()).isEqualTo(
                "absolute name: GNU tar removes the leading '/' and extracts it as 'etc/cron.d/job' inside deployment-archive (exit 0)");
        assertThat(findings(zip)).singleElement().extracting(BundleFinding::detail).asString()
                .contains("unzip strips the leading '/'").contains("exits 1").contains("rubyzip");
    }

    @Test
    void symlinksThatLeaveTheRevisionAndEntriesStoredBelowThem() throws Exception {
        TestRevision items = TestRevision.exact()
                .symlink("logs", "/var/log/app")
                .symlink("conf/up", "../../shared")
                .symlink("conf/ok", "../scripts")
                .file("logs/app.log", "x")
                .file("scripts/run.sh", "x");
        for (Path bundle : List.of(items.tar(tmp, "app.tar"), items.zip(tmp, "app.zip"))) {
            List<BundleFinding> found = findings(bundle);
            assertThat(found).extracting(BundleFinding::kind, BundleFinding::entry).containsExactly(
                    tuple(SYMLINK_ESCAPE, "logs"), tuple(SYMLINK_ESCAPE, "conf/up"), tuple(SYMLINK_ESCAPE, "logs/app.log"));
            assertThat(found.get(0).detail()).contains("'/var/log/app'").contains("outside deployment-archive");
            assertThat(found.get(1).detail()).isEqualTo("symlink target '../../shared' resolves outside the revision root");
        }
        assertThat(findings(items.tar(tmp, "t.tar")).get(2).detail())
                .contains("'Cannot open: Not a directory'").contains("exits 2");
        assertThat(findings(items.zip(tmp, "z.zip")).get(2).detail())
                .contains("checkdir error").contains("rubyzip");
    }

    @Test
    void symlinksInAFolderThatLeaveIt() throws Exception {
        Path folder = TestRevision.exact().symlink("logs", "/var/log/app").symlink("ok", "scripts").dir("scripts")
                .folder(tmp, "app");
        assertThat(findings(folder)).extracting(BundleFinding::kind, BundleFinding::entry)
                .containsExactly(tuple(SYMLINK_ESCAPE, "logs"));
    }

    @Test
    void hardLinksSayWhetherTarCanMakeThem() throws Exception {
        Path tar = TestRevision.exact().file("bin/tool", "x").hardlink("bin/alias", "bin/tool")
                .hardlink("bin/early", "bin/later").file("bin/later", "x").hardlink("bin/passwd", "/etc/passwd")
                .tar(tmp, "app.tar");

        assertThat(findings(tar)).extracting(BundleFinding::kind, BundleFinding::detail).containsExactly(
                tuple(HARDLINK, "hard link to 'bin/tool'"),
                tuple(HARDLINK, "hard link to 'bin/later'; no earlier entry provides 'bin/later', so GNU tar fails with "
                        + "'Cannot hard link to \u2018bin/later\u2019: No such file or directory' and exits 2, and the deployment "
                        + "fails with 'Error extracting tar archive: 2'"),
                tuple(HARDLINK, "hard link to '/etc/passwd', which leaves the revision: GNU tar links to 'etc/passwd' inside "
                        + "deployment-archive instead; no earlier entry provides 'etc/passwd', so GNU tar fails with "
                        + "'Cannot hard link to \u2018etc/passwd\u2019: No such file or directory' and exits 2, and the deployment "
                        + "fails with 'Error extracting tar archive: 2'"));
    }

    @Test
    void duplicatesNameTheLaterEntry() throws Exception {
        Path tar = TestRevision.exact().file("appspec.yml", "old").dir("scripts").dir("./scripts/")
                .file("./appspec.yml", "new").tar(tmp, "app.tar");

        Bundle bundle = reader.open(tar);

        assertThat(bundle.findings()).extracting(BundleFinding::kind, BundleFinding::entry, BundleFinding::detail)
                .containsExactly(tuple(DUPLICATE, "./appspec.yml", "'appspec.yml' is stored more than once "
                        + "(stored earlier as 'appspec.yml'); the later entry wins on extraction"));
        assertThat(bundle.entry("appspec.yml")).get().extracting(BundleEntry::name).isEqualTo("./appspec.yml");
    }

    @Test
    void encryptedZipEntries() throws Exception {
        Path zip = TestRevision.exact().file("appspec.yml", "x").file("secret.env", "x").zip(tmp, "app.zip");
        TestRevision.markEncrypted(zip, "secret.env");

        Bundle bundle = reader.open(zip);

        assertThat(bundle.findings()).extracting(BundleFinding::kind, BundleFinding::entry)
                .containsExactly(tuple(ENCRYPTED, "secret.env"));
        assertThat(bundle.findings().get(0).detail()).contains("unable to get password").contains("exits 5");
        assertThat(bundle.read("secret.env", 100)).isEmpty();
    }

    @Test
    void zipNamesThatAreNotUtf8() throws Exception {
        byte[] latin1 = "caf\u00e9.sh".getBytes(StandardCharsets.ISO_8859_1);
        Path zip = TestRevision.exact().rawFile(latin1, "x").file("ok-\u00e9t\u00e9.sh", "x").zip(tmp, "app.zip");

        Bundle bundle = reader.open(zip);

        assertThat(bundle.entries()).extracting(BundleEntry::path).containsExactly("caf\ufffd.sh", "ok-\u00e9t\u00e9.sh");
        assertThat(bundle.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(NAME_NOT_UTF8);
            assertThat(f.entry()).isEqualTo("caf\ufffd.sh");
            assertThat(f.detail()).isEqualTo("name bytes are not valid UTF-8 (63 61 66 e9 2e 73 68); "
                    + "unzip writes these bytes unchanged, so a path typed in UTF-8 does not match it");
        });
    }

    @Test
    void tarNamesAreDecodedFromTheirBytes() throws Exception {
        byte[] latin1 = "caf\u00e9.sh".getBytes(StandardCharsets.ISO_8859_1);
        Path tar = TestRevision.exact().rawFile(latin1, "x").file("ok-\u00e9t\u00e9.sh", "x")
                .file("long-\u00e9-" + "n".repeat(120) + ".sh", "x").tar(tmp, "app.tar");
        Path pax = TestRevision.exact().file("caf\u00e9.sh", "x").file("\u65e5\u672c.sh", "x").paxTar(tmp, "pax.tar");

        Bundle bundle = reader.open(tar);
        assertThat(bundle.entries()).extracting(BundleEntry::path)
                .containsExactly("caf\ufffd.sh", "ok-\u00e9t\u00e9.sh", "long-\u00e9-" + "n".repeat(120) + ".sh");
        assertThat(bundle.findings()).extracting(BundleFinding::kind, BundleFinding::entry)
                .containsExactly(tuple(NAME_NOT_UTF8, "caf\ufffd.sh"));

        Bundle fromPax = reader.open(pax);
        assertThat(fromPax.entries()).extracting(BundleEntry::path).containsExactly("caf\u00e9.sh", "\u65e5\u672c.sh");
        assertThat(fromPax.findings()).isEmpty();
    }

    @Test
    void specialEntriesInTarAndZip() throws Exception {
        Path tar = TestRevision.exact().fifo("run/pipe").file("a", "x").tar(tmp, "app.tar");
        Path zip = TestRevision.exact().fifo("run/pipe").file("a", "x").zip(tmp, "app.zip");

        assertThat(reader.open(tar).entry("run/pipe")).get().extracting(BundleEntry::type).isEqualTo(EntryType.OTHER);
        assertThat(findings(tar)).extracting(BundleFinding::kind, BundleFinding::detail).containsExactly(tuple(SPECIAL,
                "a fifo (named pipe), not a regular file: GNU tar running as root, as the agent does, recreates it in deployment-archive"));
        assertThat(findings(zip)).extracting(BundleFinding::kind, BundleFinding::detail).containsExactly(tuple(SPECIAL,
                "Unix mode 010644 is not a file, folder or symlink; unzip writes its data as a regular file"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void specialEntriesInAFolder() throws Exception {
        Path folder = TestRevision.exact().fifo("run/pipe").file("a", "x").folder(tmp, "app");
        assertThat(findings(folder)).extracting(BundleFinding::kind, BundleFinding::entry).containsExactly(tuple(SPECIAL, "run/pipe"));
    }
}
