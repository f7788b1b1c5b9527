package com.contactsynchub.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;

class FailureReasonTest {

    @Test
    void camelsWrapperIsSkippedAndTheRootCauseAdded() {
        var failure = new RuntimeCamelException(new BadSqlGrammarException("select", "select 1",
                new SQLException("Table \"INBOUND_MESSAGE\" not found")));

        FailureReason reason = FailureReason.of(failure);

        assertThat(reason.exceptionClass()).isEqualTo("org.springframework.jdbc.BadSqlGrammarException");
        assertThat(reason.message()).isEqualTo("select; bad SQL grammar [select 1] "
                + "(cause: java.sql.SQLException: Table \"INBOUND_MESSAGE\" not found)");
    }

    @Test
    void theMessageIsOneLineAndTrimmed() {
        FailureReason reason = FailureReason.of(new IllegalStateException("line one\n\tline two " + "x".repeat(2000)));

        assertThat(reason.message()).startsWith("line one line two xxx").hasSize(FailureReason.MAX_LENGTH)
                .endsWith("...");
        assertThat(FailureReason.of(new IllegalStateException()).message()).isEqualTo("null");
    }
}
