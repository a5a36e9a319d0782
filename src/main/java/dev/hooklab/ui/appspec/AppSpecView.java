package dev.hooklab.ui.appspec;

import dev.hooklab.finding.Severity;
import dev.hooklab.ui.ViewsStyle;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selection;
import dev.hooklab.ui.model.Selections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The AppSpec as read ({@code #appspec-view}): read-only, with line numbers, every finding underlined on its line
 * and column with its message on hover, and "Open in editor" for an AppSpec that is a file on disk.
 */
public final class AppSpecView {
    static final String ORIGIN = "appspec";

    private final RevisionModel revision;
    private final AppSpecModel model = new AppSpecModel();
    private final CodeArea area = new CodeArea();
    private final Popup popup = new Popup();
    private final Label popupText = new Label();
    private final VBox node;
    private boolean syncing;

    /** @param opener opens a file in the user's editor (HostServices.showDocument, xdg-open, ...) */
    public AppSpecView(RevisionModel revision, Consumer<Path> opener) {
        this.revision = revision;
        area.setId("appspec-view");
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("appspec-area");
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(line -> gutter(numbers.apply(line), line));
        area.setMouseOverTextDelay(Duration.ofMillis(300));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            var pos = area.offsetToPosition(e.getCharacterIndex(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward);
            List<AppSpecModel.Mark> at = model.marksAt(pos.getMajor(), pos.getMinor());
            if (!at.isEmpty()) {
                popupText.setText(at.stream().map(AppSpecModel.Mark::message).collect(Collectors.joining("\n\n")));
                popup.show(area, e.getScreenPosition().getX() + 8, e.getScreenPosition().getY() + 12);
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> popup.hide());
        popupText.getStyleClass().add("appspec-popup");
        popupText.setWrapText(true);
        popupText.setMaxWidth(560);
        ViewsStyle.apply(popupText);
        popup.getContent().add(popupText);
        popup.setAutoHide(true);
        area.setOnMouseClicked(e -> selectCaretLine());
        // read-only text: Tab and Shift+Tab move the focus on instead of being taken as text (a focus trap), and
        // Enter selects the caret's line as a click does, so the view is used from the keyboard too
        Nodes.addInputMap(area, InputMap.sequence(
                InputMap.ignore(EventPattern.keyPressed(KeyCode.TAB)),
                InputMap.ignore(EventPattern.keyPressed(KeyCode.TAB, KeyCombination.SHIFT_DOWN)),
                InputMap.consume(EventPattern.keyPressed(KeyCode.ENTER), e -> selectCaretLine())));

        Label title = new Label();
        title.setId("appspec-title");
        title.getStyleClass().add("appspec-title");
        title.textProperty().bind(model.titleProperty());
        title.setGraphic(new FontIcon(Material2AL.DESCRIPTION));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button open = new Button("Open in editor", new FontIcon(Material2MZ.OPEN_IN_NEW));
        open.setId("appspec-open");
        open.getStyleClass().add("flat");
        open.disableProperty().bind(model.fileProperty().isNull());
        open.setOnAction(e -> {
            if (model.fileProperty().get() != null) {
                opener.accept(model.fileProperty().get());
            }
        });
        open.setTooltip(new Tooltip("Open the AppSpec file in your editor (an AppSpec inside an archive has no file"
                + " to open)"));
        HBox header = new HBox(6, title, grow, open);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        node = ViewsStyle.apply(new VBox(header, scroll));
        node.getStyleClass().add("appspec-view");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        revision.inspectionProperty().addListener((o, old, in) -> show());
        revision.selectionProperty().addListener((o, old, s) -> follow(s));
        show();
    }

    public Node node() {
        return node;
    }

    /** The line and column of the caret become the window's selection (its finding, script and tree entry). */
    private void selectCaretLine() {
        if (revision.getInspection() != null && !area.getText().isEmpty()) {
            revision.select(Selections.ofLine(revision.getInspection(), area.getCurrentParagraph() + 1,
                    area.getCaretColumn() + 1, ORIGIN));
        }
    }

    public AppSpecModel model() {
        return model;
    }

    CodeArea area() {
        return area;
    }

    private Node gutter(Node number, int line) {
        Severity worst = model.worstOn(line);
        if (worst == null) {
            FontIcon blank = new FontIcon(Material2AL.ERROR);
            blank.getStyleClass().add("gutter-none");
            return new HBox(number, blank);
        }
        FontIcon icon = new FontIcon(worst == Severity.ERROR ? Material2AL.ERROR
                : worst == Severity.WARNING ? Material2MZ.WARNING : Material2AL.INFO);
        icon.getStyleClass().addAll("gutter-icon", "severity-" + worst.label());
        HBox box = new HBox(number, icon);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void show() {
        popup.hide();
        model.show(revision.getInspection());
        syncing = true;
        try {
            area.replaceText(model.textProperty().get());
            for (AppSpecModel.Mark m : model.marks()) {
                int length = area.getParagraph(m.line()).length();
                if (m.from() < length) {
                    area.setStyle(m.line(), m.from(), Math.min(m.to(), length),
                            List.of("finding", "finding-" + m.severity().label()));
                }
            }
            area.moveTo(0);
            area.requestFollowCaret();
            area.getUndoManager().forgetHistory();
        } finally {
            syncing = false;
        }
        follow(revision.getSelection());
    }

    private void follow(Selection s) {
        if (s.madeBy(ORIGIN) || s.line() <= 0 || s.line() > area.getParagraphs().size()) {
            return;
        }
        int par = s.line() - 1;
        // the whole line selected, the caret at its start (so that the view does not scroll to the line's end)
        area.selectRange(par, area.getParagraph(par).length(), par, 0);
        area.requestFollowCaret();
    }

    /** The 1-based line the caret is on (for tests and the shell's status bar). */
    public int caretLine() {
        return area.getCurrentParagraph() + 1;
    }
}
