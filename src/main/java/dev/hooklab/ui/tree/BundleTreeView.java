package dev.hooklab.ui.tree;

import dev.hooklab.ui.ViewsStyle;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selection;
import dev.hooklab.ui.model.Selections;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The revision's files as the agent lays them out in deployment-archive ({@code #bundle-tree}): name with
 * badges for hook scripts, {@code files} sources and ghosts, size, mode and link target; a filter field above.
 * Folders fill when first opened.
 */
public final class BundleTreeView {
    static final String ORIGIN = "tree";
    private static final int FILTER_LIMIT = 2000;
    static final String DEPLOYMENT_ARCHIVE = "deployment-archive: the folder where the agent unpacks the revision on "
            + "the instance, <root>/<deployment group id>/<deployment id>/deployment-archive. Hook locations and files "
            + "sources are paths inside it.";

    private final RevisionModel revision;
    private final BundleTreeModel model = new BundleTreeModel();
    private final TreeTableView<TreeNode> table = new TreeTableView<>();
    private final TextField filter = TextFields.createClearableTextField();
    private final Label caption = new Label();
    private final VBox node;
    private boolean syncing;

    public BundleTreeView(RevisionModel revision) {
        this.revision = revision;
        table.setId("bundle-tree");
        table.setShowRoot(true);
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        TreeTableColumn<TreeNode, TreeNode> name = nameColumn();
        TreeTableColumn<TreeNode, String> size = textColumn("Size", TreeNode::sizeText, 54, "number");
        TreeTableColumn<TreeNode, String> mode = textColumn("Mode", TreeNode::modeText, 70, "monospace");
        mode.getStyleClass().add("tree-mode");
        TreeTableColumn<TreeNode, String> link = textColumn("Link target", TreeNode::targetText, 110, "monospace");
        link.visibleProperty().bind(model.hasLinksProperty());
        table.getColumns().addAll(List.of(name, size, mode, link));
        // the name takes what the other columns leave (at least 150 px; then the table scrolls sideways); a name
        // still too long is cut in its middle, so its end (the extension) stays, and the tooltip has the full path
        name.prefWidthProperty().bind(Bindings.max(150, table.widthProperty().subtract(size.widthProperty())
                .subtract(mode.widthProperty()).subtract(Bindings.when(link.visibleProperty())
                        .then(link.widthProperty()).otherwise(0)).subtract(18)));
        table.setPlaceholder(new Label("No revision open"));
        filter.setId("bundle-filter");
        filter.setPromptText("Filter by name");
        caption.getStyleClass().add("tree-caption");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.managedProperty().bind(caption.textProperty().isNotEmpty());
        caption.visibleProperty().bind(caption.managedProperty());
        caption.textProperty().bind(model.captionProperty());
        node = ViewsStyle.apply(new VBox(filter, caption, table));
        node.getStyleClass().add("bundle-tree-view");
        VBox.setVgrow(table, Priority.ALWAYS);

        revision.inspectionProperty().addListener((o, old, in) -> {
            model.show(in);
            rebuild();
        });
        filter.textProperty().addListener((o, old, text) -> rebuild());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (!syncing && item != null && revision.getInspection() != null) {
                revision.select(Selections.ofFile(revision.getInspection(), item.getValue().path(), ORIGIN));
            }
        });
        revision.selectionProperty().addListener((o, old, s) -> follow(s));
        model.show(revision.getInspection());
        rebuild();
    }

    public Node node() {
        return node;
    }

    /** The view model (for the shell's Find action and tests). */
    public BundleTreeModel model() {
        return model;
    }

    TreeTableView<TreeNode> table() {
        return table;
    }

    TextField filterField() {
        return filter;
    }

    /** Shows the model again (a new revision, a re-judge, a filter), keeping the open folders and the selection. */
    private void rebuild() {
        Set<String> open = new HashSet<>();
        if (table.getRoot() != null) {
            expanded(table.getRoot(), open);
        }
        TreeNode root = model.rootProperty().get();
        String text = filter.getText() == null ? "" : filter.getText().strip();
        if (root == null) {
            table.setRoot(null);
        } else if (text.isEmpty()) {
            TreeItem<TreeNode> item = new LazyItem(root, model);
            item.setExpanded(true);
            table.setRoot(item);
            reopen(item, open);
        } else {
            table.setRoot(filtered(root, model.matches(text, FILTER_LIMIT)));
        }
        Selection s = revision.getSelection();
        if (s.file() != null) {
            reveal(s.file());
        }
    }

    /** The open folders among the rows made so far (a lazy folder never opened has none). */
    private static void expanded(TreeItem<TreeNode> item, Set<String> into) {
        if (item.isExpanded() && !item.isLeaf()) {
            into.add(item.getValue().path());
            for (TreeItem<TreeNode> child : item.getChildren()) {
                expanded(child, into);
            }
        }
    }

    private static void reopen(TreeItem<TreeNode> item, Set<String> open) {
        for (TreeItem<TreeNode> child : item.getChildren()) {
            if (!child.isLeaf() && open.contains(child.getValue().path())) {
                child.setExpanded(true);
                reopen(child, open);
            }
        }
    }

    /** Only the matches and the folders that hold them, all open. */
    private TreeItem<TreeNode> filtered(TreeNode root, BundleTreeModel.Matches matches) {
        TreeItem<TreeNode> top = new TreeItem<>(root);
        Map<String, TreeItem<TreeNode>> made = new HashMap<>();
        made.put("", top);
        for (String path : matches.paths()) {
            item(path, made);
        }
        if (matches.truncated()) {
            top.getChildren().add(new TreeItem<>(new TreeNode("(more than " + FILTER_LIMIT + " matches: type more)",
                    "", null, TreeNode.Kind.GHOST, List.of(), null)));
        }
        top.setExpanded(true);
        return top;
    }

    private TreeItem<TreeNode> item(String path, Map<String, TreeItem<TreeNode>> made) {
        TreeItem<TreeNode> known = made.get(path);
        if (known != null) {
            return known;
        }
        TreeItem<TreeNode> parent = item(BundleTreeModel.parent(path), made);
        TreeItem<TreeNode> item = new TreeItem<>(model.node(path));
        item.setExpanded(true);
        parent.getChildren().add(item);
        made.put(path, item);
        return item;
    }

    /** Another view selected something: open the folders down to its file and select it. */
    private void follow(Selection s) {
        if (!s.madeBy(ORIGIN) && s.file() != null) {
            reveal(s.file());
        }
    }

    private void reveal(String file) {
        if (table.getRoot() == null) {
            return;
        }
        TreeItem<TreeNode> at = table.getRoot();
        if (!file.isEmpty()) {
            for (String segment : file.split("/")) {
                at.setExpanded(true);
                TreeItem<TreeNode> next = null;
                for (TreeItem<TreeNode> child : at.getChildren()) {
                    if (child.getValue().name().equals(segment)) {
                        next = child;
                        break;
                    }
                }
                if (next == null) {
                    return;
                }
                at = next;
            }
        }
        syncing = true;
        try {
            table.getSelectionModel().select(at);
            int row = table.getRow(at);
            if (row >= 0) {
                table.scrollTo(Math.max(0, row - 3));
            }
        } finally {
            syncing = false;
        }
    }

    private TreeTableColumn<TreeNode, TreeNode> nameColumn() {
        TreeTableColumn<TreeNode, TreeNode> c = new TreeTableColumn<>("Name");
        c.setPrefWidth(260);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue().getValue()));
        c.setCellFactory(col -> new NameCell());
        return c;
    }

    private static TreeTableColumn<TreeNode, String> textColumn(String title, Function<TreeNode, String> value,
                                                                double width, String style) {
        TreeTableColumn<TreeNode, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue().getValue())));
        if (style != null) {
            c.getStyleClass().add(style);
        }
        return c;
    }

    /** A folder whose rows are made when the tree first asks for them. */
    private static final class LazyItem extends TreeItem<TreeNode> {
        private final BundleTreeModel model;
        private boolean loaded;

        LazyItem(TreeNode value, BundleTreeModel model) {
            super(value);
            this.model = model;
        }

        @Override
        public boolean isLeaf() {
            return !getValue().isFolder();
        }

        @Override
        public ObservableList<TreeItem<TreeNode>> getChildren() {
            if (!loaded) {
                loaded = true;
                List<TreeItem<TreeNode>> rows = model.children(getValue().path()).stream()
                        .map(n -> (TreeItem<TreeNode>) new LazyItem(n, model)).toList();
                super.getChildren().setAll(rows);
            }
            return super.getChildren();
        }
    }

    /** Icon, name (a plain Label) and badges; the tooltip says what the badges mean. */
    private static final class NameCell extends TreeTableCell<TreeNode, TreeNode> {
        @Override
        protected void updateItem(TreeNode n, boolean empty) {
            super.updateItem(n, empty);
            getStyleClass().removeAll("ghost", "hook", "stripped-root");
            setTooltip(null);
            if (empty || n == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(null);
            HBox box = new HBox(4);
            box.getStyleClass().add("name-box");
            FontIcon icon = new FontIcon(switch (n.kind()) {
                case ROOT, FOLDER -> Material2AL.FOLDER;
                case LINK -> Material2AL.LINK;
                case GHOST, GHOST_FOLDER -> Material2OutlinedAL.HELP_OUTLINE;
                case FILE -> Material2OutlinedAL.INSERT_DRIVE_FILE;
            });
            icon.getStyleClass().add("tree-icon");
            Label name = new Label(n.name());
            name.getStyleClass().add("tree-name");
            name.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            name.setMinWidth(24);
            box.getChildren().addAll(icon, name);
            StringBuilder tip = new StringBuilder(n.path().isEmpty() ? n.name() : n.path());
            if (n.kind() == TreeNode.Kind.ROOT) {
                tip.append("\n").append(DEPLOYMENT_ARCHIVE);
            }
            if (n.isGhost()) {
                getStyleClass().add("ghost");
                tip.append("\nNot in the revision");
                if (!n.hookEvents().isEmpty()) {
                    tip.append(": ").append(String.join(", ", n.hookEvents()))
                            .append(" runs this path, so the agent fails with \"Script does not exist\"");
                }
            } else if (!n.hookEvents().isEmpty()) {
                getStyleClass().add("hook");
                Label b = badge(String.join(", ", n.hookEvents()), "badge-hook");
                b.setGraphic(new FontIcon(Material2AL.FLASH_ON));
                box.getChildren().add(b);
                tip.append("\nHook script of ").append(String.join(", ", n.hookEvents()));
            }
            if (n.filesTarget() != null && n.kind() != TreeNode.Kind.ROOT) {
                box.getChildren().add(badge("\u2192 " + n.filesTarget(), "badge-files"));
                tip.append("\nfiles: the Install step copies this to ").append(n.filesTarget());
            }
            setGraphic(box);
            setTooltip(new Tooltip(tip.toString()));
        }

        private static Label badge(String text, String style) {
            Label l = new Label(text);
            l.getStyleClass().addAll("tree-badge", style);
            return l;
        }
    }
}
