package com.contactsynchub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's login for the admin API and the consoles.
 *
 * @param password blank = no login (only sensible when the hub listens on 127.0.0.1, as on the embedded defaults);
 *                 the production profile requires one ({@code HUB_ADMIN_PASSWORD})
 */
@ConfigurationProperties("hub.admin")
public record AdminProperties(@DefaultValue("admin") String username, @DefaultValue("") String password) {

    public boolean loginRequired() {
        return password != null && !password.isBlank();
    }
}
