package dev.hooklab.appspec;

import dev.hooklab.finding.DiagnosticCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's {@code parse_files} and FileInfo: {@code files} is a list; each entry is indexed with
 * {@code ['source']} and {@code ['destination']}, which must not be nil (empty strings pass).
 */
final class FilesSection {
    private final Findings findings;

    FilesSection(Findings findings) {
        this.findings = findings;
    }

    /** @param files the value of {@code files} (nil and false mean none, as {@code || []} does) */
    List<FileMapping> read(YamlValue files) {
        List<FileMapping> result = new ArrayList<>();
        if (!RubyCalls.truthy(files)) {
            return result;
        }
        if (files instanceof YamlValue.Map m) {
            if (!m.pairs().isEmpty()) {
                findings.error(DiagnosticCode.APPSPEC_STRUCTURE, files.mark(),
                        "files holds a single mapping; it must be a list of entries, each starting with '- '. "
                                + "The agent crashes on it.",
                        RubyCalls.noImplicitConversion("String", "Integer"),
                        "Put '- ' in front of source: (and indent destination: to match).");
            }
            return result;
        }
        RubyCalls.Outcome<List<YamlValue>> items = RubyCalls.each(files);
        if (items.failed()) {
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, files.mark(),
                    "files must be a list of source/destination entries; here it is " + Wording.describe(files)
                            + ". The agent crashes on it.",
                    items.error(), "files:\n  - source: /\n    destination: /var/www/html");
            return result;
        }
        for (YamlValue item : items.value()) {
            FileMapping mapping = readEntry(item);
            if (mapping != null) {
                result.add(mapping);
            }
        }
        return result;
    }

    private FileMapping readEntry(YamlValue item) {
        RubyCalls.Outcome<YamlValue> source = RubyCalls.index(item, "source");
        if (source.failed()) {
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, item.mark(),
                    "Each files entry must be a mapping with source and destination; here it is "
                            + Wording.describe(item) + ". The agent crashes on it.",
                    source.error(), "- source: /\n  destination: /var/www/html");
            return null;
        }
        YamlValue destination = RubyCalls.index(item, "destination").value();
        boolean text = !(item instanceof YamlValue.Map);
        String notMapping = "This files entry is " + Wording.describe(item) + ", not a mapping with source and destination";
        if (RubyCalls.isNil(source.value())) {
            findings.error(DiagnosticCode.FILES_SOURCE_MISSING, keyOrItem(item, "source"),
                    text ? notMapping + "." : "This files entry has no source.",
                    AppSpecAgentErrors.fileWithoutSource(),
                    "Add source: <path inside the revision> (source: / copies the whole revision).");
            return null;
        }
        if (RubyCalls.isNil(destination)) {
            findings.error(DiagnosticCode.FILES_DESTINATION_MISSING, keyOrItem(item, "destination"),
                    text ? notMapping + "." : "This files entry has a source but no destination.",
                    AppSpecAgentErrors.fileWithoutDestination(RubyCalls.toS(source.value())),
                    "Add destination: <absolute directory on the instance>, e.g. destination: /var/www/html");
            return null;
        }
        return new FileMapping(RubyCalls.toS(source.value()), RubyCalls.toS(destination), item.mark());
    }

    /** The key when it is present with a null value, else the entry. */
    private static Mark keyOrItem(YamlValue item, String key) {
        if (item instanceof YamlValue.Map m) {
            return m.pair(key).map(p -> p.key().mark()).orElse(item.mark());
        }
        return item.mark();
    }
}
