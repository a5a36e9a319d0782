package dev.hooklab.ui.tree;

import dev.hooklab.appspec.FileMapping;
import dev.hooklab.bundle.BundleEntry;
import dev.hooklab.bundle.EntryType;
import dev.hooklab.bundle.DeploymentArchive;
import dev.hooklab.bundle.TopFolder;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.plan.ScriptTarget;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bundle tree's view model: deployment-archive as the agent lays it out, row by row on demand (a folder's
 * rows are made when it is first opened, so a 100,000-entry bundle costs only its top level), with what each
 * path is to the deployment: a hook script (and for which events), a {@code files} source, or a ghost: a path a
 * hook names that the revision lacks. No JavaFX controls; testable without a stage.
 */
public final class BundleTreeModel {
    private static final Comparator<TreeNode> FOLDERS_FIRST = Comparator
            .comparing((TreeNode n) -> !n.isFolder()).thenComparing(TreeNode::name);

    private final ReadOnlyObjectWrapper<TreeNode> root = new ReadOnlyObjectWrapper<>(this, "root");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper hasLinks =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "hasLinks");
    private DeploymentArchive revision;
    private final Map<String, List<String>> hooks = new LinkedHashMap<>();
    private final Map<String, String> filesSources = new LinkedHashMap<>();
    private final Set<String> ghosts = new TreeSet<>();
    private final Set<String> ghostFolders = new TreeSet<>();

    /** Shows a judged revision (null: nothing open). */
    public void show(Inspection in) {
        hooks.clear();
        filesSources.clear();
        ghosts.clear();
        ghostFolders.clear();
        revision = in == null ? null : in.bundle().map(b -> b.archive()).orElse(null);
        hasLinks.set(in != null && in.bundle().map(b -> b.entries().stream()
                .anyMatch(e -> e.type() == EntryType.SYMLINK)).orElse(false));
        if (in == null) {
            root.set(null);
            caption.set("");
            return;
        }
        for (PlannedEvent e : in.plan().events()) {
            for (PlannedScript s : e.scripts()) {
                if (s.archivePath() == null) {
                    continue;
                }
                if (s.target() == ScriptTarget.MISSING && revision != null) {
                    addGhost(s.archivePath());
                    addHook(s.archivePath(), e.name());
                } else if (s.target() == ScriptTarget.FOUND || s.target() == ScriptTarget.DIRECTORY) {
                    String at = revision == null ? s.archivePath() : revision.resolve(s.archivePath()).orElse(s.archivePath());
                    addHook(at, e.name());
                    if (!at.equals(s.archivePath())) {
                        addHook(s.archivePath(), e.name());
                    }
                }
            }
        }
        for (FileMapping f : in.appspec().spec().files()) {
            filesSources.merge(archivePath(f.source()), f.destination(), (a, b) -> a + ", " + b);
        }
        if (revision == null) {
            root.set(new TreeNode(in.input().getFileName() + " (an AppSpec alone: no revision files)", "", null,
                    TreeNode.Kind.ROOT, List.of(), null));
            caption.set("");
            return;
        }
        TopFolder top = revision.topFolder();
        root.set(new TreeNode(top.stripped() ? top.folder() + "/ (stripped) = deployment-archive" : "deployment-archive", "", null, TreeNode.Kind.ROOT, hooks.getOrDefault("", List.of()),
                filesSources.get("")));
        String files = filesSources.containsKey("") ? "files: / \u2192 " + filesSources.get("")
                + " (Install copies the whole revision there)" : "";
        caption.set(String.join("\n", java.util.stream.Stream.of(top.stripped() ? "The agent strips the top folder "
                + top.folder() + "/: its contents are deployment-archive" : "", files)
                .filter(t -> !t.isEmpty()).toList()));
    }

    private void addHook(String path, String event) {
        List<String> events = hooks.computeIfAbsent(path, p -> new ArrayList<>());
        if (!events.contains(event)) {
            events.add(event);
        }
    }

    private void addGhost(String path) {
        ghosts.add(path);
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String dir = path.substring(0, slash);
            if (!revision.exists(dir)) {
                ghostFolders.add(dir);
            }
        }
    }

    /** A {@code files} source as a deployment-archive path: the agent joins it onto deployment-archive. */
    static String archivePath(String source) {
        String s = source.replace('\\', '/').replaceAll("/+", "/");
        while (s.startsWith("/") || s.startsWith("./")) {
            s = s.startsWith("/") ? s.substring(1) : s.substring(2);
        }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** deployment-archive (or a lone AppSpec's stand-in); null when nothing is open. */
    public ReadOnlyObjectProperty<TreeNode> rootProperty() {
        return root.getReadOnlyProperty();
    }

    /** Whether the revision holds symbolic links (the tree then shows their targets). */
    public javafx.beans.property.ReadOnlyBooleanProperty hasLinksProperty() {
        return hasLinks.getReadOnlyProperty();
    }

    /** A line on the top folder the agent strips and one on a {@code files} source of the whole revision; "" for none. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The rows inside a folder, folders first, ghosts among them. */
    public List<TreeNode> children(String dir) {
        List<TreeNode> rows = new ArrayList<>();
        if (revision == null) {
            return rows;
        }
        if (!ghostFolders.contains(dir)) {
            for (String name : revision.children(dir)) {
                rows.add(node(dir.isEmpty() ? name : dir + "/" + name));
            }
        }
        for (String g : ghostFolders) {
            if (parent(g).equals(dir)) {
                rows.add(node(g));
            }
        }
        for (String g : ghosts) {
            if (parent(g).equals(dir)) {
                rows.add(node(g));
            }
        }
        rows.sort(FOLDERS_FIRST);
        return rows;
    }

    /** The row for one path. */
    public TreeNode node(String path) {
        if (path.isEmpty()) {
            return root.get();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        List<String> events = hooks.getOrDefault(path, List.of());
        if (ghosts.contains(path)) {
            return new TreeNode(name, path, null, TreeNode.Kind.GHOST, events, null);
        }
        if (ghostFolders.contains(path)) {
            return new TreeNode(name, path, null, TreeNode.Kind.GHOST_FOLDER, List.of(), null);
        }
        BundleEntry entry = revision.entry(path).orElse(null);
        TreeNode.Kind kind = revision.isDirectory(path) ? TreeNode.Kind.FOLDER
                : entry != null && entry.type() == EntryType.SYMLINK ? TreeNode.Kind.LINK : TreeNode.Kind.FILE;
        return new TreeNode(name, path, entry, kind, events, filesSources.get(path));
    }

    /** Whether a path has a row (an entry of the revision or a ghost). */
    public boolean has(String path) {
        return path.isEmpty() || ghosts.contains(path) || ghostFolders.contains(path)
                || revision != null && revision.exists(path);
    }

    /**
     * The paths whose name contains the text (case-insensitive), ghosts included, sorted; at most {@code limit}.
     *
     * @return the matches, and whether more were left out
     */
    public Matches matches(String text, int limit) {
        String needle = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        boolean more = false;
        if (revision != null) {
            List<String> all = new ArrayList<>(revision.paths());
            all.addAll(ghosts);
            all.addAll(ghostFolders);
            all.sort(null);
            for (String p : all) {
                String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (!p.isEmpty() && name.contains(needle)) {
                    if (found.size() == limit) {
                        more = true;
                        break;
                    }
                    found.add(p);
                }
            }
        }
        return new Matches(found, more);
    }

    /** The result of a filter: matching paths, and whether more matched than were kept. */
    public record Matches(List<String> paths, boolean truncated) {
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
