package dev.hooklab.ui.shell;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentType;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the window remembers between starts, in one properties file of the user's state folder: the window's
 * place and size, split positions, the theme, the deployment settings and the recent revisions. A missing or
 * damaged file gives the defaults; nothing here ever stops the window from opening.
 */
public final class ShellState {
    public static final String FILE_NAME = "window.properties";
    public static final int RECENT_LIMIT = 10;

    /** The window's place and size on the screen. */
    public record Bounds(double x, double y, double width, double height) {
    }

    private final Path folder;
    private final Properties p = new Properties();

    private ShellState(Path folder) {
        this.folder = folder;
    }

    /** Reads the state kept in this folder (the folder need not exist yet). */
    public static ShellState load(Path folder) {
        ShellState s = new ShellState(folder);
        Path file = folder.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                s.p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                s.p.clear(); // a damaged file: start from the defaults
            }
        }
        return s;
    }

    /** The folder it lives in (the crash log goes there too). */
    public Path folder() {
        return folder;
    }

    /** Writes the file whole, through a temporary file, so a crash never leaves half of it. */
    public void save() throws IOException {
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, FILE_NAME, ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "hooklab window state");
        }
        Files.move(tmp, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Optional<Bounds> bounds() {
        try {
            return Optional.of(new Bounds(Double.parseDouble(p.getProperty("window.x")),
                    Double.parseDouble(p.getProperty("window.y")), Double.parseDouble(p.getProperty("window.width")),
                    Double.parseDouble(p.getProperty("window.height"))));
        } catch (NullPointerException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void setBounds(Bounds b) {
        p.setProperty("window.x", Double.toString(b.x()));
        p.setProperty("window.y", Double.toString(b.y()));
        p.setProperty("window.width", Double.toString(b.width()));
        p.setProperty("window.height", Double.toString(b.height()));
    }

    public boolean maximized() {
        return Boolean.parseBoolean(p.getProperty("window.maximized"));
    }

    public void setMaximized(boolean m) {
        p.setProperty("window.maximized", Boolean.toString(m));
    }

    /** A split pane's divider positions, or empty to keep the layout's own. */
    public double[] dividers(String split) {
        String v = p.getProperty("split." + split);
        if (v == null || v.isBlank()) {
            return new double[0];
        }
        try {
            String[] parts = v.split(",");
            double[] d = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                d[i] = Double.parseDouble(parts[i]);
                if (!(d[i] > 0 && d[i] < 1)) {
                    return new double[0];
                }
            }
            return d;
        } catch (NumberFormatException e) {
            return new double[0];
        }
    }

    public void setDividers(String split, double[] positions) {
        StringBuilder b = new StringBuilder();
        for (double d : positions) {
            b.append(b.isEmpty() ? "" : ",").append(d);
        }
        p.setProperty("split." + split, b.toString());
    }

    public Theme theme() {
        try {
            return Theme.valueOf(p.getProperty("theme", Theme.SYSTEM.name()));
        } catch (IllegalArgumentException e) {
            return Theme.SYSTEM;
        }
    }

    public void setTheme(Theme t) {
        p.setProperty("theme", t.name());
    }

    /** Recent revisions, the latest first. */
    public List<Path> recent() {
        List<Path> list = new ArrayList<>();
        for (int i = 0; i < RECENT_LIMIT; i++) {
            String v = p.getProperty("recent." + i);
            if (v != null && !v.isBlank()) {
                list.add(Path.of(v));
            }
        }
        return list;
    }

    /** Puts this revision first in the recent list (once), keeping {@link #RECENT_LIMIT} of them. */
    public void addRecent(Path input) {
        Path abs = input.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recent());
        list.remove(abs);
        list.add(0, abs);
        setRecent(list);
    }

    public void setRecent(List<Path> list) {
        for (int i = 0; i < RECENT_LIMIT; i++) {
            p.remove("recent." + i);
        }
        for (int i = 0; i < Math.min(RECENT_LIMIT, list.size()); i++) {
            p.setProperty("recent." + i, list.get(i).toString());
        }
    }

    /**
     * The deployment settings of the last session. A replacing AppSpec belongs to one revision, so it is not kept.
     */
    public InspectOptions options() {
        InspectOptions d = InspectOptions.defaults();
        return new InspectOptions(enumOr(DeploymentType.class, p.getProperty("settings.type"), d.type()),
                p.getProperty("settings.appspecName", d.appspecName()), null,
                blankToNull(p.getProperty("settings.fileExistsBehavior")));
    }

    public void setOptions(InspectOptions o) {
        p.setProperty("settings.type", o.type().name());
        p.setProperty("settings.appspecName", o.appspecName() == null ? "" : o.appspecName());
        p.setProperty("settings.fileExistsBehavior", nullToBlank(o.fileExistsBehavior()));
    }

    /**
     * The deployment of the last session: OS, root dir and deployment group id. The deployment id belongs to one
     * revision, so it is not kept: the layout comes back with a blank one (drawn when a revision opens).
     */
    public DeploymentLayout layout() {
        TargetOs os = enumOr(TargetOs.class, p.getProperty("settings.os"), TargetOs.LINUX);
        String root = blankToNull(p.getProperty("settings.rootDir"));
        String group = blankToNull(p.getProperty("settings.deploymentGroupId"));
        return new DeploymentLayout(os, root != null ? root : DeploymentLayout.defaultRoot(os),
                group != null ? group : DeploymentLayout.LOCAL_GROUP, "");
    }

    public void setLayout(DeploymentLayout l) {
        p.setProperty("settings.os", l.os().name());
        p.setProperty("settings.rootDir", l.rootDir());
        p.setProperty("settings.deploymentGroupId", l.deploymentGroupId());
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nullToBlank(String s) {
        return s == null ? "" : s;
    }
}
