package com.contactsynchub.sync;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.erp.FinanceSystem;

/** The beans every end-to-end sync test uses; one configuration, so all of them share one Spring context. */
@TestConfiguration(proxyBeanMethods = false)
public class SyncTestConfiguration {

    @Bean
    SyncTestSupport syncTestSupport(ContactSystem crm, FinanceSystem erp, LinkRegistry links, KnownRecords known,
            Journal journal, NamedParameterJdbcTemplate jdbc, EmbeddedActiveMQ broker, QueueNames queues) {
        return new SyncTestSupport(crm, erp, links, known, journal, jdbc, broker, queues);
    }

    @Bean
    FailOnceHandler failOnceHandler() {
        return new FailOnceHandler();
    }
}
