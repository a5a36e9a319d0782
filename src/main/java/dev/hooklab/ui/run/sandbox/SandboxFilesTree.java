package dev.hooklab.ui.run.sandbox;

import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.HashSet;
import java.util.Set;

/** The instance side of the sandbox as a tree ({@code #sandbox-files}); folders the user opened stay open. */
final class SandboxFilesTree {
    private final TreeView<SandboxSnapshot.FileNode> tree = new TreeView<>();
    private final Set<String> expanded = new HashSet<>();
    private final Set<String> collapsedRoots = new HashSet<>();

    SandboxFilesTree() {
        tree.setId("sandbox-files");
        tree.setShowRoot(false);
        tree.getStyleClass().add("sandbox-files");
        tree.setCellFactory(view -> new Cell());
    }

    TreeView<SandboxSnapshot.FileNode> tree() {
        return tree;
    }

    javafx.scene.Node node() {
        return tree;
    }

    void show(SandboxSnapshot snapshot) {
        if (snapshot == null) {
            tree.setRoot(null);
            expanded.clear();
            collapsedRoots.clear();
            return;
        }
        if (tree.getRoot() != null) {
            for (TreeItem<SandboxSnapshot.FileNode> top : tree.getRoot().getChildren()) {
                if (top.getValue().exists() && !top.isExpanded()) {
                    collapsedRoots.add(top.getValue().instancePath());
                } else {
                    collapsedRoots.remove(top.getValue().instancePath());
                }
            }
            remember(tree.getRoot());
        }
        TreeItem<SandboxSnapshot.FileNode> root = new TreeItem<>();
        for (SandboxSnapshot.FileNode node : snapshot.roots()) {
            TreeItem<SandboxSnapshot.FileNode> item = item(node);
            // the roots stay open unless the user closed them: /opt/codedeploy-agent, /var/app/current
            item.setExpanded(node.exists() && !collapsedRoots.contains(node.instancePath()));
            root.getChildren().add(item);
        }
        tree.setRoot(root);
    }

    private void remember(TreeItem<SandboxSnapshot.FileNode> item) {
        for (TreeItem<SandboxSnapshot.FileNode> child : item.getChildren()) {
            if (child.isExpanded()) {
                expanded.add(child.getValue().instancePath());
            } else {
                expanded.remove(child.getValue().instancePath());
            }
            remember(child);
        }
    }

    private TreeItem<SandboxSnapshot.FileNode> item(SandboxSnapshot.FileNode node) {
        TreeItem<SandboxSnapshot.FileNode> item = new TreeItem<>(node);
        node.children().forEach(child -> item.getChildren().add(item(child)));
        if (node.leftOut() > 0) {
            item.getChildren().add(new TreeItem<>(new SandboxSnapshot.FileNode("… " + node.leftOut()
                    + " more not shown", node.instancePath() + "/…", false, null, -1, true,
                    java.util.List.of(), 0)));
        }
        item.setExpanded(expanded.contains(node.instancePath()));
        return item;
    }

    private static final class Cell extends TreeCell<SandboxSnapshot.FileNode> {
        @Override
        protected void updateItem(SandboxSnapshot.FileNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().remove("sandbox-absent");
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            FontIcon icon;
            String text = node.name();
            if (!node.exists()) {
                icon = new FontIcon(Material2AL.FOLDER_OPEN);
                text += "  (not on the instance yet: Install creates it)";
                getStyleClass().add("sandbox-absent");
            } else if (node.link() != null) {
                icon = new FontIcon(Material2AL.LINK);
                text += " → " + node.link();
            } else if (node.folder()) {
                icon = new FontIcon(Material2AL.FOLDER);
            } else {
                icon = new FontIcon(Material2AL.INSERT_DRIVE_FILE);
                if (node.size() >= 0) {
                    text += "  " + size(node.size());
                }
            }
            icon.getStyleClass().add("sandbox-file-icon");
            setText(text);
            setGraphic(icon);
        }

        private static String size(long bytes) {
            return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? bytes / 1024 + " KB" : bytes / (1024 * 1024) + " MB";
        }
    }

}
