package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.TarBodies;
import dev.hooklab.bundle.ZipBodies;
import dev.hooklab.work.Workers;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.zip.ZipException;

/**
 * Unpacks a bundle into a sandbox's deployment-archive the way the agent's DownloadBundle leaves it:
 * the archive emptied first, the single top folder stripped by the agent's rule, modes applied; a
 * folder revision is copied as codedeploy-local copies it. Unlike the agent it refuses hostile
 * bundles before writing anything, never writes through a link, stops at a cap on expanded bytes,
 * clears setuid and setgid bits, and leaves nothing behind when it fails.
 *
 * <pre>{@code
 * Bundle bundle = new BundleReader().open(Path.of("app.zip"));
 * Extraction done = new BundleExtractor(ExtractionLimits.defaults()).extract(bundle, archiveDir);
 * done.notes().forEach(System.out::println);
 * }</pre>
 *
 * An extractor holds no state between calls and can be shared.
 */
public final class BundleExtractor {
    private static final long BLOCK = 4096;
    private static final int MAX_NAMED = 5;

    private final ExtractionLimits limits;
    private final Workers workers;

    /** An extractor on daemon threads of its own, for tests and tools; hooklab itself passes its {@link Workers}. */
    public BundleExtractor(ExtractionLimits limits) {
        this(limits, Workers.daemons());
    }

    /** @param workers where the threads that write files come from */
    public BundleExtractor(ExtractionLimits limits, Workers workers) {
        this.limits = limits;
        this.workers = workers;
    }

    /**
     * Extracts a bundle into {@code archiveDir}, which is created if absent and emptied first if present.
     *
     * @throws BundleException with one line naming the bundle, and the entry when there is one: when the
     *                         bundle is refused (nothing is written then, and archiveDir is left as it was),
     *                         when the cap of expanded bytes or the free space is not enough, or when writing
     *                         fails (archiveDir is then left empty, or absent if it was)
     */
    public Extraction extract(Bundle bundle, Path archiveDir) throws BundleException {
        String display = display(bundle);
        if (bundle.source() == null) {
            throw new BundleException(display + ": cannot extract a bundle that was not read from a file or folder");
        }
        ExtractionPlan plan = ExtractionPlan.of(bundle, display, limits.maxExpandedBytes());
        ArchiveFolder folder = new ArchiveFolder(archiveDir);
        ExpandedBytes bytes = new ExpandedBytes(display, limits.maxExpandedBytes(), plan.declaredBytes());
        try {
            folder.empty();
            checkFreeSpace(plan, folder, display);
            folder.create();
            return write(bundle, plan, folder, bytes);
        } catch (BundleException e) {
            discard(folder, e);
            throw e;
        } catch (IOException e) {
            BundleException failure = new BundleException(display + ": " + failure(e), e);
            discard(folder, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            discard(folder, e);
            throw e;
        }
    }

    private Extraction write(Bundle bundle, ExtractionPlan plan, ArchiveFolder folder, ExpandedBytes bytes)
            throws IOException, BundleException {
        List<String> notes = new ArrayList<>(plan.notes());
        for (ExtractionPlan.Directory d : plan.directories()) {
            folder.createDirectory(d.path());
        }
        Queue<String> damaged = new ConcurrentLinkedQueue<>();
        writeFiles(bundle, plan, folder, bytes, damaged);
        if (!damaged.isEmpty()) {
            notes.add(crcNote(new ArrayList<>(damaged)));
        }
        for (ExtractionPlan.Link link : plan.hardLinks()) {
            hardLink(folder, link, notes);
        }
        for (ExtractionPlan.Link link : plan.symlinks()) {
            folder.createSymlink(link.path(), link.target());
        }
        List<ExtractionPlan.Directory> directories = plan.directories();
        for (int i = directories.size() - 1; i >= 0; i--) { // deepest first: a read-only folder never blocks its contents
            folder.setMode(directories.get(i).path(), directories.get(i).mode());
        }
        if (plan.rootMode() != null) {
            folder.setRootMode(plan.rootMode());
        }
        return new Extraction(plan.files().size() + plan.hardLinks().size(), directories.size(), plan.symlinks().size(),
                bytes.written(), notes);
    }

    /** One note for the entries whose data does not match their CRC-32, which the agent installs all the same. */
    private static String crcNote(List<String> names) {
        Collections.sort(names);
        String shown = names.stream().limit(MAX_NAMED).map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                + (names.size() > MAX_NAMED ? " and " + (names.size() - MAX_NAMED) + " more" : "");
        return shown + (names.size() == 1 ? ": its data does not" : ": their data do not") + " match the CRC-32 stored in the zip. "
                + "unzip reports \"bad CRC\" and exits 2, then the agent extracts the zip again with rubyzip, which checks "
                + "no CRC, so the data is installed as it is stored (written here the same way).";
    }

    private void writeFiles(Bundle bundle, ExtractionPlan plan, ArchiveFolder folder, ExpandedBytes bytes, Queue<String> damaged)
            throws IOException, BundleException {
        ParallelWrites parallel = new ParallelWrites(limits.threads(), workers);
        switch (bundle.format()) {
            case ZIP -> {
                if (!(bundle.content() instanceof ZipBodies bodies)) {
                    throw new IllegalStateException("a zip bundle without zip bodies");
                }
                parallel.run(ZipBodyWriter.jobs(plan, bodies), job -> job.file().name(),
                        () -> new ZipBodyWriter(bodies, folder, bytes, damaged::add), bytes);
            }
            case TAR, TGZ -> {
                if (!(bundle.content() instanceof TarBodies bodies)) {
                    throw new IllegalStateException("a tar bundle without tar bodies");
                }
                if (TarSpanWriter.canWrite(plan, bodies)) {
                    new TarSpanWriter(bodies, folder, bytes, limits.threads(), workers).write(plan);
                } else {
                    new TarStreamWriter(bodies.source(), folder, bytes, limits.threads(), workers).write(plan);
                }
            }
            case FOLDER -> {
                Path realRoot = bundle.source().toRealPath();
                parallel.run(plan.files(), ExtractionPlan.File::name, () -> new FolderBodyWriter(realRoot, folder, bytes), bytes);
            }
        }
    }

    /** A hard link inside deployment-archive, or a copy where the file system cannot link. */
    private static void hardLink(ArchiveFolder folder, ExtractionPlan.Link link, List<String> notes) throws IOException {
        try {
            folder.createHardLink(link.path(), link.target());
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            Files.copy(folder.resolve(link.target()), folder.resolve(link.path()));
            notes.add("hard link '" + link.path() + "' written as a copy of '" + link.target() + "': " + reason(e));
        }
    }

    private static void checkFreeSpace(ExtractionPlan plan, ArchiveFolder folder, String display) throws IOException, BundleException {
        long needed = BLOCK * plan.directories().size();
        for (ExtractionPlan.File f : plan.files()) {
            needed += (f.size() + BLOCK - 1) / BLOCK * BLOCK;
        }
        long free = folder.usableSpace();
        if (needed > free) {
            throw new BundleException(display + ": refused to extract: its files need about " + ExpandedBytes.format(needed)
                    + " on disk, and the file system holding '" + folder.root() + "' has " + ExpandedBytes.format(free) + " free");
        }
    }

    private static void discard(ArchiveFolder folder, Throwable failure) {
        try {
            folder.discard();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** One line for a write failure, naming the entry when there is one; never a class name. */
    private static String failure(IOException e) {
        if (e instanceof EntryWriteException w) {
            return "cannot extract '" + w.entryName() + "': " + reason(w.reason());
        }
        return "cannot extract: " + reason(e);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            String file = fs.getFile() == null ? "" : " (" + fs.getFile() + ")";
            if (e instanceof NoSuchFileException) {
                return "no such file or folder" + file;
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied" + file;
            }
            if (e instanceof FileAlreadyExistsException) {
                return "something is already there" + file;
            }
            String why = fs.getReason() == null ? "" : fs.getReason();
            if (why.toLowerCase(Locale.ROOT).contains("no space left")) {
                return "the disk is full (" + why + ")" + file;
            }
            return (why.isEmpty() ? "file system error" : why) + file;
        }
        if (e instanceof EOFException) {
            return "the archive is truncated (" + e.getMessage() + ")";
        }
        if (e instanceof ZipException) {
            return "the compressed data is damaged (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    private static String display(Bundle bundle) {
        Path source = bundle.source();
        if (source == null) {
            return "bundle";
        }
        Path name = source.getFileName();
        return name == null ? source.toString() : name.toString();
    }
}
