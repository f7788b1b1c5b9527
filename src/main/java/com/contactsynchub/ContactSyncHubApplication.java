package com.contactsynchub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ContactSyncHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContactSyncHubApplication.class, args);
    }
}
