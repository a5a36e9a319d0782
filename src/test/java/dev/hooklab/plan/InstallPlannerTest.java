package dev.hooklab.plan;

import dev.hooklab.appspec.AppSpec;
import dev.hooklab.appspec.FileMapping;
import dev.hooklab.appspec.PermissionRule;
import dev.hooklab.finding.DiagnosticCode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.hooklab.plan.Archives.files;
import static dev.hooklab.plan.Archives.permission;
import static org.assertj.core.api.Assertions.assertThat;

class InstallPlannerTest {
    private static final String ARCHIVE = "/opt/codedeploy-agent/deployment-root/g/d-1/deployment-archive";
    private final InstallPlanner planner = new InstallPlanner(AgentPath.POSIX);

    private InstallPlan plan(List<FileMapping> files, List<PermissionRule> perms, String behavior,
                             InstanceFiles instance, String... revision) {
        AppSpec spec = new AppSpec("linux", java.util.Map.of(), java.util.Map.of(), files, perms, behavior);
        return planner.plan(spec, ArchiveTree.of(Archives.of(revision)), ARCHIVE, instance, null);
    }

    private static InstanceFiles existing(String... paths) {
        Set<String> set = new HashSet<>(List.of(paths));
        return new InstanceFiles() {
            @Override
            public boolean exists(String p) {
                return set.contains(p) || InstanceFiles.FRESH_LINUX.exists(p);
            }

            @Override
            public boolean isDirectory(String p) {
                return InstanceFiles.FRESH_LINUX.isDirectory(p) || set.contains(p) && !p.contains(".");
            }
        };
    }

    @Test
    void rootSourceCopiesTheWholeArchiveContentsIncludingTheAppSpec() {
        InstallPlan p = plan(List.of(files("/", "/var/app/current")), List.of(), null, InstanceFiles.FRESH_LINUX,
                "appspec.yml", "scripts/start.sh", "web/index.html");
        assertThat(p.mkdirs()).extracting(InstallStep::target).containsExactly("/var/app", "/var/app/current",
                "/var/app/current/scripts", "/var/app/current/web");
        assertThat(p.copies()).extracting(InstallStep::target).containsExactly("/var/app/current/appspec.yml",
                "/var/app/current/scripts/start.sh", "/var/app/current/web/index.html");
        assertThat(p.copies().get(1).source()).isEqualTo(ARCHIVE + "/scripts/start.sh");
        assertThat(p.failure()).isEmpty();
    }

    @Test
    void aTreeThousandsOfFoldersDeepIsPlannedWithoutRecursion() {
        String deep = String.join("/", java.util.Collections.nCopies(5000, "d")) + "/f.txt";
        InstallPlan p = plan(List.of(files("/", "/var/app")), List.of(), null, InstanceFiles.FRESH_LINUX,
                "appspec.yml", deep, "z.txt");
        assertThat(p.failure()).isEmpty();
        assertThat(p.mkdirs()).hasSize(5001);
        assertThat(p.copies()).extracting(InstallStep::target).containsExactly("/var/app/appspec.yml",
                "/var/app/" + deep, "/var/app/z.txt");
    }

    @Test
    void aFileSourceLandsInsideTheDestinationDirectory() {
        InstallPlan p = plan(List.of(files("config/app.conf", "/etc/app/app.conf")), List.of(), null,
                InstanceFiles.FRESH_LINUX, "appspec.yml", "config/app.conf");
        assertThat(p.copies()).extracting(InstallStep::target).containsExactly("/etc/app/app.conf/app.conf");
        assertThat(p.mkdirs()).extracting(InstallStep::target).containsExactly("/etc/app", "/etc/app/app.conf");
    }

    @Test
    void twoSourcesForOneDestinationFailWithTheAgentsMessage() {
        InstallPlan p = plan(List.of(files("a/x.txt", "/srv"), files("b/x.txt", "/srv")), List.of(), null,
                InstanceFiles.FRESH_LINUX, "appspec.yml", "a/x.txt", "b/x.txt");
        assertThat(p.failure()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(DiagnosticCode.FILES_CONFLICT);
            assertThat(f.agentMessage()).isEqualTo("The deployment failed because the application specification file "
                    + "specifies two source files named " + ARCHIVE + "/b/x.txt and " + ARCHIVE + "/a/x.txt for the "
                    + "same destination (/srv/x.txt). Remove one of the source file paths from the AppSpec file, and "
                    + "then try again.");
        });
    }

    @Test
    void aDirectoryWhereAFileIsCopiedFails() {
        InstallPlan p = plan(List.of(files("x", "/srv"), files("dir", "/srv/x")), List.of(), null,
                InstanceFiles.FRESH_LINUX, "appspec.yml", "x", "dir/y");
        assertThat(p.failure()).hasValueSatisfying(f -> assertThat(f.agentMessage())
                .contains("includes an mkdir command more than once for the same destination path (/srv/x) from ("
                        + ARCHIVE + "/x)"));
    }

    @Test
    void fileExistsBehaviourDecidesAboutExistingFiles() {
        InstanceFiles instance = existing("/srv/app", "/srv/app/index.html");
        InstallPlan disallow = plan(List.of(files("/", "/srv/app")), List.of(), null, instance,
                "appspec.yml", "index.html");
        assertThat(disallow.failure()).hasValueSatisfying(f -> assertThat(f.agentMessage()).isEqualTo(
                "The deployment failed because a specified file already exists at this location: /srv/app/index.html"));
        InstallPlan retain = plan(List.of(files("/", "/srv/app")), List.of(), "RETAIN", instance,
                "appspec.yml", "index.html");
        assertThat(retain.failure()).isEmpty();
        assertThat(retain.retained()).containsExactly("/srv/app/index.html");
        assertThat(retain.copies()).extracting(InstallStep::target).containsExactly("/srv/app/appspec.yml");
        InstallPlan overwrite = plan(List.of(files("/", "/srv/app")), List.of(), "OVERWRITE", instance,
                "appspec.yml", "index.html");
        assertThat(overwrite.overwritten()).containsExactly("/srv/app/index.html");
        assertThat(overwrite.copies()).hasSize(2);
    }

    @Test
    void permissionsOnADirectoryReachDescendantsButNotTheObject() {
        InstallPlan p = plan(List.of(files("/", "/var/www/html")),
                List.of(permission("/var/www/html", "**", List.of(), List.of("file", "directory"), "640")), null,
                InstanceFiles.FRESH_LINUX, "appspec.yml", "css/site.css");
        assertThat(p.steps()).filteredOn(s -> s instanceof InstallStep.Permission).extracting(InstallStep::target)
                .containsExactlyInAnyOrder("/var/www/html/appspec.yml", "/var/www/html/css/site.css",
                        "/var/www/html/css");
    }

    @Test
    void aPatternOtherThanDoubleStarMatchesOnlyImmediateChildren() {
        InstallPlan p = plan(List.of(files("/", "/srv/app")),
                List.of(permission("/srv/app", "*.sh", List.of("skip*"), List.of("file"), "755")), null,
                InstanceFiles.FRESH_LINUX, "appspec.yml", "run.sh", "skip.sh", "bin/deep.sh");
        assertThat(p.steps()).filteredOn(s -> s instanceof InstallStep.Permission).extracting(InstallStep::target)
                .containsExactly("/srv/app/run.sh");
    }

    @Test
    void overlappingPermissionsFail() {
        InstallPlan p = plan(List.of(files("/", "/var/www")),
                List.of(permission("/var/www", "**", List.of(), List.of("file"), "644"),
                        permission("/var/www/html", "**", List.of(), List.of("file"), "600")), null,
                InstanceFiles.FRESH_LINUX, "appspec.yml", "html/index.html");
        assertThat(p.failure()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(DiagnosticCode.PERMISSION_DUPLICATE);
            assertThat(f.agentMessage()).contains("permissions setting for (/var/www/html/index.html) is specified "
                    + "more than once");
        });
    }

    @Test
    void patternOnAFileObjectFails() {
        InstallPlan p = plan(List.of(files("/", "/srv/app")),
                List.of(permission("/srv/app/run.sh", "*.sh", List.of(), List.of("file"), "755")), null,
                InstanceFiles.FRESH_LINUX, "appspec.yml", "run.sh");
        assertThat(p.failure()).hasValueSatisfying(f -> assertThat(f.agentMessage()).contains(
                "includes an object (/srv/app/run.sh) with an invalid pattern (*.sh)"));
        InstallPlan except = plan(List.of(files("/", "/srv/app")),
                List.of(permission("/srv/app/run.sh", "**", List.of("a", "b"), List.of("file"), "755")), null,
                InstanceFiles.FRESH_LINUX, "appspec.yml", "run.sh");
        assertThat(except.failure()).hasValueSatisfying(f -> assertThat(f.agentMessage()).contains(
                "in the permissions section ([\"a\", \"b\"]) for the object named /srv/app/run.sh"));
    }

    @Test
    void simpleGlobKnowsOnlyTheStar() {
        assertThat(InstallPlanner.matchesSimpleGlob("app.sh", "*.sh")).isTrue();
        assertThat(InstallPlanner.matchesSimpleGlob("app.sh", "a?p.sh")).isFalse();
        assertThat(InstallPlanner.matchesSimpleGlob("a?p.sh", "a?p.sh")).isTrue();
        assertThat(InstallPlanner.matchesSimpleGlob("x/app.sh", "*")).isFalse();
        assertThat(InstallPlanner.matchesSimpleGlob("abc", "a*c*")).isTrue();
    }
}
