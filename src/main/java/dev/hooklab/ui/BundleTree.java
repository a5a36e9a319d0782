package dev.hooklab.ui;

import dev.hooklab.bundle.BundleEntry;
import dev.hooklab.bundle.DeploymentArchive;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.plan.ScriptTarget;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

import java.util.HashSet;
import java.util.Set;

/** The revision's files as deployment-archive will hold them, with hook scripts and files sources marked. */
final class BundleTree extends TreeView<BundleTree.Node> {

    /** @param name shown name; @param path archive path; @param entry the bundle entry if it has one */
    record Node(String name, String path, BundleEntry entry, boolean hook, boolean missing) {
        @Override
        public String toString() {
            return name;
        }
    }

    BundleTree() {
        setShowRoot(true);
        setCellFactory(tv -> new TreeCell<>() {
            @Override
            protected void updateItem(Node n, boolean empty) {
                super.updateItem(n, empty);
                getStyleClass().removeAll("hook", "missing");
                if (empty || n == null) {
                    setText(null);
                    return;
                }
                StringBuilder text = new StringBuilder(n.name());
                if (n.entry() != null && !n.entry().isDirectory()) {
                    text.append("   ").append(n.entry().size()).append(" B");
                    if (n.entry().mode() != null) {
                        text.append("  ").append(String.format("%04o", n.entry().mode()));
                    }
                }
                if (n.hook()) {
                    text.append("   [hook]");
                    getStyleClass().add("hook");
                }
                if (n.missing()) {
                    text.append("   [missing]");
                    getStyleClass().add("missing");
                }
                setText(text.toString());
            }
        });
    }

    void show(Inspection in) {
        if (in.bundle().isEmpty()) {
            setRoot(new TreeItem<>(new Node(in.input().getFileName() + " (AppSpec alone)", "", null, false, false)));
            return;
        }
        DeploymentArchive r = in.bundle().get().archive();
        Set<String> hooks = new HashSet<>();
        Set<String> missing = new HashSet<>();
        in.plan().events().forEach(e -> e.scripts().forEach((PlannedScript s) -> {
            if (s.target() == ScriptTarget.FOUND && s.archivePath() != null) {
                hooks.add(r.resolve(s.archivePath()).orElse(s.archivePath()));
            } else if (s.target() == ScriptTarget.MISSING && s.archivePath() != null) {
                missing.add(s.archivePath());
            }
        }));
        TreeItem<Node> root = new TreeItem<>(new Node("deployment-archive", "", null, false, false));
        root.setExpanded(true);
        add(root, "", r, hooks, 0);
        for (String m : missing) {
            root.getChildren().add(new TreeItem<>(new Node(m, m, null, false, true)));
        }
        setRoot(root);
    }

    private static void add(TreeItem<Node> parent, String dir, DeploymentArchive r, Set<String> hooks, int depth) {
        for (String name : r.children(dir)) {
            String path = dir.isEmpty() ? name : dir + "/" + name;
            TreeItem<Node> item = new TreeItem<>(new Node(name, path, r.entry(path).orElse(null), hooks.contains(path),
                    false));
            if (r.isDirectory(path)) {
                add(item, path, r, hooks, depth + 1);
                item.setExpanded(depth < 1);
            }
            parent.getChildren().add(item);
        }
    }
}
