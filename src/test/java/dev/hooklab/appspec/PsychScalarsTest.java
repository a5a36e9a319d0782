package dev.hooklab.appspec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Psych's plain-scalar rules (ruby/psych lib/psych/scalar_scanner.rb, Psych 5, YAML.load): what the
 * agent sees for each unquoted value.
 */
class PsychScalarsTest {
    private static final Mark AT = new Mark(1, 1);
    private final PsychScalars scalars = new PsychScalars();

    private YamlValue value(String text) {
        PsychScalars.Result r = scalars.tokenize(text, AT);
        assertThat(r).as("result for %s", text).isInstanceOf(PsychScalars.Result.Value.class);
        return ((PsychScalars.Result.Value) r).value();
    }

    @ParameterizedTest(name = "{0} -> Integer {1}")
    @CsvSource({"0644,420", "0755,493", "0,0", "00,0", "-0,0", "42,42", "+42,42", "-17,-17", "0x1F,31", "0x1f,31",
            "0b101,5", "-0b101,-5", "1_000,1000", "'1,000',1000", "0_7,7", "1:30,5400", "1:30:00,5400",
            "12:30,45000", "-1:30,-1800", "99999999999999999999,99999999999999999999"})
    void integers(String text, String expected) {
        YamlValue v = value(text);
        assertThat(v).isInstanceOf(YamlValue.Int.class);
        assertThat(((YamlValue.Int) v).value()).isEqualTo(new BigInteger(expected));
        assertThat(v.source()).isEqualTo(text);
    }

    @Test
    void octalKeepsItsSource() {
        YamlValue v = value("0644");
        assertThat(v).isEqualTo(new YamlValue.Int(BigInteger.valueOf(420), AT, "0644"));
        assertThat(v.rubyString()).isEqualTo("420");
    }

    @ParameterizedTest(name = "{0} -> Float {1}")
    @CsvSource({"0.0,0.0", "0.00,0.0", "-0.0,-0.0", "1.0,1.0", ".5,0.5", "-.5,-0.5", "5.,5.0", "1.5,1.5",
            "1.0e+3,1000.0", "1.e+3,1000.0", "1_000.5,1000.5", "'1,000.5',1000.5", "1:30.5,5430.0"})
    void floats(String text, double expected) {
        YamlValue v = value(text);
        assertThat(v).isInstanceOf(YamlValue.Float.class);
        assertThat(((YamlValue.Float) v).value()).isEqualTo(expected);
    }

    @Test
    void specialFloats() {
        assertThat(((YamlValue.Float) value(".inf")).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(((YamlValue.Float) value("+.INF")).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(((YamlValue.Float) value("-.Inf")).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(((YamlValue.Float) value(".NaN")).value()).isNaN();
        assertThat(value(".inf").rubyString()).isEqualTo("Infinity");
    }

    @ParameterizedTest(name = "{0} stays a String")
    @ValueSource(strings = {"1e3", "1.0e3", "08", "09", "0o17", "1__000", "1,,0", "y", "n", "Y", "N", "yes!", "nil",
            "linux", "os", "type", "name", "mode", "on_failure", "-", ".", "+.", "1.2.3", "2024-13-01", "1:2:3:4",
            "0x", "/var/www", "s3-s5:c0.c7,c13", "u:henry:7", "d:g:manager:rw", "12a", "6.44.1", "~x"})
    void strings(String text) {
        YamlValue v = value(text);
        assertThat(v).isInstanceOf(YamlValue.Str.class);
        assertThat(((YamlValue.Str) v).value()).isEqualTo(text);
        assertThat(((YamlValue.Str) v).quoted()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"yes,true", "Yes,true", "YES,true", "true,true", "True,true", "TRUE,true", "on,true", "On,true",
            "ON,true", "no,false", "No,false", "NO,false", "false,false", "False,false", "off,false", "OFF,false"})
    void booleans(String text, boolean expected) {
        assertThat(value(text)).isEqualTo(new YamlValue.Bool(expected, AT, text));
    }

    @ParameterizedTest(name = "{0} -> nil")
    @ValueSource(strings = {"", "~", "null", "Null", "NULL", "nUlL"})
    void nils(String text) {
        assertThat(value(text)).isInstanceOf(YamlValue.Null.class);
    }

    @ParameterizedTest(name = "{0} refused as Date")
    @ValueSource(strings = {"2024-01-02", "2024-1-2", "2024-02-30", "1999-12-31"})
    void datesAreRefused(String text) {
        assertThat(scalars.tokenize(text, AT)).isEqualTo(new PsychScalars.Result.Refused("Date"));
    }

    @ParameterizedTest(name = "{0} refused as Time")
    @ValueSource(strings = {"2024-01-02 10:00:00", "2024-01-02T10:00:00Z", "2001-12-14t21:59:43.10-05:00",
            "2024-01-02 10:00:00 +01:00"})
    void timestampsAreRefused(String text) {
        assertThat(scalars.tokenize(text, AT)).isEqualTo(new PsychScalars.Result.Refused("Time"));
    }

    /**
     * YAML.load on Psych 4 and later is safe_load with {@code permitted_classes: [Symbol]}
     * (ruby/psych lib/psych.rb), so symbols load: {@code os: :linux} is the Symbol :linux.
     */
    @Test
    void symbolsAreSymbols() {
        assertThat(value(":linux")).isEqualTo(new YamlValue.Sym("linux", AT, ":linux"));
        assertThat(value(":'quoted name'")).isEqualTo(new YamlValue.Sym("quoted name", AT, ":'quoted name'"));
        assertThat(value(":")).isEqualTo(new YamlValue.Str(":", AT, false));
    }

    @Test
    void emptyBinaryIntegerIsARubyError() {
        assertThat(scalars.tokenize("0b_", AT))
                .isEqualTo(new PsychScalars.Result.Broken("invalid value for Integer(): \"0b\""));
        assertThat(scalars.tokenize(".e+5", AT))
                .isEqualTo(new PsychScalars.Result.Broken("invalid value for Float(): \"e+5\""));
    }

    @Test
    void shortWordsOnlyBecomeKeywordsWhenWhole() {
        assertThat(value("onx")).isInstanceOf(YamlValue.Str.class);
        assertThat(value("falsey")).isInstanceOf(YamlValue.Str.class);
        assertThat(value("nulls")).isInstanceOf(YamlValue.Str.class);
    }
}
