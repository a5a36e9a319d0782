package dev.hooklab.ui.shell;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the views of an open revision sit: the bundle tree and the deployment settings on the left (one tab
 * each), the plan across the middle, the AppSpec and the findings side by side below it. The plan gets the
 * widest space, since its paths are the point of the window. The split positions are remembered by name.
 */
public final class Workspace {
    private final SplitPane main;
    private final SplitPane centre;
    private final SplitPane bottom;
    private final TabPane left;

    public Workspace(Node tree, Node plan, Node appspec, Node findings, Node settings) {
        this(tree, plan, appspec, findings, settings, java.util.function.UnaryOperator.identity());
    }

    /** @param centreAround places the centre (the plan over the AppSpec and the findings), e.g. in a tab beside the run */
    public Workspace(Node tree, Node plan, Node appspec, Node findings, Node settings,
                     java.util.function.UnaryOperator<Node> centreAround) {
        Tab files = new Tab("Files", tree);
        files.setId("tab-files");
        Tab deployment = new Tab("Deployment", settings);
        deployment.setId("tab-deployment");
        left = new TabPane(files, deployment);
        left.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        left.setMinWidth(180);
        bottom = new SplitPane(appspec, findings);
        bottom.setDividerPositions(0.5);
        centre = new SplitPane(plan, bottom);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.5);
        main = new SplitPane(left, centreAround.apply(centre));
        main.setDividerPositions(0.28);
        main.setId("workspace");
        SplitPane.setResizableWithParent(left, false);
    }

    public Node node() {
        return main;
    }

    /** The left-hand tabs (files, deployment settings), for the shell's "show the settings" moves. */
    public TabPane leftTabs() {
        return left;
    }

    /** Every split pane by the name its positions are saved under. */
    public Map<String, SplitPane> splits() {
        Map<String, SplitPane> m = new LinkedHashMap<>();
        m.put("main", main);
        m.put("centre", centre);
        m.put("bottom", bottom);
        return m;
    }
}
