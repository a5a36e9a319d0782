package dev.hooklab.appspec;

import dev.hooklab.finding.DiagnosticCode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads an AppSpec's YAML as the agent's {@code YAML.load} does (Psych 4 and later): the first
 * document only (Psych.parse returns at the first document end, so later documents are never even
 * parsed), syntax errors before anything else, then Psych's conversion. Works on SnakeYAML's event
 * stream, so nothing is ever constructed or expanded, and hooklab's {@link YamlLimits} are checked
 * before and while reading.
 */
final class YamlLoader {
    /** LOADED: value is the document; REFUSED: Psych raises while converting (value is a partial tree); FAILED: no value. */
    enum Status { LOADED, REFUSED, FAILED }

    /** @param value the document (a Null for an empty stream); null when FAILED */
    record Result(Status status, YamlValue value) {
    }

    private final YamlLimits limits;

    YamlLoader(YamlLimits limits) {
        this.limits = limits;
    }

    Result load(String text, Findings findings) {
        if (text.length() > limits.maxChars()) {
            findings.error(DiagnosticCode.YAML_LIMIT, new Mark(1, 1),
                    "The AppSpec file has " + text.length() + " characters; hooklab reads at most " + limits.maxChars()
                            + ". A real AppSpec is a few kilobytes.",
                    null, "Check that this is the AppSpec file and remove what does not belong in it.");
            return new Result(Status.FAILED, null);
        }
        // conversion findings are kept apart: a later syntax error replaces them, as in Psych
        Findings conversion = findings.scratch();
        PsychTreeBuilder builder = new PsychTreeBuilder(new PsychScalars(), conversion);
        try {
            if (!readFirstDocument(parser(text), builder, findings)) {
                return new Result(Status.FAILED, null);
            }
        } catch (MarkedYAMLException e) {
            syntaxError(e, findings);
            return new Result(Status.FAILED, null);
        } catch (ReaderException e) {
            Mark at = markOf(text, e.getPosition());
            findings.error(DiagnosticCode.YAML_SYNTAX, at,
                    "The file contains a character YAML does not allow (code point " + e.getCodePoint() + ").",
                    AppSpecAgentErrors.syntaxError("control characters are not allowed", null, at.line(), at.column()),
                    "Remove the invisible control character on line " + at.line() + ".");
            return new Result(Status.FAILED, null);
        } catch (YAMLException | IllegalStateException | IndexOutOfBoundsException e) {
            findings.error(DiagnosticCode.YAML_SYNTAX, new Mark(1, 1), "The YAML cannot be read: " + e.getMessage(),
                    AppSpecAgentErrors.syntaxError(String.valueOf(e.getMessage()), null, 1, 1), null);
            return new Result(Status.FAILED, null);
        }
        findings.addAll(conversion);
        YamlValue value = builder.root().orElseGet(() -> new YamlValue.Null(new Mark(1, 1), ""));
        return new Result(conversion.hasErrors() ? Status.REFUSED : Status.LOADED, value);
    }

    private Parser parser(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, (long) limits.maxChars() + 16));
        options.setNestingDepthLimit(limits.maxDepth());
        return new ParserImpl(new StreamReader(text), options);
    }

    /** Feeds the events of the first document to the builder; false when a limit stopped it. */
    private boolean readFirstDocument(Parser parser, PsychTreeBuilder builder, Findings findings) {
        while (true) {
            Event event = parser.getEvent();
            Mark mark = markOf(event.getStartMark());
            switch (event.getEventId()) {
                case StreamEnd, DocumentEnd -> {
                    return true;
                }
                case Scalar -> {
                    ScalarEvent scalar = (ScalarEvent) event;
                    builder.scalar(scalar.getTag(), scalar.getValue(), scalar.isPlain(), mark);
                }
                case Alias -> builder.alias(((AliasEvent) event).getAnchor(), mark);
                case SequenceStart, MappingStart -> {
                    if (builder.depth() >= limits.maxDepth()) {
                        findings.error(DiagnosticCode.YAML_LIMIT, mark,
                                "Lists and mappings are nested more than " + limits.maxDepth()
                                        + " levels deep here; hooklab stops reading. An AppSpec needs about five.",
                                null, "Remove the excess nesting.");
                        return false;
                    }
                    String tag = ((CollectionStartEvent) event).getTag();
                    if (event.getEventId() == Event.ID.MappingStart) {
                        builder.startMapping(tag, mark);
                    } else {
                        builder.startSequence(tag, mark);
                    }
                }
                case SequenceEnd, MappingEnd -> builder.end();
                default -> {
                    // stream start, document start, comments
                }
            }
        }
    }

    private static void syntaxError(MarkedYAMLException e, Findings findings) {
        org.yaml.snakeyaml.error.Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark mark = at == null ? new Mark(1, 1) : markOf(at);
        String problem = PsychSyntaxError.problem(e);
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        boolean tab = e.getProblem() != null && e.getProblem().contains("(TAB)");
        findings.error(DiagnosticCode.YAML_SYNTAX, mark,
                "The YAML cannot be parsed: " + problem + context + (tab ? ": a tab character." : "."),
                PsychSyntaxError.agentText(e),
                tab ? "Indent with spaces; YAML does not allow tabs for indentation."
                        : "Check the indentation and the punctuation (':', '-', quotes) on line " + mark.line()
                        + " and the line before it.");
    }

    private static Mark markOf(org.yaml.snakeyaml.error.Mark m) {
        return m == null ? Mark.NONE : new Mark(m.getLine() + 1, m.getColumn() + 1);
    }

    /** Line and column of the code point at {@code position}. */
    private static Mark markOf(String text, int position) {
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int cp = 0; cp < position && offset < text.length(); cp++) {
            int c = text.codePointAt(offset);
            offset += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Mark(line, column);
    }
}
