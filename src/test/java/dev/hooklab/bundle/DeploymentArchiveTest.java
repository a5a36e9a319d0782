package dev.hooklab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentArchiveTest {
    @TempDir
    Path tmp;

    private final BundleReader reader = new BundleReader();

    private DeploymentArchive zip(TestRevision items) throws Exception {
        return reader.open(items.zip(tmp, "r" + System.nanoTime() + ".zip")).archive();
    }

    private DeploymentArchive tar(TestRevision items) throws Exception {
        return reader.open(items.tar(tmp, "r" + System.nanoTime() + ".tar")).archive();
    }

    @Test
    void aSingleTopFolderHoldingTheAppspecIsStripped() throws Exception {
        DeploymentArchive r = zip(TestRevision.exact().dir("myapp").file("myapp/appspec.yml", "x")
                .file("myapp/scripts/start.sh", "x"));

        assertThat(r.topFolder().stripped()).isTrue();
        assertThat(r.topFolder().folder()).isEqualTo("myapp");
        assertThat(r.topFolder().prefix()).isEqualTo("myapp/");
        assertThat(r.topFolder().rootEntries()).containsExactly("myapp");
        assertThat(r.topFolder().blocker()).isNull();
        assertThat(r.paths()).containsExactly("appspec.yml", "scripts", "scripts/start.sh");
        assertThat(r.children("")).containsExactly("appspec.yml", "scripts");
        assertThat(r.bundlePath("scripts/start.sh")).isEqualTo("myapp/scripts/start.sh");
        assertThat(r.bundlePath("not/there.sh")).isEqualTo("myapp/not/there.sh");
    }

    @Test
    void aTopFolderImpliedByItsEntriesIsStrippedToo() throws Exception {
        DeploymentArchive r = tar(TestRevision.exact().file("owner-repo-1a2b3c/appspec.yml", "x")
                .file("owner-repo-1a2b3c/run.sh", "x"));
        assertThat(r.topFolder().stripped()).isTrue();
        assertThat(r.paths()).containsExactly("appspec.yml", "run.sh");
    }

    @Test
    void macosMetadataBesideTheFolderBlocksStripping() throws Exception {
        DeploymentArchive r = zip(TestRevision.exact().file("myapp/appspec.yml", "x").file("__MACOSX/myapp/._appspec.yml", "x"));

        assertThat(r.topFolder().stripped()).isFalse();
        assertThat(r.topFolder().folder()).isEqualTo("myapp");
        assertThat(r.topFolder().blocker()).isEqualTo("__MACOSX");
        assertThat(r.topFolder().rootEntries()).containsExactly("__MACOSX", "myapp");
        assertThat(r.exists("myapp/appspec.yml")).isTrue();
        assertThat(r.exists("appspec.yml")).isFalse();
    }

    @Test
    void aDotfileBesideTheFolderBlocksStripping() throws Exception {
        DeploymentArchive r = zip(TestRevision.exact().file(".DS_Store", "x").file("myapp/appspec.yml", "x"));

        assertThat(r.topFolder().stripped()).isFalse();
        assertThat(r.topFolder().folder()).isEqualTo("myapp");
        assertThat(r.topFolder().blocker()).isEqualTo(".DS_Store");
    }

    @Test
    void aSingleFolderWithoutAnyAppspecNameIsNotStripped() throws Exception {
        DeploymentArchive r = zip(TestRevision.exact().file("myapp/config.yml", "x").file("myapp/deploy/appspec.yml", "x"));

        assertThat(r.topFolder().stripped()).isFalse();
        assertThat(r.topFolder().folder()).isEqualTo("myapp");
        assertThat(r.topFolder().blocker()).isNull();
        assertThat(r.paths()).contains("myapp/config.yml");
    }

    @Test
    void theNameTestIsCaseInsensitiveAndMatchesAnyNameHoldingAppspec() throws Exception {
        assertThat(zip(TestRevision.exact().file("myapp/AppSpec.YML", "x")).topFolder().stripped()).isTrue();
        assertThat(zip(TestRevision.exact().dir("myapp/old-appspec")
                .file("myapp/run.sh", "x")).topFolder().stripped()).isTrue();
        assertThat(zip(TestRevision.exact().file("myapp/appspec-notes.txt", "x")).topFolder().stripped()).isTrue();
    }

    @Test
    void onlyOneLevelIsStrippedAndASingleFileIsLeftAlone() throws Exception {
        DeploymentArchive twoLevels = zip(TestRevision.exact().file("outer/appspec.yml", "x")
                .file("outer/inner/appspec.yml", "x"));
        assertThat(twoLevels.paths()).containsExactly("appspec.yml", "inner", "inner/appspec.yml");

        DeploymentArchive single = zip(TestRevision.exact().file("appspec.yml", "x"));
        assertThat(single.topFolder().stripped()).isFalse();
        assertThat(single.topFolder().folder()).isEqualTo("appspec.yml");
    }

    @Test
    void aFolderRevisionIsNeverStripped() throws Exception {
        Path folder = TestRevision.exact().file("myapp/appspec.yml", "x").folder(tmp, "rev");
        DeploymentArchive r = reader.open(folder).archive();
        assertThat(r.topFolder().stripped()).isFalse();
        assertThat(r.paths()).containsExactly("myapp", "myapp/appspec.yml");
    }

    @Test
    void namesAreWhatTheExtractorWrites() throws Exception {
        assertThat(DeploymentArchive.extractedName(BundleFormat.TAR, "/etc/app.conf")).contains("etc/app.conf");
        assertThat(DeploymentArchive.extractedName(BundleFormat.ZIP, "/etc/app.conf")).contains("etc/app.conf");
        assertThat(DeploymentArchive.extractedName(BundleFormat.TAR, "../x.sh")).isEmpty();
        assertThat(DeploymentArchive.extractedName(BundleFormat.TGZ, "a/../x.sh")).isEmpty();
        assertThat(DeploymentArchive.extractedName(BundleFormat.ZIP, "../x.sh")).contains("x.sh");
        assertThat(DeploymentArchive.extractedName(BundleFormat.ZIP, "a/../../x.sh")).contains("a/x.sh");
        assertThat(DeploymentArchive.extractedName(BundleFormat.ZIP, "..")).isEmpty();
        assertThat(DeploymentArchive.extractedName(BundleFormat.FOLDER, "a/b")).contains("a/b");

        DeploymentArchive fromTar = tar(TestRevision.exact().file("appspec.yml", "x").file("/opt/app/run.sh", "x")
                .file("../evil.sh", "x"));
        assertThat(fromTar.paths()).containsExactly("appspec.yml", "opt", "opt/app", "opt/app/run.sh");
        assertThat(fromTar.bundlePath("opt/app/run.sh")).isEqualTo("/opt/app/run.sh");

        DeploymentArchive fromZip = zip(TestRevision.exact().file("appspec.yml", "x").file("../evil.sh", "x"));
        assertThat(fromZip.paths()).containsExactly("appspec.yml", "evil.sh");
        assertThat(fromZip.bundlePath("evil.sh")).isEqualTo("../evil.sh");
    }

    @Test
    void resolveFollowsLinksThatStayInside() throws Exception {
        DeploymentArchive r = tar(TestRevision.exact().file("appspec.yml", "x").dir("releases/v2")
                .file("releases/v2/start.sh", "x").symlink("current", "releases/v2")
                .symlink("start", "current/start.sh").symlink("releases/v2/self", "../v2"));

        assertThat(r.resolve("current/start.sh")).contains("releases/v2/start.sh");
        assertThat(r.resolve("start")).contains("releases/v2/start.sh");
        assertThat(r.resolve("/current//start.sh")).contains("releases/v2/start.sh");
        assertThat(r.resolve("releases/v2/self/self/start.sh")).contains("releases/v2/start.sh");
        assertThat(r.resolve("current")).contains("releases/v2");
        assertThat(r.isDirectory(r.resolve("current").orElseThrow())).isTrue();
    }

    @Test
    void resolveRefusesLinksThatLeave() throws Exception {
        DeploymentArchive r = tar(TestRevision.exact().file("appspec.yml", "x").symlink("logs", "/var/log")
                .symlink("up", "../..").dir("a").symlink("a/back", "../appspec.yml").symlink("loop1", "loop2")
                .symlink("loop2", "loop1"));

        assertThat(r.resolve("logs/app.log")).isEmpty();
        assertThat(r.resolve("logs")).isEmpty();
        assertThat(r.resolve("up/etc/passwd")).isEmpty();
        assertThat(r.resolve("loop1")).isEmpty();
        assertThat(r.resolve("a/back")).contains("appspec.yml");
    }

    @Test
    void resolveHandlesDotDotInsideTheRevision() throws Exception {
        DeploymentArchive r = zip(TestRevision.exact().file("appspec.yml", "x").file("scripts/start.sh", "x"));

        assertThat(r.resolve("scripts/../appspec.yml")).contains("appspec.yml");
        assertThat(r.resolve("./scripts/./start.sh")).contains("scripts/start.sh");
        assertThat(r.resolve("scripts/../../appspec.yml")).isEmpty();
        assertThat(r.resolve("appspec.yml/start.sh")).as("a file used as a folder").isEmpty();
        assertThat(r.resolve("scripts/missing.sh")).isEmpty();
        assertThat(r.resolve("")).contains("");
    }

    @Test
    void aLinkThatLeavesTheStrippedFolderIsRefused() throws Exception {
        DeploymentArchive r = zip(TestRevision.exact().file("myapp/appspec.yml", "x").symlink("myapp/shared", "../myapp"));
        assertThat(r.topFolder().stripped()).isTrue();
        assertThat(r.resolve("shared/appspec.yml")).isEmpty();
    }

    @Test
    void entriesStoredBelowALinkLandWhereTheExtractorPutsThem() throws Exception {
        TestRevision items = TestRevision.exact().file("appspec.yml", "x").dir("d").symlink("lnk", "d")
                .file("lnk/ok.txt", "x")
                .dir("a").symlink("a/up", "../d").file("a/up/x.txt", "x").symlink("out", "/tmp")
                .file("out/evil.txt", "x");

        var fromTar = tar(items);
        assertThat(fromTar.entry("d/ok.txt")).get().extracting(BundleEntry::path).isEqualTo("lnk/ok.txt");
        assertThat(fromTar.exists("lnk/ok.txt")).isFalse();
        assertThat(fromTar.resolve("lnk/ok.txt")).contains("d/ok.txt");
        assertThat(fromTar.exists("d/x.txt")).as("GNU tar fails below a link whose target has '..'").isFalse();
        assertThat(fromTar.exists("out/evil.txt")).isFalse();

        DeploymentArchive fromZip = zip(items);
        assertThat(fromZip.exists("d/ok.txt")).isTrue();
        assertThat(fromZip.exists("d/x.txt")).as("rubyzip writes through the link").isTrue();
        assertThat(fromZip.exists("out/evil.txt")).isFalse();
    }

    @Test
    void aDeclaredDirectoryIsNotReplacedByAnImpliedOne() throws Exception {
        DeploymentArchive r = tar(TestRevision.exact().file("/opt/x", "x").dir("opt", 0700));
        assertThat(r.entry("opt")).get().extracting(BundleEntry::mode, BundleEntry::implicit).containsExactly(0700, false);
        assertThat(Optional.of(r.isDirectory("opt"))).contains(true);
    }
}
