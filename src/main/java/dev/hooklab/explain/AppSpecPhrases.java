package dev.hooklab.explain;

import dev.hooklab.finding.DiagnosticCode;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's AppSpec parse and validation messages (its YAML parser's and {@code application_specification/*.rb}'s,
 * typos included), each by a phrase that only it contains, with the finding hooklab gives for it.
 */
final class AppSpecPhrases {
    /** A phrase and its finding. */
    record Phrase(String text, DiagnosticCode code) {
    }

    private static final List<Phrase> PHRASES = List.of(
            new Phrase("Alias parsing was not enabled", DiagnosticCode.YAML_ALIAS),
            new Phrase("Tried to load unspecified class", DiagnosticCode.YAML_UNSUPPORTED_TYPE),
            new Phrase("the application specification file was empty", DiagnosticCode.APPSPEC_EMPTY),
            new Phrase("an invalid version value (", DiagnosticCode.VERSION_INVALID),
            new Phrase("specifies an unsupported operating system (", DiagnosticCode.OS_UNSUPPORTED),
            new Phrase("specifies a script with no location value", DiagnosticCode.HOOK_LOCATION_MISSING),
            new Phrase("an invalid timeout value was provided for a script", DiagnosticCode.HOOK_TIMEOUT_INVALID),
            new Phrase("specifies a destination file, but no source file", DiagnosticCode.FILES_SOURCE_MISSING),
            new Phrase("specifies only a source file (", DiagnosticCode.FILES_DESTINATION_MISSING),
            new Phrase("a permission listed in the application specification file has no object",
                    DiagnosticCode.PERMISSION_OBJECT_MISSING),
            new Phrase("specifiles file permissions, but the deployment is targeting",
                    DiagnosticCode.PERMISSIONS_ON_WINDOWS),
            new Phrase("a permission for an object type not supported for permissions",
                    DiagnosticCode.PERMISSION_TYPE_INVALID),
            new Phrase("an invalid file_exists_behavior value (", DiagnosticCode.FILE_EXISTS_BEHAVIOR_INVALID),
            new Phrase("the length of a permissions mode (", DiagnosticCode.PERMISSION_MODE_INVALID),
            new Phrase("in the application specification file contains an invalid character",
                    DiagnosticCode.PERMISSION_MODE_INVALID),
            new Phrase("a problem with the acls permission settings", DiagnosticCode.PERMISSION_ACL_INVALID),
            new Phrase("the access control list (ACL) named", DiagnosticCode.PERMISSION_ACL_INVALID),
            new Phrase("specifies an invalid context type (", DiagnosticCode.PERMISSION_CONTEXT_INVALID),
            new Phrase("a problem with the SELinux range specified", DiagnosticCode.PERMISSION_CONTEXT_INVALID));

    /** Psych's syntax error: {@code (<unknown>): <problem> <context> at line L column C}. */
    private static final Pattern SYNTAX = Pattern.compile("\\(<unknown>\\): (.+?) at line (\\d+) column (\\d+)");

    private AppSpecPhrases() {
    }

    /** The first AppSpec message in whitespace-collapsed text, with its code and (for a syntax error) position. */
    static Optional<Recognized> find(String flat) {
        Matcher syntax = SYNTAX.matcher(flat);
        int best = Integer.MAX_VALUE;
        Recognized found = null;
        if (syntax.find()) {
            best = syntax.start();
            found = Recognized.of(ErrorKind.APPSPEC_INVALID, syntax.group())
                    .withCode(DiagnosticCode.YAML_SYNTAX, Integer.valueOf(syntax.group(2)),
                            Integer.valueOf(syntax.group(3)));
        }
        for (Phrase p : PHRASES) {
            int at = flat.indexOf(p.text());
            if (at >= 0 && at < best) {
                best = at;
                found = Recognized.of(ErrorKind.APPSPEC_INVALID, sentence(flat, at)).withCode(p.code(), null, null);
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The whole message around a phrase: from "The deployment failed because" (or the start of the line's message)
     * to its closing "try again." (or the end of the message).
     */
    static String sentence(String flat, int at) {
        int start = flat.lastIndexOf("The deployment failed because", at);
        if (start < 0) {
            start = Math.max(flat.lastIndexOf(": ", at) + 2, 0);
        }
        int end = flat.indexOf("try again.", at);
        int otherEnd = flat.indexOf(". ", at);
        if (end >= 0) {
            end += "try again.".length();
        } else if (otherEnd >= 0) {
            end = otherEnd + 1;
        } else {
            end = flat.length();
        }
        return ErrorReader.cut(flat.substring(start, end)).trim();
    }
}
