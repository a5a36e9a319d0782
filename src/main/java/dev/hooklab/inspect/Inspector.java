package dev.hooklab.inspect;

import dev.hooklab.appspec.AppSpec;
import dev.hooklab.appspec.AppSpecDocument;
import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.appspec.AppSpecText;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.bundle.AppSpecLookup;
import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.BundleReader;
import dev.hooklab.diagnose.rules.Diagnoser;
import dev.hooklab.diagnose.rules.RevisionFacts;
import dev.hooklab.plan.ArchiveContents;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentPlan;
import dev.hooklab.plan.InstanceFiles;
import dev.hooklab.plan.Planner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at one input the way the agent would, in two steps: {@link #read} lists the bundle (or folder, or takes
 * the lone AppSpec) once; {@link #judge} finds and parses the AppSpec, plans the deployment in a given layout and
 * runs every diagnostic rule, as often as the settings change, without listing the bundle again.
 */
public final class Inspector {
    private final BundleReader reader;
    private final AppSpecParser parser;
    private final Planner planner;
    private final Diagnoser diagnoser;

    public Inspector(BundleReader reader, AppSpecParser parser, Planner planner, Diagnoser diagnoser) {
        this.reader = reader;
        this.parser = parser;
        this.planner = planner;
        this.diagnoser = diagnoser;
    }

    /** Reads and judges in one go, for a front end that judges once. */
    public Inspection inspect(Path input, DeploymentLayout layout, InspectOptions options) throws InputException {
        return judge(read(input), layout, options);
    }

    /** Reads the input: its kind and, for a bundle or folder, its listing. */
    public OpenedRevision read(Path input) throws InputException {
        if (!Files.exists(input)) {
            throw new InputException(input + ": no such file or folder");
        }
        InputKind kind = Files.isDirectory(input) ? InputKind.FOLDER
                : isYamlName(input) ? InputKind.APPSPEC : InputKind.ARCHIVE;
        Optional<Bundle> bundle = Optional.empty();
        if (kind != InputKind.APPSPEC) {
            try {
                bundle = Optional.of(reader.open(input));
            } catch (BundleException e) {
                throw new InputException(e.getMessage(), e);
            }
        }
        return new OpenedRevision(input, kind, bundle);
    }

    /**
     * Judges a read revision deployed in {@code layout} under {@code options}: reads its AppSpec and the heads of
     * its scripts (small entries), never the listing again.
     */
    public Inspection judge(OpenedRevision opened, DeploymentLayout layout, InspectOptions options)
            throws InputException {
        Path input = opened.input();
        InputKind kind = opened.kind();
        Optional<Bundle> bundle = opened.bundle();
        Optional<AppSpecLookup> lookup = bundle.map(b -> b.archive().appSpecLookup(options.appspecName()));

        String entry;
        Path source;
        String text;
        if (options.appspecOverride() != null) {
            source = options.appspecOverride();
            entry = source.getFileName().toString();
            text = readAppSpecFile(source);
            lookup = Optional.empty();
        } else if (kind == InputKind.APPSPEC) {
            source = input;
            entry = input.getFileName().toString();
            text = readAppSpecFile(input);
        } else {
            Bundle b = bundle.get();
            Optional<String> name = lookup.get().effectiveName();
            entry = name.map(n -> b.archive().bundlePath(b.archive().resolve(n).orElse(n))).orElse(null);
            source = kind == InputKind.FOLDER && entry != null ? input.resolve(entry) : null;
            text = entry == null ? null : readFromBundle(b, entry);
        }

        AppSpecDocument doc = text == null
                ? new AppSpecDocument(options.appspecName(), "", Optional.empty(), AppSpec.empty(), List.of())
                : parser.parse(entry, text, layout.os());
        Optional<ArchiveContents> contents = bundle.map(b -> ArchiveContents.of(b.archive()));
        DeploymentPlan plan = planner.plan(layout, options.type(), doc.spec(), contents,
                layout.os() == TargetOs.WINDOWS ? InstanceFiles.FRESH_WINDOWS : InstanceFiles.FRESH_LINUX,
                options.fileExistsBehavior());
        Map<String, byte[]> heads = Map.of();
        if (bundle.isPresent()) {
            try {
                heads = bundle.get().read(Diagnoser.scriptsToRead(plan), Diagnoser.SCRIPT_HEAD_BYTES);
            } catch (IOException e) {
                throw new InputException(input + ": cannot read hook scripts: " + e.getMessage(), e);
            }
        }
        var diagnostics = diagnoser.diagnose(new RevisionFacts(bundle, lookup, doc, plan, heads));
        return new Inspection(opened, options, lookup, entry, source, doc, plan, diagnostics);
    }

    private static boolean isYamlName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    /**
     * Reads an AppSpec file named on the command line (INPUT or {@code --appspec}), for every command alike: only a
     * regular file is opened (a fifo would block, a device never ends), and at most {@link AppSpecText#READ_LIMIT}
     * bytes are read, so a huge file is refused by the parser instead of filling memory.
     */
    public static String readAppSpecFile(Path file) throws InputException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (!attrs.isRegularFile()) {
            throw new InputException(file + ": not a regular file (" + (attrs.isDirectory() ? "a folder"
                    : "a fifo, socket or device") + "), so it cannot be an AppSpec");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return AppSpecText.read(in);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String readFromBundle(Bundle bundle, String entry) throws InputException {
        try {
            return bundle.read(entry, AppSpecText.READ_LIMIT).map(AppSpecText::decode).orElse(null);
        } catch (IOException e) {
            throw new InputException(entry + ": cannot read from the bundle: " + e.getMessage(), e);
        }
    }

}
