package com.contactsynchub.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.sync.SyncTestConfiguration;

/**
 * An end-to-end test of the whole hub over the real embedded broker with the reference contact and finance systems
 * (profiles test and demo). Every class with it, and every one with {@code sync/SyncEndToEnd} (the same
 * configuration), shares one Spring context: the hub starts once for all of them. Tests keep apart by numbering
 * their records uniquely and restore any setup they change.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(SyncTestConfiguration.class)
public @interface DemoEndToEnd {
}
