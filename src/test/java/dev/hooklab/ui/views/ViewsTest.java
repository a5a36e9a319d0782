package dev.hooklab.ui.views;

import atlantafx.base.theme.PrimerLight;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.plan.DeploymentType;
import dev.hooklab.ui.plan.PlanEntry;
import dev.hooklab.ui.tree.TreeNode;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five views in one scene under Monocle, on the seed story, with {@link ViewsHarness} re-judging on every
 * settings change as the shell will.
 */
@ExtendWith(ApplicationExtension.class)
class ViewsTest {
    @TempDir
    Path tmp;

    private ViewsHarness h;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        h = new ViewsHarness();
        stage.setScene(new Scene(h.layout(), 1280, 800));
        stage.show();
    }

    private void openSeed(FxRobot robot) {
        Path seed = ViewsHarness.seedStory(tmp.resolve("seed"));
        robot.interact(() -> h.open(seed));
    }

    @Test
    void theSeedStoryShowsItsComputedPathAndItsError(FxRobot robot) {
        openSeed(robot);
        TableView<PlanEntry> plan = robot.lookup("#plan-table").queryTableView();
        PlanEntry after = plan.getItems().stream().filter(r -> r.event().equals("AfterInstall")).findFirst().orElseThrow();
        assertThat(after.path()).isEqualTo(ViewModelsTest.ARCHIVE + "var/app/current/start_aplication.sh");
        assertThat(robot.lookup("#plan-archive-dir").queryAs(Label.class).getText()).isEqualTo(ViewModelsTest.ARCHIVE);
        // the cell shows the part after deployment-archive as plain text, the row is marked missing
        TableRow<?> row = rowOf(robot, "AfterInstall");
        assertThat(row.getStyleClass()).contains("missing");
        assertThat(robot.from(row).lookup("var/app/current/start_aplication.sh").tryQuery()).isPresent();

        robot.clickOn(row);
        assertThat(robot.lookup("#plan-full-path").queryAs(TextArea.class).getText()).isEqualTo(after.path());
        assertThat(robot.lookup("#plan-detail-note").queryAs(Label.class).getText())
                .contains("Script does not exist at specified location: " + after.path());
        robot.clickOn("#plan-copy-path");
        assertThat(h.copied).containsExactly(after.path());

        TreeTableView<TreeNode> tree = robot.lookup("#bundle-tree").queryAs(TreeTableView.class);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().kind()).isEqualTo(TreeNode.Kind.GHOST);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().path())
                .isEqualTo("var/app/current/start_aplication.sh");
        ListView<Diagnostic> findings = robot.lookup("#findings").queryListView();
        assertThat(findings.getItems()).extracting(d -> d.code().slug()).contains("script-missing");
        assertThat(robot.lookup("#findings-error").queryLabeled().getText()).isEqualTo("1 error");
    }

    @Test
    void changingTheDeploymentGroupIdOrTypeUpdatesThePaths(FxRobot robot) {
        openSeed(robot);
        TreeTableView<TreeNode> tree = robot.lookup("#bundle-tree").queryAs(TreeTableView.class);
        robot.interact(() -> tree.getRoot().getChildren().get(0).setExpanded(true));
        robot.clickOn("#deployment-group-id").push(KeyCode.CONTROL, KeyCode.A).write("my-group").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.revision.getLayout().deploymentGroupId()).isEqualTo("my-group");
        TableView<PlanEntry> plan = robot.lookup("#plan-table").queryTableView();
        assertThat(plan.getItems()).filteredOn(r -> r.event().equals("AfterInstall")).singleElement()
                .extracting(PlanEntry::path).isEqualTo("/opt/codedeploy-agent/deployment-root/my-group/"
                        + ViewsHarness.DEPLOYMENT_ID + "/deployment-archive/var/app/current/start_aplication.sh");
        assertThat(robot.lookup("#plan-archive-dir").queryAs(Label.class).getText()).contains("/my-group/");
        // a re-judge keeps the folders the user opened
        assertThat(tree.getRoot().getChildren().get(0).getValue().path()).isEqualTo("scripts");
        assertThat(tree.getRoot().getChildren().get(0).isExpanded()).isTrue();

        assertThat(plan.getItems()).extracting(PlanEntry::event).doesNotContain("BeforeBlockTraffic");
        ComboBox<DeploymentType> type = robot.lookup("#deployment-type").queryComboBox();
        robot.interact(() -> type.getSelectionModel().select(DeploymentType.IN_PLACE_WITH_LB));
        assertThat(h.revision.getInspection().plan().type()).isEqualTo(DeploymentType.IN_PLACE_WITH_LB);
        assertThat(plan.getItems()).extracting(PlanEntry::event).startsWith("BeforeBlockTraffic", "AfterBlockTraffic");
        assertThat(h.revision.getLayout().deploymentGroupId()).isEqualTo("my-group");
    }

    @Test
    void aClickOnAFindingSelectsItsAppSpecLineAndTheTreeEntry(FxRobot robot) {
        openSeed(robot);
        Diagnostic missing = h.revision.getInspection().diagnostics().stream()
                .filter(d -> d.code().slug().equals("script-missing")).findFirst().orElseThrow();
        Node cell = robot.lookup(".list-cell").match((ListCell<Diagnostic> c) -> c.getItem() == missing).query();
        robot.clickOn(cell);
        CodeArea appspec = robot.lookup("#appspec-view").queryAs(CodeArea.class);
        assertThat(appspec.getCurrentParagraph() + 1).isEqualTo(missing.line());
        assertThat(appspec.getSelectedText()).contains("location: /var/app/current/start_aplication.sh");
        TreeTableView<TreeNode> tree = robot.lookup("#bundle-tree").queryAs(TreeTableView.class);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().path())
                .isEqualTo("var/app/current/start_aplication.sh");
        TableView<PlanEntry> plan = robot.lookup("#plan-table").queryTableView();
        assertThat(plan.getSelectionModel().getSelectedItem().event()).isEqualTo("AfterInstall");
    }

    @Test
    void aTreeEntrySelectsItsPlanRowAndLineAndTheFilterNarrowsTheTree(FxRobot robot) {
        openSeed(robot);
        robot.clickOn("#bundle-filter").write("validate");
        TreeTableView<TreeNode> tree = robot.lookup("#bundle-tree").queryAs(TreeTableView.class);
        List<String> shown = new ArrayList<>();
        collect(tree.getRoot(), shown);
        assertThat(shown).containsExactly("", "scripts", "scripts/validate_service.sh");
        robot.clickOn("validate_service.sh");
        TableView<PlanEntry> plan = robot.lookup("#plan-table").queryTableView();
        assertThat(plan.getSelectionModel().getSelectedItem().event()).isEqualTo("ValidateService");
        CodeArea appspec = robot.lookup("#appspec-view").queryAs(CodeArea.class);
        assertThat(appspec.getParagraph(appspec.getCurrentParagraph()).getText()).contains("scripts/validate_service.sh");
    }

    @Test
    void theAppSpecOpensInTheEditorAndAReplacementIsJudgedInstead(FxRobot robot) throws Exception {
        openSeed(robot);
        robot.clickOn("#appspec-open");
        assertThat(h.opened).containsExactly(tmp.resolve("seed/appspec.yml"));

        Path other = Files.writeString(tmp.resolve("other.yml"), """
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: start_aplication.sh
                """);
        h.chosenAppSpec = other;
        // the settings pane scrolls: press the button as the keyboard would
        robot.interact(() -> robot.lookup("#appspec-override-choose").queryButton().fire());
        assertThat(h.revision.getOptions().appspecOverride()).isEqualTo(other);
        assertThat(robot.lookup("#appspec-title").queryLabeled().getText()).contains("replaces the revision's AppSpec");
        assertThat(robot.lookup("#findings-error").queryLabeled().getText()).isEqualTo("0 errors");
        TableView<PlanEntry> plan = robot.lookup("#plan-table").queryTableView();
        assertThat(plan.getItems()).filteredOn(r -> r.event().equals("AfterInstall")).singleElement()
                .extracting(PlanEntry::found).isEqualTo("found");
        robot.interact(() -> robot.lookup("#appspec-override-clear").queryButton().fire());
        assertThat(h.revision.getOptions().appspecOverride()).isNull();
        assertThat(robot.lookup("#findings-error").queryLabeled().getText()).isEqualTo("1 error");
    }

    @Test
    void aSeverityToggleHidesItsFindings(FxRobot robot) {
        openSeed(robot);
        ListView<Diagnostic> findings = robot.lookup("#findings").queryListView();
        robot.clickOn("#findings-error");
        assertThat(findings.getItems()).isNotEmpty().noneMatch(Diagnostic::isError);
        robot.clickOn("#findings-error");
        assertThat(findings.getItems()).anyMatch(Diagnostic::isError);
    }

    private static void collect(TreeItem<TreeNode> item, List<String> into) {
        into.add(item.getValue().path());
        item.getChildren().forEach(c -> collect(c, into));
    }

    private static TableRow<?> rowOf(FxRobot robot, String event) {
        return robot.lookup(".table-row-cell").match((TableRow<PlanEntry> r) -> r.getItem() != null
                && r.getItem().event().equals(event)).query();
    }

}
