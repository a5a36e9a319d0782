package dev.hooklab.run.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code <dg-id>-install.json} as the agent writes it ({@code {:instructions => commands.map(&:to_h)}.to_json}):
 * compact, keys in the agent's order, absent names as null, control characters escaped as Ruby's json does
 * (short forms such as backslash-n, else backslash-u and four lower-case hex digits), everything else as is.
 */
final class InstallJson {
    private final JsonFactory factory = JsonFactory.builder().build();

    /**
     * @throws AgentError for a semanage instruction without a range: the agent's {@code to_h} calls
     *                    {@code get_range} on nil, so the deployment fails before anything is installed
     */
    String of(List<InstallInstruction> instructions) throws AgentError {
        StringWriter out = new StringWriter();
        try {
            write(instructions, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Whether {@link #of} fails for these instructions, checked without building the text.
     *
     * @throws AgentError as {@link #of} would
     */
    void check(List<InstallInstruction> instructions) throws AgentError {
        for (InstallInstruction instruction : instructions) {
            if (instruction instanceof InstallInstruction.ChangeContext c && c.range() == null) {
                throw noRange();
            }
        }
    }

    /**
     * The text of {@link #of}, streamed to {@code out} (closed at the end): a revision of 200,000 files does
     * not hold its install.json in memory.
     */
    void write(List<InstallInstruction> instructions, Writer out) throws IOException, AgentError {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.setCharacterEscapes(new RubyEscapes());
            g.writeStartObject();
            g.writeArrayFieldStart("instructions");
            for (InstallInstruction instruction : instructions) {
                write(g, instruction);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static AgentError noRange() {
        return new AgentError("undefined method 'get_range' for nil");
    }

    private static void write(JsonGenerator g, InstallInstruction instruction) throws IOException, AgentError {
        g.writeStartObject();
        g.writeStringField("type", instruction.command());
        if (instruction instanceof InstallInstruction.MakeDirectory m) {
            g.writeStringField("directory", m.directory());
        } else if (instruction instanceof InstallInstruction.CopyFile c) {
            g.writeStringField("source", c.source());
            g.writeStringField("destination", c.destination());
        } else if (instruction instanceof InstallInstruction.ChangeMode m) {
            g.writeStringField("mode", m.mode());
        } else if (instruction instanceof InstallInstruction.ChangeAcl a) {
            g.writeArrayFieldStart("acl");
            for (String ace : a.acl()) {
                g.writeString(ace);
            }
            g.writeEndArray();
        } else if (instruction instanceof InstallInstruction.ChangeContext c) {
            if (c.range() == null) {
                throw noRange();
            }
            g.writeObjectFieldStart("context");
            g.writeStringField("user", c.user());
            g.writeNullField("role");
            g.writeStringField("type", c.type());
            g.writeStringField("range", c.range());
            g.writeEndObject();
        } else if (instruction instanceof InstallInstruction.ChangeOwner o) {
            g.writeStringField("owner", o.owner());
            g.writeStringField("group", o.group());
        }
        if (!(instruction instanceof InstallInstruction.MakeDirectory)
                && !(instruction instanceof InstallInstruction.CopyFile)) {
            g.writeStringField("file", instruction.path());
        }
        g.writeEndObject();
    }

    /** Ruby's json writes control characters without a short form as backslash-u00xx, in lower case. */
    private static final class RubyEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        RubyEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if ("\b\t\n\f\r".indexOf(c) < 0) {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < 0x20 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
