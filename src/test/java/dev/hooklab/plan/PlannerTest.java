package dev.hooklab.plan;

import dev.hooklab.appspec.AppSpec;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.bundle.DeploymentArchive;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.hooklab.plan.Archives.files;
import static dev.hooklab.plan.Archives.script;
import static dev.hooklab.plan.Archives.spec;
import static org.assertj.core.api.Assertions.assertThat;

class PlannerTest {
    private static final DeploymentLayout LAYOUT = new DeploymentLayout(TargetOs.LINUX, DeploymentLayout.LINUX_ROOT,
            "f808110e-bfcb-4ea9-a1f0-6377570718ec", "d-VALNHOGV7");
    private static final String ARCHIVE = LAYOUT.archiveDir();
    private final Planner planner = new Planner();

    private DeploymentPlan plan(AppSpec spec, DeploymentArchive revision, DeploymentType type) {
        return planner.plan(LAYOUT, type,
                spec, Optional.of(ArchiveContents.of(revision)),
                InstanceFiles.FRESH_LINUX, null);
    }

    private static PlannedScript only(DeploymentPlan plan, String event) {
        return plan.event(event).orElseThrow().scripts().get(0);
    }

    @Test
    void seedStoryAbsoluteLocationIsLookedUpInsideTheArchive() {
        AppSpec spec = spec(List.of(files("/", "/var/app/current")), List.of(),
                script("AfterInstall", "/var/app/current/start_aplication.sh", 180));
        PlannedScript s = only(plan(spec, Archives.of("appspec.yml", "start_aplication.sh"), DeploymentType.IN_PLACE),
                "AfterInstall");
        assertThat(s.path()).isEqualTo(ARCHIVE + "/var/app/current/start_aplication.sh");
        assertThat(s.target()).isEqualTo(ScriptTarget.MISSING);
        assertThat(s.bundleEntry()).isNull();
    }

    @Test
    void seedStoryRelativeLocationHitsTheEntry() {
        AppSpec spec = spec(List.of(files("/", "/var/app/current")), List.of(),
                script("AfterInstall", "./start_aplication.sh", 180));
        PlannedScript s = only(plan(spec, Archives.of("appspec.yml", "start_aplication.sh"), DeploymentType.IN_PLACE),
                "AfterInstall");
        assertThat(s.path()).isEqualTo(ARCHIVE + "/start_aplication.sh");
        assertThat(s.target()).isEqualTo(ScriptTarget.FOUND);
        assertThat(s.bundleEntry()).isEqualTo("start_aplication.sh");
    }

    @Test
    void seedStoryEscapingLocationIsInstalledByTheFilesSection() {
        AppSpec spec = spec(List.of(files("/", "/var/app/current")), List.of(),
                script("AfterInstall", "../../../../../../var/app/current/start_aplication.sh", 180));
        PlannedScript s = only(plan(spec, Archives.of("appspec.yml", "start_aplication.sh"), DeploymentType.IN_PLACE),
                "AfterInstall");
        assertThat(s.path()).isEqualTo("/var/app/current/start_aplication.sh");
        assertThat(s.target()).isEqualTo(ScriptTarget.OUTSIDE_ARCHIVE);
        assertThat(s.installedBy()).isNotNull();
        assertThat(s.installedBy().archivePath()).isEqualTo("start_aplication.sh");
    }

    @Test
    void bundleEntryIsReportedAfterTopFolderStripping() {
        AppSpec spec = spec(List.of(), List.of(), script("ApplicationStart", "scripts/start.sh", 60));
        DeploymentArchive r = Archives.of("app/", "app/appspec.yml", "app/scripts/start.sh");
        PlannedScript s = only(plan(spec, r, DeploymentType.IN_PLACE), "ApplicationStart");
        assertThat(s.bundleEntry()).isEqualTo("app/scripts/start.sh");
        assertThat(s.archivePath()).isEqualTo("scripts/start.sh");
    }

    @Test
    void inPlaceOrderAndRevisionSources() {
        DeploymentPlan p = plan(spec(List.of(), List.of()), Archives.of("appspec.yml"), DeploymentType.IN_PLACE);
        assertThat(p.events()).extracting(PlannedEvent::name).containsExactly("ApplicationStop", "DownloadBundle",
                "BeforeInstall", "Install", "AfterInstall", "ApplicationStart", "ValidateService");
        assertThat(p.event("ApplicationStop").orElseThrow().revision()).isEqualTo(RevisionSource.PREVIOUS);
        assertThat(p.event("Install").orElseThrow().revision()).isEqualTo(RevisionSource.AGENT);
        assertThat(p.event("AfterInstall").orElseThrow().revision()).isEqualTo(RevisionSource.CURRENT);
    }

    @Test
    void blueGreenOriginalRunsOnlyBlockTraffic() {
        DeploymentPlan p = plan(spec(List.of(), List.of(), script("AfterInstall", "a.sh", 10)),
                Archives.of("appspec.yml", "a.sh"), DeploymentType.BLUE_GREEN_ORIGINAL);
        assertThat(p.events()).filteredOn(PlannedEvent::runs).extracting(PlannedEvent::name)
                .containsExactly("BeforeBlockTraffic", "AfterBlockTraffic");
        PlannedEvent after = p.event("AfterInstall").orElseThrow();
        assertThat(after.runs()).isFalse();
        assertThat(after.note()).contains("not run in blue/green deployments on original instances");
    }

    @Test
    void trafficEventsDoNotRunWithoutLoadBalancerAndUnknownNamesNever() {
        DeploymentPlan p = plan(spec(List.of(), List.of(), script("BeforeAllowTraffic", "a.sh", 10),
                script("AfterInstal", "a.sh", 10)), Archives.of("appspec.yml", "a.sh"), DeploymentType.IN_PLACE);
        assertThat(p.event("BeforeAllowTraffic").orElseThrow().runs()).isFalse();
        assertThat(p.event("AfterInstal").orElseThrow().note()).contains("not a lifecycle event");
        DeploymentPlan lb = plan(spec(List.of(), List.of(), script("BeforeAllowTraffic", "a.sh", 10)),
                Archives.of("appspec.yml", "a.sh"), DeploymentType.IN_PLACE_WITH_LB);
        assertThat(lb.event("BeforeAllowTraffic").orElseThrow().runs()).isTrue();
    }

    @Test
    void previousRevisionEventsWithoutAPreviousListTheNextDeploymentsScripts() {
        DeploymentPlan p = plan(spec(List.of(), List.of(), script("ApplicationStop", "scripts/stop.sh", 10)),
                Archives.of("appspec.yml", "scripts/stop.sh"), DeploymentType.IN_PLACE);
        PlannedEvent stop = p.event("ApplicationStop").orElseThrow();
        assertThat(stop.note()).contains("nothing on a first deployment");
        assertThat(stop.scripts().get(0).path()).isEqualTo(ARCHIVE + "/scripts/stop.sh");
    }

    @Test
    void thePlanDecidesWhoseScriptsEachEventRunsAlsoForNamesItDoesNotList() {
        DeploymentPlan p = plan(spec(List.of(), List.of(), script("ApplicationStop", "scripts/stop.sh", 10),
                script("AfterInstall", "scripts/stop.sh", 10)), Archives.of("appspec.yml", "scripts/stop.sh"),
                DeploymentType.IN_PLACE);
        assertThat(p.sourceOf("ApplicationStop")).isEqualTo(RevisionSource.PREVIOUS);
        assertThat(p.sourceOf("AfterInstall")).isEqualTo(RevisionSource.CURRENT);
        assertThat(p.sourceOf("Install")).isEqualTo(RevisionSource.AGENT);
        // not in this in-place plan, yet a run may ask for it (--events): still the last successful revision's
        assertThat(p.event("BeforeBlockTraffic")).isEmpty();
        assertThat(p.sourceOf("BeforeBlockTraffic")).isEqualTo(RevisionSource.PREVIOUS);
        assertThat(p.sourceOf("MyCustomEvent")).isEqualTo(RevisionSource.CURRENT);
    }

    @Test
    void linksInsideTheRevisionAreFollowedAndDirectoriesRecognised() {
        AppSpec spec = spec(List.of(), List.of(), script("AfterInstall", "bin/run.sh", 10),
                script("ApplicationStart", "scripts", 10));
        DeploymentPlan p = plan(spec, Archives.of("appspec.yml", "scripts/run.sh", "bin -> scripts"),
                DeploymentType.IN_PLACE);
        assertThat(only(p, "AfterInstall").bundleEntry()).isEqualTo("scripts/run.sh");
        assertThat(only(p, "ApplicationStart").target()).isEqualTo(ScriptTarget.DIRECTORY);
    }

    @Test
    void loneAppSpecGivesPathsButNoEntries() {
        AppSpec spec = spec(List.of(), List.of(), script("AfterInstall", "scripts/a.sh", 10));
        DeploymentPlan p = planner.plan(LAYOUT, DeploymentType.IN_PLACE,
                spec, Optional.empty(), InstanceFiles.FRESH_LINUX, null);
        PlannedScript s = only(p, "AfterInstall");
        assertThat(s.target()).isEqualTo(ScriptTarget.UNKNOWN);
        assertThat(s.path()).isEqualTo(ARCHIVE + "/scripts/a.sh");
        assertThat(p.install().steps()).isEmpty();
    }
}
