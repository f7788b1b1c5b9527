package com.contactsynchub.crash;

import org.springframework.boot.builder.SpringApplicationBuilder;

import com.contactsynchub.ContactSyncHubApplication;

/**
 * The hub as {@link CrashPointsIT} runs it in a child JVM: the application itself plus {@link CrashPointHooks},
 * which installs the hook of the crash point named by the system property {@code hub.crash-point} (none without it).
 */
public final class CrashPointHub {

    private CrashPointHub() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(ContactSyncHubApplication.class, CrashPointHooks.class).run(args);
    }
}
