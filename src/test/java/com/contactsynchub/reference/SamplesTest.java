package com.contactsynchub.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.Validation;

/**
 * Every example in samples/crm and samples/erp is valid on its queue and named after its type; every one in
 * samples/invalid is refused on either event queue.
 */
class SamplesTest {

    private static final Path SAMPLES = Path.of("samples");
    private static final MessageValidator VALIDATOR = new MessageValidator();

    static List<Path> crmSamples() throws IOException {
        return jsonFiles("crm");
    }

    static List<Path> erpSamples() throws IOException {
        return jsonFiles("erp");
    }

    static List<Path> invalidSamples() throws IOException {
        return jsonFiles("invalid");
    }

    @ParameterizedTest
    @MethodSource("crmSamples")
    void crmSampleIsValidOnCrmEvents(Path sample) throws IOException {
        assertValid(sample, Channel.CRM_EVENTS);
    }

    @ParameterizedTest
    @MethodSource("erpSamples")
    void erpSampleIsValidOnErpEvents(Path sample) throws IOException {
        assertValid(sample, Channel.ERP_EVENTS);
    }

    @ParameterizedTest
    @MethodSource("invalidSamples")
    void invalidSampleIsRefusedOnEitherEventQueue(Path sample) throws IOException {
        String text = Files.readString(sample);
        for (Channel channel : List.of(Channel.CRM_EVENTS, Channel.ERP_EVENTS)) {
            assertThat(VALIDATOR.validate(text, channel)).as(sample + " on " + channel)
                    .isInstanceOf(Validation.Invalid.class);
        }
    }

    private static void assertValid(Path sample, Channel channel) throws IOException {
        Validation validation = VALIDATOR.validate(Files.readString(sample), channel);
        assertThat(validation).as(() -> sample + " -> " + validation).isInstanceOf(Validation.Valid.class);
        var message = ((Validation.Valid) validation).message();
        assertThat(sample.getFileName().toString()).isEqualTo(message.type().wireName() + ".json");
    }

    private static List<Path> jsonFiles(String folder) throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES.resolve(folder))) {
            List<Path> samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(samples).as("samples in " + folder).isNotEmpty();
            return samples;
        }
    }
}
