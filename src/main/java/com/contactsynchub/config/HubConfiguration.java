package com.contactsynchub.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.contract.MessageValidator;

/** Beans of plain classes that the features share. */
@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CommandFactory commandFactory(Clock clock) {
        return new CommandFactory(clock);
    }

    @Bean
    MessageValidator messageValidator() {
        return new MessageValidator();
    }
}
