package dev.hooklab.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;

/**
 * A pretty-printing JSON writer over Jackson's streaming generator, with null-aware helpers. String values
 * name settings by their flags ({@link Flags}).
 */
final class Json implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private final JsonGenerator g;

    Json(Writer out) throws IOException {
        this.g = FACTORY.createGenerator(out);
        this.g.useDefaultPrettyPrinter();
        this.g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    Json object() throws IOException {
        g.writeStartObject();
        return this;
    }

    Json object(String name) throws IOException {
        g.writeObjectFieldStart(name);
        return this;
    }

    Json end() throws IOException {
        g.writeEndObject();
        return this;
    }

    Json array(String name) throws IOException {
        g.writeArrayFieldStart(name);
        return this;
    }

    Json array() throws IOException {
        g.writeStartArray();
        return this;
    }

    Json endArray() throws IOException {
        g.writeEndArray();
        return this;
    }

    Json field(String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, Flags.fill(value));
        }
        return this;
    }

    Json field(String name, boolean value) throws IOException {
        g.writeBooleanField(name, value);
        return this;
    }

    Json field(String name, long value) throws IOException {
        g.writeNumberField(name, value);
        return this;
    }

    Json field(String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
        return this;
    }

    /** A positive number, or null for 0 (unknown line or column). */
    Json position(String name, int value) throws IOException {
        return field(name, value > 0 ? Long.valueOf(value) : null);
    }

    Json nullField(String name) throws IOException {
        g.writeNullField(name);
        return this;
    }

    Json value(String s) throws IOException {
        g.writeString(Flags.fill(s));
        return this;
    }

    @Override
    public void close() throws IOException {
        g.flush();
        g.close();
    }
}
