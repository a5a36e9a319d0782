package dev.hooklab.bundle;

import dev.hooklab.work.Workers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;

import static dev.hooklab.bundle.BundleFinding.Kind.FORMAT_MISMATCH;

/**
 * Reads a revision (zip, tar, tgz or a folder) into a {@link Bundle}: the format from the content's
 * first bytes, the entry index, findings and a way to read bodies. Nothing is written to disk. Input
 * that cannot be read gives a {@link BundleException} with one line naming the file. A reader holds no
 * state and can be shared.
 */
public final class BundleReader {
    private final TarCapture tarCapture;
    private final Workers workers;

    /** A reader on daemon threads of its own, for tests and tools; hooklab itself passes its {@link Workers}. */
    public BundleReader() {
        this(Workers.daemons());
    }

    /** @param workers where the thread that inflates a tgz ahead of the reader comes from */
    public BundleReader(Workers workers) {
        this(TarCapture.DEFAULT, workers);
    }

    BundleReader(TarCapture tarCapture, Workers workers) {
        this.tarCapture = tarCapture;
        this.workers = workers;
    }

    /**
     * Lists a revision. The format comes from the first bytes (a folder is a folder); a file name that
     * says otherwise is reported as {@link BundleFinding.Kind#FORMAT_MISMATCH}. Zips are listed from the
     * central directory, tars in one streaming pass; bodies are read later through {@link Bundle#read}.
     *
     * @throws BundleException when the input is missing, unreadable, empty, not a zip, tar or tgz,
     *                         truncated or damaged; its message is one line starting with the file name
     */
    public Bundle open(Path input) throws BundleException {
        String display = display(input);
        BundleFormat format = null;
        try {
            if (Files.isDirectory(input)) {
                format = BundleFormat.FOLDER;
                Listing listing = listing(format, input);
                return bundle(input, listing, new FolderLister().list(input, listing));
            }
            if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                throw new BundleException(display + ": no such file or folder");
            }
            if (Files.exists(input) && !Files.isRegularFile(input)) {
                throw new BundleException(display + ": not a file or folder (a fifo, socket or device)");
            }
            format = detect(input, display);
            Listing listing = listing(format, input);
            EntryContent content = switch (format) {
                case ZIP -> new ZipLister().list(input, listing);
                case TAR, TGZ -> new TarLister(tarCapture).list(new TarSource(input, format == BundleFormat.TGZ, workers), display, listing);
                case FOLDER -> throw new IllegalStateException("not a file format");
            };
            return bundle(input, listing, content);
        } catch (IOException | RuntimeException e) {
            throw new BundleException(display + ": " + problem(e, input, format), e);
        }
    }

    private static Bundle bundle(Path input, Listing listing, EntryContent content) {
        Listing.Listed listed = listing.finish();
        return new Bundle(input, listing.format(), listed.entries(), listed.findings(), content);
    }

    private static Listing listing(BundleFormat format, Path input) {
        Listing listing = new Listing(format);
        Path name = input.getFileName();
        if (name != null) {
            String fileName = name.toString();
            BundleFormat.fromFileName(fileName).filter(named -> named != format).ifPresent(named ->
                    listing.report(FORMAT_MISMATCH, null, "named " + extension(fileName) + ", content is " + format.label()));
        }
        return listing;
    }

    private static String extension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tar.gz") ? ".tar.gz" : lower.substring(lower.lastIndexOf('.'));
    }

    /** The format from the first bytes; for gzip, also checks that it holds a tar. */
    private BundleFormat detect(Path file, String display) throws IOException, BundleException {
        byte[] head = new byte[MagicBytes.TAR_BLOCK];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        if (length == 0) {
            throw new BundleException(display + ": empty file (0 bytes)");
        }
        Optional<BundleFormat> format = MagicBytes.sniff(head, length);
        if (format.isEmpty()) {
            throw new BundleException(display + ": not a zip, tar or tgz archive (starts with " + MagicBytes.hex(head, length) + ")");
        }
        if (format.get() == BundleFormat.TGZ) {
            checkHoldsTar(file, display);
        }
        return format.get();
    }

    private void checkHoldsTar(Path file, String display) throws IOException, BundleException {
        byte[] block = new byte[MagicBytes.TAR_BLOCK];
        int length;
        try (InputStream in = new TarSource(file, true, workers).start()) {
            length = in.readNBytes(block, 0, block.length);
        } catch (EOFException e) {
            throw new BundleException(display + ": truncated tgz archive (unexpected end of data before the first entry)", e);
        }
        if (length == 0) {
            throw new BundleException(display + ": gzip data is empty, no tar archive inside");
        }
        if (!MagicBytes.isTarHeader(block, length)) {
            throw new BundleException(display + ": gzip data does not hold a tar archive (it starts with "
                    + MagicBytes.hex(block, length) + ")");
        }
    }

    /** One line for what went wrong, in our words; never a class name. */
    private static String problem(Exception e, Path input, BundleFormat format) {
        if (e instanceof FileSystemException fs) {
            String what = "it";
            if (fs.getFile() != null && !Path.of(fs.getFile()).equals(input) && Path.of(fs.getFile()).startsWith(input)) {
                what = "'" + input.relativize(Path.of(fs.getFile())).toString().replace('\\', '/') + "'";
            }
            if (e instanceof NoSuchFileException) {
                return what.equals("it") ? "no such file or folder" : "cannot read " + what + " (it disappeared)";
            }
            if (e instanceof AccessDeniedException) {
                return "cannot read " + what + " (permission denied)";
            }
            if (fs.getReason() != null) {
                return "cannot read " + what + " (" + fs.getReason().toLowerCase(Locale.ROOT) + ")";
            }
        }
        String what = format == null ? "file" : format.label() + (format == BundleFormat.FOLDER ? "" : " archive");
        if (e instanceof TarDamageException damage) {
            return TarLister.damaged(format == null ? BundleFormat.TGZ.label() : format.label(), damage, null);
        }
        if (e instanceof EOFException) {
            return "truncated " + what + " (unexpected end of data)";
        }
        if (format == BundleFormat.ZIP && e instanceof ZipException) {
            return "truncated or damaged zip archive (" + zipProblem(e) + ")";
        }
        return "cannot read " + what + (format == BundleFormat.FOLDER ? "" : ", it is damaged");
    }

    private static String zipProblem(Exception e) {
        return e.getMessage() == null ? "unreadable central directory" : e.getMessage();
    }

    private static String display(Path input) {
        Path name = input.getFileName();
        return name == null ? input.toString() : name.toString();
    }
}
