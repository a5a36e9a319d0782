package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.BundleReader;

import java.nio.file.Path;

/**
 * Bench-only entry point (not a test): lists and extracts one bundle, as bench/extract.sh times it.
 * {@code java -cp target/hooklab.jar:target/test-classes dev.hooklab.bundle.extract.ExtractBench BUNDLE ARCHIVE_DIR [THREADS]}
 */
public final class ExtractBench {
    private ExtractBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ExtractBench BUNDLE ARCHIVE_DIR [THREADS]");
            System.exit(2);
        }
        ExtractionLimits limits = ExtractionLimits.defaults();
        if (args.length > 2) {
            limits = limits.withThreads(Integer.parseInt(args[2]));
        }
        try {
            long start = System.nanoTime();
            Bundle bundle = new BundleReader().open(Path.of(args[0]));
            long listed = System.nanoTime();
            Extraction done = new BundleExtractor(limits).extract(bundle, Path.of(args[1]));
            long extracted = System.nanoTime();
            System.err.printf("%d files, %d directories, %d symlinks, %d bytes; listing %.2f s, extraction %.2f s%n",
                    done.files(), done.directories(), done.symlinks(), done.bytes(), (listed - start) / 1e9, (extracted - listed) / 1e9);
            done.notes().forEach(System.err::println);
        } catch (BundleException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
