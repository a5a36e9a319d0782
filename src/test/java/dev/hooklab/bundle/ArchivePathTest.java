package dev.hooklab.bundle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchivePathTest {

    @Test
    void normaliseDropsDotSegmentsAndDoubledOrTrailingSlashes() {
        assertThat(ArchivePath.normalise("./scripts//start.sh")).isEqualTo("scripts/start.sh");
        assertThat(ArchivePath.normalise("a/./b/")).isEqualTo("a/b");
        assertThat(ArchivePath.normalise("././a")).isEqualTo("a");
        assertThat(ArchivePath.normalise("./")).isEmpty();
        assertThat(ArchivePath.normalise(".")).isEmpty();
        assertThat(ArchivePath.normalise("/")).isEmpty();
    }

    @Test
    void normaliseKeepsALeadingSlashAndDotDots() {
        assertThat(ArchivePath.normalise("//etc//passwd")).isEqualTo("/etc/passwd");
        assertThat(ArchivePath.normalise("./../x")).isEqualTo("../x");
        assertThat(ArchivePath.normalise("a/../b")).isEqualTo("a/../b");
        assertThat(ArchivePath.normalise(".hidden/..x/x..")).isEqualTo(".hidden/..x/x..");
    }

    @Test
    void dotDotIsASegmentNotASubstring() {
        assertThat(ArchivePath.hasDotDot("..")).isTrue();
        assertThat(ArchivePath.hasDotDot("a/..")).isTrue();
        assertThat(ArchivePath.hasDotDot("../a")).isTrue();
        assertThat(ArchivePath.hasDotDot("a/../b")).isTrue();
        assertThat(ArchivePath.hasDotDot("a..b/..c/d..")).isFalse();
        assertThat(ArchivePath.hasDotDot("...")).isFalse();
    }

    @Test
    void linkTargetsResolveLexically() {
        assertThat(ArchivePath.resolveLexically("a/b", "../c")).isEqualTo("a/c");
        assertThat(ArchivePath.resolveLexically("a", "./x/../y")).isEqualTo("a/y");
        assertThat(ArchivePath.resolveLexically("", "..")).isNull();
        assertThat(ArchivePath.resolveLexically("a", "../..")).isNull();
        assertThat(ArchivePath.resolveLexically("a", "..")).isEmpty();
    }

    @Test
    void tarHardLinkTargetsLoseLeadingSlashesAndEverythingUpToTheLastDotDot() {
        assertThat(ExtractionHazards.tarLinkTarget("/etc/passwd")).isEqualTo("etc/passwd");
        assertThat(ExtractionHazards.tarLinkTarget("../x")).isEqualTo("x");
        assertThat(ExtractionHazards.tarLinkTarget("a/../../b/c")).isEqualTo("b/c");
        assertThat(ExtractionHazards.tarLinkTarget("bin/tool")).isEqualTo("bin/tool");
    }
}
