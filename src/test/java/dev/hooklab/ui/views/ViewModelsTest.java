package dev.hooklab.ui.views;

import dev.hooklab.app.Hooklab;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentType;
import dev.hooklab.ui.appspec.AppSpecModel;
import dev.hooklab.ui.findings.FindingsModel;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selection;
import dev.hooklab.ui.model.Selections;
import dev.hooklab.ui.plan.PlanEntry;
import dev.hooklab.ui.plan.PlanModel;
import dev.hooklab.ui.settings.SettingsModel;
import dev.hooklab.ui.tree.BundleTreeModel;
import dev.hooklab.ui.tree.TreeNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The views' models over real inspections of revisions built here, without a stage. */
class ViewModelsTest {
    static final String ARCHIVE = "/opt/codedeploy-agent/deployment-root/" + ViewsHarness.GROUP_ID + "/"
            + ViewsHarness.DEPLOYMENT_ID + "/deployment-archive/";

    @TempDir
    static Path tmp;
    static Inspection seed;

    @BeforeAll
    static void inspectTheSeedStory() throws Exception {
        seed = inspect(ViewsHarness.seedStory(tmp.resolve("seed")), DeploymentType.IN_PLACE);
    }

    static Inspection inspect(Path input, DeploymentType type) throws Exception {
        return Hooklab.create().inspector().inspect(input, new DeploymentLayout(TargetOs.LINUX,
                DeploymentLayout.LINUX_ROOT, ViewsHarness.GROUP_ID, ViewsHarness.DEPLOYMENT_ID),
                InspectOptions.defaults().withType(type));
    }

    @Test
    void planRowsShowThePartAfterDeploymentArchiveAndKeepTheWholePath() {
        PlanModel plan = new PlanModel();
        plan.show(seed);
        assertThat(plan.archiveDirProperty().get() + "/").isEqualTo(ARCHIVE);
        assertThat(plan.rows()).extracting(PlanEntry::event).containsSubsequence("ApplicationStop", "DownloadBundle",
                "BeforeInstall", "Install", "AfterInstall", "ApplicationStart", "ValidateService");
        PlanEntry after = row(plan, "AfterInstall");
        assertThat(after.location()).isEqualTo("/var/app/current/start_aplication.sh");
        assertThat(after.path()).isEqualTo(ARCHIVE + "var/app/current/start_aplication.sh");
        assertThat(after.shownPath()).isEqualTo("var/app/current/start_aplication.sh");
        assertThat(after.found()).isEqualTo("missing");
        assertThat(after.timeout()).isEqualTo("180");
        PlanEntry stop = row(plan, "ApplicationStop");
        assertThat(stop.runsFrom()).isEqualTo("previous");
        assertThat(stop.runsWhy()).contains("last successful revision");
        assertThat(row(plan, "Install").location()).isEqualTo("(the agent's own step)");

        plan.selectedProperty().set(after);
        assertThat(plan.detailPathProperty().get()).isEqualTo(after.path());
        assertThat(plan.detailNoteProperty().get())
                .contains("Script does not exist at specified location: " + after.path())
                .contains("fix: location: start_aplication.sh");
    }

    @Test
    void anotherDeploymentTypeGivesItsEventsInItsOrder() throws Exception {
        PlanModel plan = new PlanModel();
        plan.show(inspect(tmp.resolve("seed"), DeploymentType.IN_PLACE_WITH_LB));
        assertThat(plan.rows()).extracting(PlanEntry::event).containsSubsequence("BeforeBlockTraffic",
                "AfterBlockTraffic", "ApplicationStop", "DownloadBundle", "AfterInstall", "ValidateService",
                "BeforeAllowTraffic", "AfterAllowTraffic");
    }

    @Test
    void theTreeShowsHookScriptsFilesSourcesAndAGhostWhereTheHookLooks() {
        BundleTreeModel tree = new BundleTreeModel();
        tree.show(seed);
        assertThat(tree.rootProperty().get().name()).isEqualTo("deployment-archive");
        assertThat(tree.rootProperty().get().filesTarget()).isEqualTo("/var/app/current");
        assertThat(tree.captionProperty().get()).contains("/ \u2192 /var/app/current");
        assertThat(tree.children("")).extracting(TreeNode::name)
                .containsExactly("scripts", "var", "appspec.yml", "index.html", "start_aplication.sh");
        assertThat(tree.node("var").kind()).isEqualTo(TreeNode.Kind.GHOST_FOLDER);
        TreeNode ghost = tree.children("var/app/current").get(0);
        assertThat(ghost.path()).isEqualTo("var/app/current/start_aplication.sh");
        assertThat(ghost.kind()).isEqualTo(TreeNode.Kind.GHOST);
        assertThat(ghost.hookEvents()).containsExactly("AfterInstall");
        TreeNode stop = tree.node("scripts/stop_application.sh");
        assertThat(stop.kind()).isEqualTo(TreeNode.Kind.FILE);
        assertThat(stop.hookEvents()).containsExactly("ApplicationStop");
        assertThat(tree.node("start_aplication.sh").hookEvents()).isEmpty();
        assertThat(tree.matches("APLIC", 10).paths())
                .containsExactly("start_aplication.sh", "var/app/current/start_aplication.sh");
    }

    @Test
    void modesReadAsLsPrintsThem() {
        assertThat(TreeNode.mode(0755)).isEqualTo("rwxr-xr-x");
        assertThat(TreeNode.mode(0644)).isEqualTo("rw-r--r--");
        assertThat(TreeNode.mode(04755)).isEqualTo("rwsr-xr-x");
        assertThat(TreeNode.mode(01777)).isEqualTo("rwxrwxrwt");
        assertThat(TreeNode.mode(02640)).isEqualTo("rw-r-S---");
    }

    @Test
    void aZipWithOneTopFolderIsShownStrippedAndItsFoldersFillOnDemand() throws Exception {
        Path zip = tmp.resolve("big.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "app/appspec.yml", "version: 0.0\nos: linux\n");
            for (int d = 0; d < 20; d++) {
                for (int f = 0; f < 500; f++) {
                    put(out, "app/d" + d + "/f" + f + ".txt", "");
                }
            }
        }
        BundleTreeModel tree = new BundleTreeModel();
        tree.show(inspect(zip, DeploymentType.IN_PLACE));
        assertThat(tree.captionProperty().get()).contains("strips the top folder app/");
        assertThat(tree.rootProperty().get().name()).startsWith("app/ (stripped)");
        assertThat(tree.children("")).hasSize(21);
        assertThat(tree.children("d7")).hasSize(500).first().extracting(TreeNode::path).isEqualTo("d7/f0.txt");
        BundleTreeModel.Matches some = tree.matches("f1", 100);
        assertThat(some.paths()).hasSize(100);
        assertThat(some.truncated()).isTrue();
    }

    private static void put(ZipOutputStream out, String name, String body) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        OutputStream o = out;
        o.write(body.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void findingsCountAndFilterBySeverity() {
        FindingsModel findings = new FindingsModel();
        findings.show(seed);
        assertThat(findings.countProperty(Severity.ERROR).get()).isEqualTo(1);
        assertThat(findings.shown()).extracting(d -> d.code().slug()).contains("script-missing", "location-leading-slash");
        findings.visibleProperty(Severity.ERROR).set(false);
        assertThat(findings.shown()).extracting(Diagnostic::severity).doesNotContain(Severity.ERROR).isNotEmpty();
        findings.visibleProperty(Severity.WARNING).set(false);
        findings.visibleProperty(Severity.INFO).set(false);
        assertThat(findings.shown()).isEmpty();
        assertThat(findings.all()).hasSize(seed.diagnostics().size());
    }

    @Test
    void theAppSpecMarksEachFindingOnItsLineAndColumn() {
        AppSpecModel appspec = new AppSpecModel();
        appspec.show(seed);
        assertThat(appspec.titleProperty().get()).isEqualTo("appspec.yml");
        assertThat(appspec.fileProperty().get()).isEqualTo(tmp.resolve("seed/appspec.yml"));
        Diagnostic missing = seed.diagnostics().stream().filter(d -> d.code().slug().equals("script-missing"))
                .findFirst().orElseThrow();
        String line = appspec.textProperty().get().split("\n")[missing.line() - 1];
        assertThat(line).contains("location: /var/app/current/start_aplication.sh");
        assertThat(appspec.marksAt(missing.line() - 1, missing.column() - 1)).first().satisfies(m -> {
            assertThat(m.severity()).isEqualTo(Severity.ERROR);
            assertThat(line.substring(m.from(), m.to())).isEqualTo("/var/app/current/start_aplication.sh");
            assertThat(m.message()).contains("script-missing").contains("agent: Script does not exist");
        });
        assertThat(appspec.worstOn(missing.line() - 1)).isEqualTo(Severity.ERROR);
        assertThat(appspec.worstOn(0)).isNull();
    }

    @Test
    void aFindingSelectsItsLineAndTheEntryItsScriptReaches() {
        Diagnostic missing = seed.diagnostics().stream().filter(d -> d.code().slug().equals("script-missing"))
                .findFirst().orElseThrow();
        Selection s = Selections.ofFinding(seed, missing, "findings");
        assertThat(s.line()).isEqualTo(missing.line());
        assertThat(s.file()).isEqualTo("var/app/current/start_aplication.sh");
        assertThat(s.event()).isEqualTo("AfterInstall");
        Selection tree = Selections.ofFile(seed, "scripts/validate_service.sh", "tree");
        assertThat(tree.event()).isEqualTo("ValidateService");
        assertThat(seed.appspec().text().split("\n")[tree.line() - 1]).contains("scripts/validate_service.sh");
    }

    @Test
    void settingsWriteTheLayoutAndOptionsAndShowWhatIsSetElsewhere() {
        RevisionModel revision = new RevisionModel();
        SettingsModel settings = new SettingsModel(revision);
        assertThat(settings.typeProperty().get()).isEqualTo(DeploymentType.IN_PLACE);
        assertThat(settings.appspecNameProperty().get()).isEqualTo("appspec.yml");
        assertThat(settings.deploymentGroupIdProperty().get()).isEqualTo(DeploymentLayout.LOCAL_GROUP);
        settings.deploymentGroupIdProperty().set(" g-1 ");
        settings.typeProperty().set(DeploymentType.BLUE_GREEN_REPLACEMENT);
        settings.rootDirProperty().set("/srv/agent");
        settings.fileExistsBehaviorProperty().set("RETAIN");
        assertThat(revision.getLayout()).isEqualTo(new DeploymentLayout(TargetOs.LINUX, "/srv/agent", "g-1", ""));
        assertThat(revision.getOptions()).isEqualTo(new InspectOptions(DeploymentType.BLUE_GREEN_REPLACEMENT,
                "appspec.yml", null, "RETAIN"));
        settings.rootDirProperty().set("  ");
        assertThat(revision.getLayout().rootDir()).isEqualTo(DeploymentLayout.LINUX_ROOT);
        settings.osProperty().set(TargetOs.WINDOWS); // the default root follows the OS
        assertThat(revision.getLayout().rootDir()).isEqualTo(DeploymentLayout.WINDOWS_ROOT);
        settings.osProperty().set(TargetOs.LINUX);

        revision.layoutProperty().set(new DeploymentLayout(TargetOs.LINUX, "/opt/agent", "from-a-pasted-error",
                "d-PASTED000"));
        assertThat(settings.deploymentGroupIdProperty().get()).isEqualTo("from-a-pasted-error");
        assertThat(settings.deploymentIdProperty().get()).isEqualTo("d-PASTED000");
        assertThat(settings.rootDirProperty().get()).isEqualTo("/opt/agent");
        settings.applicationNameProperty().set("shop");
        assertThat(revision.getLayout().deploymentId()).isEqualTo("d-PASTED000");
        assertThat(revision.getOptions().type()).isEqualTo(DeploymentType.BLUE_GREEN_REPLACEMENT);
    }

    private static PlanEntry row(PlanModel plan, String event) {
        return plan.rows().stream().filter(r -> r.event().equals(event)).findFirst().orElseThrow();
    }
}
