package dev.taskbench.form;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The benchmark's contenders and inputs: the names results carry, and a correct decode of the seed. */
class ContenderTest {

    @Test
    void namesAreTheParameterValuesOfEarlierRuns() {
        assertEquals(List.of("floorStrings", "taskbench", "jdkURLDecoder", "jettyFormFields", "jettyUrlEncoded",
                "nettyQueryString", "nettyPostDecoder", "tomcatParameters", "undertowFormParser", "springFormConverter"),
                Arrays.stream(Contender.values()).map(Enum::name).toList());
        assertEquals(List.of("seed", "ascii", "nonAscii", "fields1000", "description64k"),
                Arrays.stream(FormInput.values()).map(Enum::name).toList());
    }

    @ParameterizedTest
    @EnumSource(Contender.class)
    void everyContenderDecodesTheSeedBody(Contender contender) {
        FormInput.Sample seed = FormInput.seed.sample();
        FormContenders.Decoder decoder = contender.create();
        decoder.prepare(seed.expected());
        assertNull(FormDeviationReport.check(decoder, seed.body(), seed.expected()));
    }

    /**
     * What each row of FormParsingBenchmark runs, as its fork would (prepared and checked, then the same body
     * decoded again and again): no contender throws on any input. A deviation is the report's to show, not a
     * failure; a throw would fail the row. CI's whole-suite smoke runs the contenders on the seed body only.
     */
    @ParameterizedTest
    @EnumSource(Contender.class)
    void everyContenderDecodesEveryInputAsItsRowWould(Contender contender) {
        for (FormInput input : FormInput.values()) {
            FormInput.Sample in = input.sample();
            FormContenders.Decoder decoder = contender.create();
            decoder.prepare(in.expected());
            byte[] body = in.body();
            FormDeviationReport.check(decoder, body, in.expected()); // as the row's set-up does
            for (int call = 0; call < 3; call++) {
                assertDoesNotThrow(() -> decoder.decode(body), contender + " on " + input);
            }
        }
    }
}
