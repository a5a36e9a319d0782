package dev.hooklab.appspec;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.parser.ParserException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders a SnakeYAML syntax error in the shape of Psych::SyntaxError, which is what the agent
 * reports: {@code (<unknown>): <problem> <context> at line L column C}, 1-based, at libyaml's
 * context mark (see {@link #agentText}); SnakeYAML's problem texts are
 * mapped to libyaml's wording for the common cases, other texts are kept as SnakeYAML words them.
 */
final class PsychSyntaxError {
    private record Wording(Pattern snake, String contextPrefix, String libyaml) {
    }

    private static final List<Wording> WORDINGS = List.of(
            new Wording(Pattern.compile("found character .* that cannot start any token.*", Pattern.DOTALL), null,
                    "found character that cannot start any token"),
            new Wording(Pattern.compile("mapping values are not allowed here.*", Pattern.DOTALL), null,
                    "mapping values are not allowed in this context"),
            new Wording(Pattern.compile("expected <block end>, but found .*", Pattern.DOTALL),
                    "while parsing a block mapping", "did not find expected key"),
            new Wording(Pattern.compile("expected <block end>, but found .*", Pattern.DOTALL),
                    "while parsing a block collection", "did not find expected '-' indicator"),
            new Wording(Pattern.compile("expected ',' or ']', but got .*", Pattern.DOTALL), null,
                    "did not find expected ',' or ']'"),
            new Wording(Pattern.compile("expected ',' or '}', but got .*", Pattern.DOTALL), null,
                    "did not find expected ',' or '}'"),
            new Wording(Pattern.compile("expected '<document start>', but found .*", Pattern.DOTALL), null,
                    "did not find expected <document start>"),
            new Wording(Pattern.compile("expected the node content, but found .*", Pattern.DOTALL), null,
                    "did not find expected node content"),
            // libyaml scanner.c yaml_parser_scan_anchor: an anchor or alias name with no letters or digits
            new Wording(Pattern.compile("(unexpected character found|expected alphabetic or numeric character).*",
                    Pattern.DOTALL), "while scanning an anchor", "did not find expected alphabetic or numeric character"),
            new Wording(Pattern.compile("(unexpected character found|expected alphabetic or numeric character).*",
                    Pattern.DOTALL), "while scanning an alias", "did not find expected alphabetic or numeric character"));

    private PsychSyntaxError() {
    }

    /**
     * The agent's text for this error. Psych reports libyaml's context mark (psych_parser.c
     * make_exception); a libyaml scanner error always sets it (to the problem position when there is
     * no context), a parser error without context leaves it at its initial 0:0, i.e. line 1 column 1.
     */
    static String agentText(MarkedYAMLException e) {
        org.yaml.snakeyaml.error.Mark at = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
        if (e instanceof ParserException && e.getContext() == null) {
            at = null;
        }
        int line = at == null ? 1 : at.getLine() + 1;
        int column = at == null ? 1 : at.getColumn() + 1;
        return AppSpecAgentErrors.syntaxError(problem(e), e.getContext(), line, column);
    }

    /** The problem in libyaml's words where known. */
    static String problem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem().strip();
        for (Wording w : WORDINGS) {
            if (w.snake().matcher(problem).matches()
                    && (w.contextPrefix() == null || (e.getContext() != null && e.getContext().startsWith(w.contextPrefix())))) {
                return w.libyaml();
            }
        }
        return problem;
    }
}
